// Issue 2: appending and reading events, against the peer @event-driven-io/emmett-postgresql on the same
// PostgreSQL, in the same run. Both stores get the same payloads and the same pool size.
import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import type { EventStore } from '../src/eventstore/port.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import type { Bench, BenchContext, Figure } from './support.ts';
import { inParallel, movement, now, rate, seconds } from './support.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';

const POOL = 16;

type Peer = ReturnType<typeof getPostgreSQLEventStore>;

const peerEvent = (i: number) => ({ type: 'MovementRecorded', data: movement(i) });
const ourEvent = (i: number) => ({ type: 'MovementRecorded', data: movement(i) });

interface Contestants {
  readonly ours: EventStore;
  readonly peer: Peer;
  readonly peerPool: pg.Pool;
  readonly close: () => Promise<void>;
}

const open = async (databaseUrl: string): Promise<Contestants> => {
  const client = createPgClient({ connectionString: databaseUrl, maxConnections: POOL });
  await migrateDatabase(client, 'bench');
  const ours = await openSqlEventStore({ client, schema: 'bench', ownsClient: true });
  const peerPool = new pg.Pool({ connectionString: databaseUrl, max: POOL });
  const peer = getPostgreSQLEventStore(databaseUrl, { connectionOptions: { pool: peerPool } });
  await peer.schema.migrate();
  return {
    ours,
    peer,
    peerPool,
    close: async () => {
      await ours.close();
      await peer.close();
      await peerPool.end().catch(() => undefined);
    },
  };
};

/**
 * Times ours and the peer on the same workload. Both get a warm-up; then they take turns in several rounds,
 * so that a noisy neighbour on the machine slows both alike rather than whichever ran at that moment.
 */
const ROUNDS = 5;
const duel = async (
  context: BenchContext,
  name: string,
  units: number,
  ours: (run: string) => Promise<void>,
  peer: (run: string) => Promise<void>,
): Promise<{ ours: number; peer: number }> => {
  await ours('warm');
  await peer('warm');
  let ourSeconds = 0;
  let peerSeconds = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let start = now();
    await peer(`r${round}`);
    peerSeconds += seconds(start);
    start = now();
    await ours(`r${round}`);
    ourSeconds += seconds(start);
  }
  const result = { ours: units / ourSeconds, peer: units / peerSeconds };
  context.log(`${name}: ours ${result.ours.toFixed(0)}/s, peer ${result.peer.toFixed(0)}/s`);
  return result;
};

const sequential = async (context: BenchContext, c: Contestants): Promise<Figure> => {
  const n = context.quick ? 1_000 : 5_000;
  const result = await duel(
    context,
    'append-1-sequential',
    n,
    async (run) => {
      const count = run === 'warm' ? 200 : n / ROUNDS;
      for (let i = 0; i < count; i++) await c.ours.append(`seq-${run}-${i}`, [ourEvent(i)]);
    },
    async (run) => {
      const count = run === 'warm' ? 200 : n / ROUNDS;
      for (let i = 0; i < count; i++) await c.peer.appendToStream(`seq-${run}-${i}`, [peerEvent(i)]);
    },
  );
  return { name: 'append-1-sequential', unit: 'events/s', ...result, peerName: 'emmett-postgresql 0.42', target: 2.0 };
};

const concurrent = async (context: BenchContext, c: Contestants): Promise<Figure> => {
  const n = context.quick ? 3_000 : 16_000;
  const result = await duel(
    context,
    'append-1-concurrent16',
    n,
    (run) => inParallel(run === 'warm' ? 320 : n / ROUNDS, 16, (i) => c.ours.append(`con-${run}-${i}`, [ourEvent(i)]).then(() => undefined)),
    (run) => inParallel(run === 'warm' ? 320 : n / ROUNDS, 16, (i) => c.peer.appendToStream(`con-${run}-${i}`, [peerEvent(i)]).then(() => undefined)),
  );
  return { name: 'append-1-concurrent16', unit: 'events/s', ...result, peerName: 'emmett-postgresql 0.42', target: 2.0 };
};

const hundred = (base: number) => Array.from({ length: 100 }, (_, k) => base + k);

