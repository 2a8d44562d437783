// Issue 15: a debt roll of 100,000 assessments (20,000 with --quick) through the whole import into
// PostgreSQL — ΑΦΜ checked, subject found or made, debtor's fields sealed with their key — against a raw
// multi-row INSERT of as many rows; then GET /api/my/debts's work (the statement of one citizen with 200
// debts, RF codes included) p95 in a roll of 1,000,000 (200,000 with --quick), against the bare indexed
// SELECT of the same rows.
//
// The roll is read from a file, as `opendimos import` reads it (64 KiB at a time): handed over as one buffer
// it was one chunk of 100,000 rows, which no upload or file is. The timed import ends when the import's
// transaction commits; the read model is built after it, untimed.
//
// The 1M roll for the statement: the 100,000 imported by the real path (the measured citizen's 200 among
// them) and projected by the real projection; the other 900,000 written straight into the read model's
// tables (od_debts and its history, three debts a debtor) by one INSERT … SELECT, which the statement reads
// as it reads the imported ones. Importing and projecting a million rows by the real path would take most of
// ten minutes for a figure that depends only on the tables' size.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { statementOf } from '../src/api/debts/index.ts';
import { lixouriPayments } from '../src/api/debts/index.ts';
import { subjectOf, subjectsOf } from '../src/api/identity/index.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';
import { afmWithCheckDigit, ledgerEventSchemas } from '../src/domain/index.ts';
import { openKeyring } from '../src/eventstore/keyring.ts';
import type { SqlClient } from '../src/eventstore/sql/client.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { importFile } from '../src/ingest/importFile.ts';
import { DEBT_HISTORY, DEBTS, debtsProjection } from '../src/projections/debts/debtsProjection.ts';
import { eventReaderFor } from '../src/projections/shared/eventReader.ts';
import { rebuildProjections } from '../src/projections/shared/rebuild.ts';
import { table } from '../src/projections/shared/tables.ts';
import { prepareProjections } from '../src/projections/shared/runner.ts';
import type { Bench, BenchContext } from './support.ts';
import { now, rate, seconds } from './support.ts';

const SCHEMA = 'bench_debts';
const HEADER = 'afm;name;assessment;year;kae;reason;amount;assessed_on;due_on\n';

/** The roll: three debts a debtor, and debtor 0 with 200 (the citizen whose statement is timed). */
const rollOf = (rows: number): { text: string; afm: string } => {
  const afmOf = (n: number): string => afmWithCheckDigit(String(10_000_000 + n).padStart(8, '0'));
  const lines: string[] = [HEADER];
  for (let i = 0; i < rows; i++) {
    const debtor = i < 200 ? 0 : 1 + Math.floor(i / 3);
    lines.push(`${afmOf(debtor)};ΟΦΕΙΛΕΤΗΣ ${debtor};${String(i).padStart(7, '0')};2025;0311;Τέλη ύδρευσης;${(10 + (i % 500)).toFixed(2).replace('.', ',')};15/03/2025;30/06/2025\n`);
  }
  return { text: lines.join(''), afm: afmOf(0) };
};

const rawInsertRate = async (databaseUrl: string, rows: number): Promise<number> => {
  const raw = new pg.Client({ connectionString: databaseUrl });
  await raw.connect();
  await raw.query('CREATE TABLE raw_debts (id uuid, stream text, revision bigint, type text, data json, metadata json)');
  const result = await rate(rows, async () => {
    for (let from = 0; from < rows; from += 1_000) {
      const params: unknown[] = [];
      const values = Array.from({ length: Math.min(1_000, rows - from) }, (_, k) => {
        params.push(crypto.randomUUID(), `debt-2025-${from + k}`, 0, 'DebtAssessed', JSON.stringify({ amount: '10.00', sealed: randomBytes(96).toString('base64url') }), '{}');
        return `($${k * 6 + 1}, $${k * 6 + 2}, $${k * 6 + 3}, $${k * 6 + 4}, $${k * 6 + 5}, $${k * 6 + 6})`;
      });
      await raw.query(`INSERT INTO raw_debts VALUES ${values.join(', ')}`, params);
    }
  });
  await raw.end();
  return result;
};

