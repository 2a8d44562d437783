// Issue 15 item 5: a camt.053 statement of 10,000 booked credits (2,000 with --quick), each with the RF of a
// debt of the roll, through the whole bank-statement import into PostgreSQL: read, RF matched, debt read,
// paid, its collection in the year's ledger, appended. Target: at least 5,000 credits/s.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { lixouriPayments, rfOf } from '../src/api/debts/index.ts';
import { subjectOf } from '../src/api/identity/index.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';
import { afmWithCheckDigit, ledgerEventSchemas } from '../src/domain/index.ts';
import { openKeyring } from '../src/eventstore/keyring.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { importFile } from '../src/ingest/importFile.ts';
import { budgetProjection } from '../src/projections/ledger/index.ts';
import { eventReaderFor } from '../src/projections/shared/eventReader.ts';
import { rebuildProjections } from '../src/projections/shared/rebuild.ts';
import { prepareProjections } from '../src/projections/shared/runner.ts';
import { manyCredits } from '../test/support/doubles/bank/index.ts';
import type { Bench, BenchContext } from './support.ts';
import { now, seconds } from './support.ts';

const SCHEMA = 'bench_bank';
const BUDGET = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία\n02/01/2025;προϋπολογισμός;0311;9.000.000,00;ΠΥ-1;;;;;;Τέλη ύδρευσης;\n';
const assessmentOf = (i: number): string => String(i).padStart(7, '0');

const rollOf = (rows: number): string => {
  const lines = ['afm;name;assessment;year;kae;reason;amount;assessed_on;due_on\n'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${afmWithCheckDigit(String(10_000_000 + Math.floor(i / 2)).padStart(8, '0'))};ΟΦΕΙΛΕΤΗΣ ${i};${assessmentOf(i)};2025;0311;Τέλη ύδρευσης;600,00;15/03/2025;30/06/2025\n`);
  }
  return lines.join('');
};

export const bankStatementBench: Bench = {
  name: 'bank-statement',
  async run(context: BenchContext) {
    const credits = context.quick ? 2_000 : 10_000;
    const client = createPgClient({ connectionString: context.databaseUrl });
    await migrateDatabase(client, SCHEMA);
    const store = await openSqlEventStore({ client, schema: SCHEMA, schemas: ledgerEventSchemas });
    try {
      const keyring = await openKeyring(client, SCHEMA, randomBytes(32));
      const budget = await importFile(store, Readable.from([Buffer.from(BUDGET)]), { kind: 'transactions', fileName: 'budget.csv', actor: 'bench' });
      if (!budget.accepted) throw new Error(`budget refused: ${JSON.stringify(budget.errors)}`);
      const personal = { keyring, subjectOf: (taxid: string) => subjectOf({ client, schema: SCHEMA, keyring }, taxid) };
      const roll = await importFile(store, Readable.from([Buffer.from(rollOf(credits))]), { kind: 'debts', fileName: 'roll.csv', actor: 'bench', personal });
      if (!roll.accepted || roll.imported !== credits) throw new Error(`roll refused: ${JSON.stringify(roll).slice(0, 500)}`);
      await prepareProjections({ client, store, schema: SCHEMA, projections: [budgetProjection] });
      await rebuildProjections(client, eventReaderFor(store), SCHEMA, [budgetProjection]);
      const xml = Buffer.from(manyCredits(credits, (i) => rfOf(lixouriPayments, [`2025-${assessmentOf(i)}`])));
      context.log(`bank-statement: ${credits} credits, ${(xml.length / 2 ** 20).toFixed(1)} MiB`);
      const start = now();
      const report = await importFile(store, Readable.from([xml]), { kind: 'bank-statement', fileName: 'statement.xml', actor: 'bench', database: { client, schema: SCHEMA } });
      const perSecond = credits / seconds(start);
      if (!report.accepted || report.imported !== credits) throw new Error(`statement refused: ${JSON.stringify(report).slice(0, 500)}`);
      context.log(`bank-statement: ${perSecond.toFixed(0)} credits/s`);
      return [
        {
          name: `bank-statement-${credits / 1000}k`,
          unit: 'credits/s',
          ours: perSecond,
          target: 5_000,
          targetKind: 'value-at-least',
          note: 'PostgreSQL: camt.053 read, RF matched, debt paid, collection per ΚΑΕ, appended',
        },
      ];
    } finally {
      await store.close();
    }
  },
};