const batch = async (context: BenchContext, c: Contestants, databaseUrl: string): Promise<Figure[]> => {
  const appends = context.quick ? 100 : 400;
  const units = appends * 100;
  const result = await duel(
    context,
    'append-100-batch',
    units,
    async (run) => {
      for (let a = 0; a < (run === 'warm' ? 20 : appends / ROUNDS); a++) await c.ours.append(`batch-${run}-${a}`, hundred(a * 100).map(ourEvent));
    },
    async (run) => {
      for (let a = 0; a < (run === 'warm' ? 20 : appends / ROUNDS); a++) await c.peer.appendToStream(`batch-${run}-${a}`, hundred(a * 100).map(peerEvent));
    },
  );
  // The floor: the same rows as a plain multi-row INSERT into a bare table, 100 rows per statement.
  const raw = new pg.Client({ connectionString: databaseUrl });
  await raw.connect();
  await raw.query(`CREATE TABLE raw_events (id uuid, stream text, revision bigint, type text, data json, metadata json)`);
  const insert = async (a: number) => {
    const params: unknown[] = [];
    const values = hundred(a * 100).map((i, k) => {
      params.push(crypto.randomUUID(), `raw-${a}`, k, 'MovementRecorded', JSON.stringify(movement(i)), JSON.stringify({ recordedAt: new Date().toISOString() }));
      const p = k * 6;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6})`;
    });
    await raw.query(`INSERT INTO raw_events VALUES ${values.join(', ')}`, params);
  };
  for (let a = 0; a < 20; a++) await insert(a);
  const rawRate = await rate(units, async () => {
    for (let a = 0; a < appends; a++) await insert(a);
  });
  await raw.end();
  context.log(`raw multi-row INSERT: ${rawRate.toFixed(0)} rows/s`);
  return [
    { name: 'append-100-batch', unit: 'events/s', ...result, peerName: 'emmett-postgresql 0.42', target: 1.5 },
    { name: 'vs-raw-insert', unit: 'events/s', ours: result.ours, peer: rawRate, peerName: 'raw multi-row INSERT, bare table', target: 0.5 },
  ];
};

const readAll = async (context: BenchContext, c: Contestants, databaseUrl: string): Promise<Figure> => {
  const total = context.quick ? 100_000 : 1_000_000;
  const perAppend = 1_000;
  const fillStart = now();
  // Filled with 1,000-event appends on 8 connections each; both stores get the same events.
  await inParallel(total / perAppend, 8, async (a) => {
    await c.ours.append(`read-${a}`, Array.from({ length: perAppend }, (_, k) => ourEvent(a * perAppend + k)));
  });
  await inParallel(total / perAppend, 8, async (a) => {
    await c.peer.appendToStream(`read-${a}`, Array.from({ length: perAppend }, (_, k) => peerEvent(a * perAppend + k)));
  });
  context.log(`read-all: filled ${total} events into each store in ${seconds(fillStart).toFixed(1)} s`);
  const head = await c.ours.headPosition();
  const batchSize = 5_000;

  const peerExecutor = dumbo({ connectionString: databaseUrl });
  const timeRead = async (read: () => Promise<number>): Promise<{ count: number; rate: number }> => {
    const start = now();
    const count = await read();
    return { count, rate: count / seconds(start) };
  };
  // The peer's own batch reader, driven the way its puller drives it: from the position it reports.
  const peerRead = await timeRead(async () => {
    let after = 0n;
    let count = 0;
    for (;;) {
      const { messages, currentGlobalPosition, areMessagesLeft } = await readMessagesBatch(peerExecutor.execute, { after, batchSize });
      count += messages.length;
      if (!areMessagesLeft || messages.length === 0) return count;
      after = currentGlobalPosition;
    }
  });
  await peerExecutor.close();
  const ourRead = await timeRead(async () => {
    let from = 0;
    let count = 0;
    for (;;) {
      const events = await c.ours.readAll({ fromPosition: from, maxCount: batchSize });
      if (events.length === 0) return count;
      count += events.length;
      from = events[events.length - 1]!.position;
    }
  });
  context.log(`read-all: ours ${ourRead.count} events (head ${head}) at ${ourRead.rate.toFixed(0)}/s, peer ${peerRead.count} at ${peerRead.rate.toFixed(0)}/s`);
  return {
    name: 'read-all',
    unit: 'events/s',
    ours: ourRead.rate,
    peer: peerRead.rate,
    peerName: 'emmett readMessagesBatch',
    note: `${ourRead.count.toLocaleString('en')} events (of which ${total.toLocaleString('en')} for this figure) in global order, batches of ${batchSize}`,
  };
};

export const eventStoreBench: Bench = {
  name: 'eventstore',
  async run(context) {
    const c = await open(context.databaseUrl);
    try {
      return [
        await sequential(context, c),
        await concurrent(context, c),
        ...(await batch(context, c, context.databaseUrl)),
        await readAll(context, c, context.databaseUrl),
      ];
    } finally {
      await c.close();
    }
  },
};
