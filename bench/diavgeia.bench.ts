// Diavgeia (issue 20, closing note): a full sync of 10,000 decisions from the local double of the OpenData
// API, against its peer in the same run — the same pages fetched and read by the same client, nothing written
// (the wire's floor) — and the cross-check of a year of 100,000 movements against its peer, the two reads it
// makes (movements by ΑΔΑ, decisions with their amounts and payees) as plain SQL without the matching.
import type { DecisionFields, FiscalYearEvent } from '../src/domain/index.ts';
import { afmWithCheckDigit, ledgerEventSchemas, streams } from '../src/domain/index.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';
import type { StreamAppend } from '../src/eventstore/port.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { syncDecisions } from '../src/api/diavgeia/index.ts';
import { diavgeiaClient } from '../src/integrations/diavgeia/index.ts';
import { crossCheckDiavgeia, DECISION_AMOUNTS, DECISION_SPONSORS, DECISIONS, decisionsProjection } from '../src/projections/diavgeia/index.ts';
import { ledgerProjections, TRANSACTIONS } from '../src/projections/ledger/index.ts';
import { eventReaderFor } from '../src/projections/shared/eventReader.ts';
import { rebuildProjections } from '../src/projections/shared/rebuild.ts';
import { prepareProjections } from '../src/projections/shared/runner.ts';
import { table } from '../src/projections/shared/tables.ts';
import { startDiavgeiaDouble, wireDecision } from '../test/support/doubles/diavgeia/index.ts';
import { lineKae } from './ledgerData.ts';
import type { Bench, BenchContext, Figure } from './support.ts';
import { now, seconds } from './support.ts';

const SCHEMA = 'bench';
const ORG = '6302';
const TODAY = '2025-06-28';
const GREEK = 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ';
/** A valid ΑΔΑ per number: digits and a Greek letter, a hyphen, a Greek tail. */
const adaOf = (n: number): string => `Ψ${String(n).padStart(7, '0')}Λ-${GREEK[n % 24]}${GREEK[Math.floor(n / 24) % 24]}`;

const syncFigures = async (context: BenchContext, store: Awaited<ReturnType<typeof openSqlEventStore>>): Promise<Figure[]> => {
  const count = context.quick ? 2_000 : 10_000;
  const double = await startDiavgeiaDouble();
  try {
    const base = Date.parse('2025-01-02T08:00:00Z');
    for (let i = 0; i < count; i++) {
      double.publish(
        wireDecision({ ada: adaOf(i), organizationId: ORG, decisionTypeId: i % 2 ? 'Β.2.2' : 'Β.1.3', issueDate: '2025-01-02', submittedAt: base + i * 60_000, kae: [{ kae: lineKae(i % 3_000), amount: 100 + (i % 900) }], sponsors: [{ afm: afmWithCheckDigit(String(80_000_000 + (i % 150) * 7919)), name: `ΕΤΑΙΡΕΙΑ ${i % 150} Α.Ε.`, amount: 100 + (i % 900) }] }),
      );
    }
    const client = diavgeiaClient({ baseUrl: double.url });
    // The peer: every page of the same search read and checked by the same client, nothing written.
    const wireStart = now();
    let read = 0;
    for (let page = 0; ; page++) {
      const answer = await client.search({ organizationId: ORG, from: '2025-01-01', to: TODAY, page, size: 500 });
      read += answer.decisions.length;
      if (answer.decisions.length === 0 || (page + 1) * 500 >= answer.total) break;
    }
    const wire = read / seconds(wireStart);
    const start = now();
    const report = await syncDecisions({ store, diavgeia: client, organizationId: ORG, from: '2025-01-01', today: () => TODAY });
    const ours = report.published / seconds(start);
    context.log(`sync: ${report.published} decisions in ${report.pages} pages, ${ours.toFixed(0)}/s; the pages alone ${wire.toFixed(0)}/s`);
    if (report.published !== count || read !== count) throw new Error(`synced ${report.published}, read ${read} of ${count}`);
    return [{ name: `diavgeia-sync-${count / 1000}k`, unit: 'decisions/s', ours, peer: wire, peerName: 'the same pages fetched and read, nothing written', note: 'HTTP double on this machine, pages of 500, each page one append with its place' }];
  } finally {
    await double.close();
  }
};