/** The rest of the roll, assessments `from` to `to` - 1 of the same year, straight into the read model. */
const fillReadModel = async (client: SqlClient, from: number, to: number): Promise<void> => {
  await client.query(
    `INSERT INTO ${table(SCHEMA, DEBTS)} (year, assessment, subject_id, debtor_kind, kae, reason, amount, surcharges, assessed_on, due_on)
     SELECT 2025, lpad(n::text, 7, '0'), 'bench-debtor-' || (n / 3), 'person', '0311', 'Τέλη ύδρευσης', 10 + n % 500, 0, '2025-03-15', '2025-06-30'
       FROM generate_series($1::int, $2::int - 1) AS n`,
    [from, to],
  );
  await client.query(
    `INSERT INTO ${table(SCHEMA, DEBT_HISTORY)} (year, assessment, position, at, kind, amount)
     SELECT 2025, lpad(n::text, 7, '0'), 10000000 + n, '2025-03-15', 'assessed', 10 + n % 500 FROM generate_series($1::int, $2::int - 1) AS n`,
    [from, to],
  );
  // As autovacuum would after such a load: the planner knows the tables' size.
  await client.exec(`ANALYZE ${table(SCHEMA, DEBTS)}; ANALYZE ${table(SCHEMA, DEBT_HISTORY)};`);
};

const p95 = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)] ?? Number.NaN;

export const debtsBench: Bench = {
  name: 'debts',
  async run(context: BenchContext) {
    const rows = context.quick ? 20_000 : 100_000;
    const rollSize = context.quick ? 200_000 : 1_000_000;
    const dir = await mkdtemp(join(tmpdir(), 'opendimos-bench-debts-'));
    const client = createPgClient({ connectionString: context.databaseUrl });
    await migrateDatabase(client, SCHEMA);
    const store = await openSqlEventStore({ client, schema: SCHEMA, schemas: ledgerEventSchemas });
    try {
      const keyring = await openKeyring(client, SCHEMA, randomBytes(32));
      const roll = rollOf(rows);
      const path = join(dir, 'roll.csv');
      await writeFile(path, roll.text, 'utf8');
      const start = now();
      const report = await importFile(store, createReadStream(path), {
        kind: 'debts',
        fileName: 'roll.csv',
        actor: 'bench',
        personal: { keyring, subjectOf: (taxid) => subjectOf({ client, schema: SCHEMA, keyring }, taxid), subjectsOf: (taxids) => subjectsOf({ client, schema: SCHEMA, keyring }, taxids) },
      });
      const importRate = rows / seconds(start);
      if (!report.accepted || report.imported !== rows) throw new Error(`roll refused: ${JSON.stringify(report).slice(0, 500)}`);
      const rawRate = await rawInsertRate(context.databaseUrl, rows);
      context.log(`debts: roll ${importRate.toFixed(0)} rows/s, raw INSERT ${rawRate.toFixed(0)} rows/s`);

      const projection = debtsProjection(keyring);
      await prepareProjections({ client, store, schema: SCHEMA, projections: [projection] });
      await rebuildProjections(client, eventReaderFor(store), SCHEMA, [projection]);
      await fillReadModel(client, rows, rollSize);
      const [{ n: debts } = { n: '0' }] = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table(SCHEMA, DEBTS)}`);
      if (Number(debts) !== rollSize) throw new Error(`the roll holds ${debts} debts, not ${rollSize}`);
      const subjectId = await subjectOf({ client, schema: SCHEMA, keyring }, roll.afm);
      const services = { ...lixouriPayments, store, client, schema: SCHEMA, keyring };
      const ours: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < 200; i++) {
        let t = now();
        const statement = await statementOf(services, subjectId);
        ours.push(seconds(t) * 1000);
        if (statement.debts.length !== 200) throw new Error(`the citizen has ${statement.debts.length} debts, not 200`);
        t = now();
        await client.query(`SELECT * FROM "${SCHEMA}".od_debts WHERE subject_id = $1 ORDER BY year DESC, assessment`, [subjectId]);
        bare.push(seconds(t) * 1000);
      }
      context.log(`debts: statement of 200 debts p95 ${p95(ours).toFixed(2)} ms, bare SELECT ${p95(bare).toFixed(2)} ms`);
      return [
        { name: `debt-roll-${rows / 1000}k`, unit: 'rows/s', ours: importRate, peer: rawRate, peerName: 'raw multi-row INSERT of as many rows', target: 0.3, note: 'PostgreSQL: parse, check, subject, seal, decide, append' },
        { name: 'my-debts-200-p95', unit: 'ms', ours: p95(ours), peer: p95(bare), peerName: 'bare indexed SELECT of the rows', note: `statement with histories and RF codes, roll of ${rollSize / 1000}k (${rows / 1000}k imported, the rest written into the read model)` },
      ];
    } finally {
      await store.close();
      await client.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
