// Imports from one process append one at a time: an import on PostgreSQL that holds the ledger's append
// lock still reads streams as rows need them, and must find a connection to read with.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { afmWithCheckDigit, ledgerEventSchemas } from '../../src/domain/index.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { inTurn } from '../../src/ingest/appendTurns.ts';
import type { EventStore } from '../../src/eventstore/port.ts';
import { createTestSchema, suiteBackend } from '../support/database.ts';
import { importBytes } from './harness.ts';

const HEADER = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία';
const commitment = (year: number, document: string, afm: string) => `10/01/${year};δέσμευση;20-6641;10,00;${document};;${afm};ΕΤΑΙΡΕΙΑ ${afm};όχι;;;`;
const budget = (year: number) => `02/01/${year};προϋπολογισμός;20-6641;1.000.000,00;ΠΥ-1;;;;;;Καύσιμα;`;

test('turns: an append waits for the earlier ones on its store, failed or not; other stores do not wait', async () => {
  const store = {} as EventStore;
  const other = {} as EventStore;
  const order: string[] = [];
  let finishFirst = (): void => {};
  const first = inTurn(store, async () => {
    order.push('first starts');
    await new Promise<void>((resolve) => (finishFirst = resolve));
    order.push('first fails');
    throw new Error('the database went away');
  });
  const second = inTurn(store, async () => void order.push('second'));
  const elsewhere = inTurn(other, async () => void order.push('other store'));
  await elsewhere;
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(order, ['first starts', 'other store']);
  finishFirst();
  await first.catch(() => undefined);
  await second;
  assert.equal(order, ['first starts', 'other store', 'first fails', 'second']);
});

test('turns: with a pool of two connections, a second import waits without one, so the first can still read a late supplier', async () => {
  if (suiteBackend() !== 'postgresql') return; // PGlite decides the whole file before it appends.
  const db = await createTestSchema();
  const setup = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  const store = await openSqlEventStore({ client: await db.connectAgain(2), schema: db.schema, schemas: ledgerEventSchemas });
  try {
    const early = afmWithCheckDigit('09401420');
    const late = afmWithCheckDigit('12345678');
    const rows = [budget(2025)];
    for (let i = 1; i <= 3_000; i++) rows.push(commitment(2025, `ΑΑΥ-${i}`, early));
    // A supplier first named on the last row: read once the first import holds the append lock.
    rows.push(commitment(2025, 'ΑΑΥ-LAST', late));
    const long = importBytes(store, `${[HEADER, ...rows].join('\n')}\n`);
    // The second import starts once the first holds the lock.
    for (let held = 0; held === 0; await new Promise((resolve) => setTimeout(resolve, 5))) {
      const [row] = await setup.client.query<{ held: number }>(`SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND granted`);
      held = row?.held ?? 0;
    }
    // Another year and another supplier: nothing the first import touches.
    const short = importBytes(store, `${[HEADER, budget(2024), commitment(2024, 'ΑΑΥ-1', afmWithCheckDigit('80000000'))].join('\n')}\n`);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the imports wait for each other for ever')), 20_000).unref());
    const [first, second] = await Promise.race([Promise.all([long, short]), timeout]);
    assert.equal([first.outcome, first.imported, second.outcome, second.imported], ['imported', 3_002, 'imported', 2]);
  } finally {
    await store.close();
    await setup.close();
    await db.drop();
  }
});

test.run();