/** A year of movements in chains (commitment and order citing an ΑΔΑ each, then the payment), and their decisions; 1 in 50 off. */
const fillYear = async (store: Awaited<ReturnType<typeof openSqlEventStore>>, movements: number): Promise<number> => {
  const lines: FiscalYearEvent[] = Array.from({ length: 3_000 }, (_, i) => ({
    type: 'BudgetLineEstablished',
    data: { year: 2025, kae: lineKae(i), document: `Π-${i + 1}`, date: '2025-01-02', amount: '100000000.00', ada: null, description: null, side: 'expense', title: `Γραμμή ${lineKae(i)}` },
  }));
  await store.append('fiscalYear-2025', lines);
  let batch: FiscalYearEvent[] = [];
  let decisions: StreamAppend[] = [];
  const flush = async () => {
    if (batch.length > 0) await store.append('fiscalYear-2025', batch);
    if (decisions.length > 0) await store.appendMany(decisions);
    batch = [];
    decisions = [];
  };
  const chains = Math.floor(movements / 3);
  for (let c = 0; c < chains; c++) {
    const kae = lineKae(c % 3_000);
    const amount = `${(c % 5_000) + 1}.${String(c % 100).padStart(2, '0')}`;
    const counterparty = { naturalPerson: false as const, afm: afmWithCheckDigit(String(80_000_000 + (c % 150) * 7919)), name: `ΕΤΑΙΡΕΙΑ ${c % 150} Α.Ε.` };
    const date = new Date(Date.UTC(2025, 0, 2 + Math.floor((c / chains) * 360))).toISOString().slice(0, 10);
    const base = { year: 2025, kae, date, amount, description: null };
    batch.push(
      { type: 'ExpenseCommitted', data: { ...base, document: `Δ-${c}`, ada: adaOf(2 * c), counterparty } },
      { type: 'PaymentOrdered', data: { ...base, document: `Ε-${c}`, commitment: `Δ-${c}`, ada: adaOf(2 * c + 1), counterparty } },
      { type: 'PaymentMade', data: { ...base, document: `ΧΕ-${c}`, order: `Ε-${c}`, ada: null, counterparty } },
    );
    const decision = (n: number, type: string, extra: Partial<DecisionFields>): DecisionFields => ({
      ada: adaOf(n), versionId: `v-${n}`, protocolNumber: `${n}/2025`, subject: `Απόφαση ${n}`, issueDate: date, decisionTypeId: type, organizationId: ORG, unitIds: [],
      financialYear: 2025, amount: amount, kaeAmounts: [], sponsors: [], submittedAt: `${date}T10:00:00.000Z`, ...extra,
    });
    const off = c % 50 === 0 ? '1.00' : '0.00';
    decisions.push(
      { stream: streams.decision(adaOf(2 * c)), events: [{ type: 'DecisionPublished', data: decision(2 * c, 'Β.1.3', { kaeAmounts: [{ kae, amount: (Number(amount) + Number(off)).toFixed(2) }] }) }] },
      { stream: streams.decision(adaOf(2 * c + 1)), events: [{ type: 'DecisionPublished', data: decision(2 * c + 1, 'Β.2.2', { sponsors: [{ ...counterparty, amount }] }) }] },
    );
    if (batch.length >= 3_000) await flush();
  }
  await flush();
  return chains * 3;
};

