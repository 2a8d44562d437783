import pg from 'pg';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { movement } from './support.ts';
const url = 'postgres://postgres@127.0.0.1:5432/prof';
const N = 2000;
const time = async (name: string, f: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < 200; i++) await f(-i - 1);
  const t = performance.now();
  for (let i = 0; i < N; i++) await f(i);
  console.log(name, (((performance.now() - t) / N) * 1000).toFixed(0), 'µs');
};
const c = new pg.Client({ connectionString: url });
await c.connect();
const client = createPgClient({ connectionString: url, maxConnections: 16 });
const s = await openSqlEventStore({ client, schema: 'prof', ownsClient: true });
const run = Date.now();
const D = JSON.stringify(movement(1));
for (let k = 0; k < 2; k++) {
  await time('select1', () => c.query({ text: 'SELECT 1', name: 's1' }));
  await time('bare', (i) => c.query({ text: `INSERT INTO bare VALUES (gen_random_uuid(), $1, 0, 'MovementRecorded', 1, $2, '{}', sha256('x'))`, values: [`b-${run}-${k}-${i}`, D], name: 'bare' }));
  await time('rawappend', (i) => c.query({ text: `SELECT statuses, revisions, first_positions FROM prof.od_append($1::int[], $2::text[], $3::text[], $4::int[], $5::int[], $6::uuid[], $7::text[], $8::int[], $9::json, $10::json)`, values: [[0], [`r-${run}-${k}-${i}`], ['no_stream'], [1], [1], [crypto.randomUUID()], ['MovementRecorded'], [1], `[${D}]`, '[{}]'], name: 'ra' }));
  await time('store', (i) => s.append(`s-${run}-${k}-${i}`, [{ type: 'MovementRecorded', data: movement(i) }]));
}
await c.end();
await s.close();