const crossCheckFigures = async (context: BenchContext): Promise<Figure[]> => {
  const movements = context.quick ? 20_000 : 100_000;
  const client = createPgClient({ connectionString: context.databaseUrl, maxConnections: 4 });
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA}_check CASCADE`);
  const schema = `${SCHEMA}_check`;
  await migrateDatabase(client, schema);
  const store = await openSqlEventStore({ client, schema, schemas: ledgerEventSchemas, ownsClient: true });
  try {
    const fillStart = now();
    const made = await fillYear(store, movements);
    await prepareProjections({ client, store, schema, projections: [] });
    await rebuildProjections(client, eventReaderFor(store), schema, [...ledgerProjections.projections, decisionsProjection]);
    context.log(`cross-check: ${made} movements and ${(made / 3) * 2} decisions loaded and projected in ${seconds(fillStart).toFixed(1)} s`);
    const t = table(schema, TRANSACTIONS);
    // The peer: the same two reads, as plain SQL, without the matching.
    const plain = async () => {
      await client.query(`SELECT ada, document, kae, line, type, sum(amount)::text AS amount, bool_or(natural_person) AS natural, min(counterparty_afm) AS afm FROM ${t}
        WHERE year = 2025 AND type = ANY($1::text[]) AND (side = 'expense' OR type IN ('budget', 'amendment')) GROUP BY ada, document, kae, line, type`, [['budget', 'amendment', 'commitment', 'order', 'payment']]);
      await client.query(`WITH cited AS (SELECT DISTINCT ada FROM ${t} WHERE year = 2025 AND ada IS NOT NULL)
        SELECT d.ada, d.decision_type, d.amount::text, d.revoked,
          (SELECT coalesce(json_agg(json_build_object('kae', a.kae, 'digits', a.kae_digits, 'amount', a.amount::text) ORDER BY a.line), '[]'::json) FROM ${table(schema, DECISION_AMOUNTS)} a WHERE a.ada = d.ada),
          (SELECT coalesce(json_agg(json_build_object('afm', s.afm, 'natural', s.natural_person) ORDER BY s.line), '[]'::json) FROM ${table(schema, DECISION_SPONSORS)} s WHERE s.ada = d.ada)
        FROM ${table(schema, DECISIONS)} d LEFT JOIN cited c ON c.ada = d.ada WHERE c.ada IS NOT NULL OR (d.decision_type = ANY($1::text[]) AND coalesce(d.financial_year, extract(year FROM d.issue_date)::int) = 2025)`, [['Β.1.3', 'Β.2.2']]);
    };
    const best = async (work: () => Promise<unknown>): Promise<number> => {
      await work();
      let fastest = Infinity;
      for (let i = 0; i < 3; i++) {
        const start = now();
        await work();
        fastest = Math.min(fastest, seconds(start));
      }
      return fastest;
    };
    const check = await crossCheckDiavgeia(client, schema, 2025);
    const ours = await best(() => crossCheckDiavgeia(client, schema, 2025));
    const peer = await best(plain);
    context.log(`cross-check of ${made} movements: ${(ours * 1000).toFixed(0)} ms (${check.summary.matched} matched, ${check.summary.amountMismatch} amount mismatches); the two reads alone ${(peer * 1000).toFixed(0)} ms`);
    return [{ name: `diavgeia-crosscheck-${movements / 1000}k`, unit: 'movements/s', ours: made / ours, peer: made / peer, peerName: 'its two reads as plain SQL, no matching', note: `one year, ${made.toLocaleString('en')} movements, ${((made / 3) * 2).toLocaleString('en')} decisions; best of 3, ${(ours * 1000).toFixed(0)} ms` }];
  } finally {
    await store.close();
  }
};

export const diavgeiaBench: Bench = {
  name: 'diavgeia',
  async run(context) {
    const client = createPgClient({ connectionString: context.databaseUrl, maxConnections: 8 });
    await migrateDatabase(client, SCHEMA);
    const store = await openSqlEventStore({ client, schema: SCHEMA, schemas: ledgerEventSchemas, ownsClient: true });
    try {
      return [...(await syncFigures(context, store)), ...(await crossCheckFigures(context))];
    } finally {
      await store.close();
    }
  },
};
