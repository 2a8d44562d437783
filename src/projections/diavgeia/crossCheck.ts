// The cross-check (διασταύρωση): every movement of a year that cites an ΑΔΑ, matched to its decision on
// Diavgeia — the type fits the stage, the amounts per ΚΑΕ agree (decimal.js, to the cent), the payee's ΑΦΜ is
// among the decision's sponsors, the decision is not revoked — and the spending decisions of that year that no
// movement cites. Revenue movements and reversals are outside it: Diavgeia's spending types speak of expenses,
// and a reversal takes back part of a document already checked.
import { Decimal } from 'decimal.js';
import type { CheckedStage } from '../../domain/index.ts';
import { CHECKED_STAGES, fitsStage, SPENDING_DECISION_TYPES, STAGES_NEEDING_ADA } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { TRANSACTIONS } from '../ledger/index.ts';
import { table } from '../shared/tables.ts';
import { DECISION_AMOUNTS, DECISION_SPONSORS, DECISIONS, kaeDigits } from './decisionsProjection.ts';

export const VERDICTS = ['matched', 'amountMismatch', 'typeMismatch', 'payeeMismatch', 'revoked', 'missingInDiavgeia', 'withoutAda', 'notInLedger'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One line of the answer of GET /api/crosscheck/diavgeia, exactly. */
export interface CrossCheckItem {
  readonly ada: string | null;
  /** The ledger's document number; null for a decision no movement cites. */
  readonly document: string | null;
  readonly kae: string | null;
  readonly ledgerAmount: string | null;
  readonly diavgeiaAmount: string | null;
  readonly verdict: Verdict;
}

export interface CrossCheck {
  readonly summary: Readonly<Record<Verdict, number>>;
  readonly items: CrossCheckItem[];
}

interface MovementRow {
  ada: string | null;
  document: string;
  kae: string;
  line: string;
  type: string;
  amount: string;
  natural: boolean | null;
  afm: string | null;
}

interface DecisionRow {
  ada: string;
  decision_type: string;
  amount: string | null;
  revoked: boolean;
  cited: boolean;
  amounts: { kae: string; digits: string; amount: string }[] | string;
  sponsors: { afm: string | null; natural: boolean }[] | string;
}

interface Decision {
  readonly type: string;
  readonly amount: Decimal | null;
  readonly revoked: boolean;
  readonly cited: boolean;
  readonly amounts: readonly { kae: string; digits: string; amount: Decimal }[];
  readonly sponsors: readonly { afm: string | null; natural: boolean }[];
}

// PGlite hands json back parsed, node-postgres too; a driver that gives text is read the same.
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** The movements and the decisions one year's check needs, in two reads; the matching is done here. */
const load = async (db: SqlExecutor, schema: string, year: number) => {
  const t = table(schema, TRANSACTIONS);
  const movements = await db.query<MovementRow>(
    `SELECT ada, document, kae, line, type, sum(amount)::text AS amount, bool_or(natural_person) AS natural, min(counterparty_afm) AS afm
     FROM ${t} WHERE year = $1 AND type = ANY($2::text[]) AND (side = 'expense' OR type IN ('budget', 'amendment'))
     GROUP BY ada, document, kae, line, type`,
    [year, CHECKED_STAGES],
  );
  const d = table(schema, DECISIONS);
  const rows = await db.query<DecisionRow>(
    `WITH cited AS (SELECT DISTINCT ada FROM ${t} WHERE year = $1 AND ada IS NOT NULL)
     SELECT d.ada, d.decision_type, d.amount::text AS amount, d.revoked, (c.ada IS NOT NULL) AS cited,
       (SELECT coalesce(json_agg(json_build_object('kae', a.kae, 'digits', a.kae_digits, 'amount', a.amount::text) ORDER BY a.line), '[]'::json)
          FROM ${table(schema, DECISION_AMOUNTS)} a WHERE a.ada = d.ada) AS amounts,
       (SELECT coalesce(json_agg(json_build_object('afm', s.afm, 'natural', s.natural_person) ORDER BY s.line), '[]'::json)
          FROM ${table(schema, DECISION_SPONSORS)} s WHERE s.ada = d.ada) AS sponsors
     FROM ${d} d LEFT JOIN cited c ON c.ada = d.ada
     WHERE c.ada IS NOT NULL
        OR (d.decision_type = ANY($2::text[]) AND coalesce(d.financial_year, extract(year FROM d.issue_date)::int) = $1)`,
    [year, SPENDING_DECISION_TYPES],
  );
  const decisions = new Map<string, Decision>();
  for (const r of rows) {
    decisions.set(r.ada, {
      type: r.decision_type,
      amount: r.amount === null ? null : new Decimal(r.amount),
      revoked: r.revoked,
      cited: r.cited,
      amounts: json(r.amounts).map((a) => ({ kae: a.kae, digits: a.digits, amount: new Decimal(a.amount) })),
      sponsors: json(r.sponsors),
    });
  }
  return { movements, decisions };
};

const money = (d: Decimal | null): string | null => (d === null ? null : d.toFixed(2));

/** What the decision says for this movement's ΚΑΕ (by its digits, with or without the sub-code), else its total. */
const decisionAmountFor = (decision: Decision, m: MovementRow): { amount: Decimal | null; perKae: boolean } => {
  if (decision.amounts.length === 0) return { amount: decision.amount, perKae: false };
  const full = kaeDigits(m.kae);
  const line = kaeDigits(m.line);
  const lines = decision.amounts.filter((a) => a.digits === full || a.digits === line);
  return { amount: lines.length === 0 ? null : lines.reduce((s, a) => s.plus(a.amount), new Decimal(0)), perKae: true };
};

const payeeAgrees = (decision: Decision, m: MovementRow): boolean => {
  if (decision.sponsors.length === 0 || (m.natural === null && m.afm === null)) return true;
  return m.natural ? decision.sponsors.some((s) => s.natural) : decision.sponsors.some((s) => s.afm === m.afm);
};

export const crossCheckDiavgeia = async (db: SqlExecutor, schema: string, year: number): Promise<CrossCheck> => {
  const { movements, decisions } = await load(db, schema, year);
  // A decision's amount is set against the ledger's sum for it, per stage (and per ΚΑΕ where it gives them).
  const sums = new Map<string, Decimal>();
  const sumKey = (m: MovementRow, perKae: boolean) => `${m.ada}|${m.type}|${perKae ? kaeDigits(m.kae) : ''}`;
  for (const m of movements) {
    if (m.ada === null) continue;
    for (const perKae of [true, false]) sums.set(sumKey(m, perKae), (sums.get(sumKey(m, perKae)) ?? new Decimal(0)).plus(m.amount));
  }
  const items: CrossCheckItem[] = [];
  for (const m of movements) {
    const stage = m.type as CheckedStage;
    const base = { ada: m.ada, document: m.document, kae: m.kae, ledgerAmount: new Decimal(m.amount).toFixed(2) };
    if (m.ada === null) {
      if (STAGES_NEEDING_ADA.includes(stage)) items.push({ ...base, diavgeiaAmount: null, verdict: 'withoutAda' });
      continue;
    }
    const decision = decisions.get(m.ada);
    if (!decision) {
      items.push({ ...base, diavgeiaAmount: null, verdict: 'missingInDiavgeia' });
      continue;
    }
    const { amount, perKae } = decisionAmountFor(decision, m);
    const stated = decision.amounts.length > 0 || decision.amount !== null;
    const verdict: Verdict = decision.revoked
      ? 'revoked'
      : !fitsStage(stage, decision.type)
        ? 'typeMismatch'
        : stated && (amount === null || !amount.equals(sums.get(sumKey(m, perKae))!))
          ? 'amountMismatch'
          : !payeeAgrees(decision, m)
            ? 'payeeMismatch'
            : 'matched';
    items.push({ ...base, diavgeiaAmount: money(amount), verdict });
  }
  for (const [ada, decision] of decisions) {
    if (decision.cited || decision.revoked || !SPENDING_DECISION_TYPES.includes(decision.type)) continue;
    if (decision.amounts.length === 0) items.push({ ada, document: null, kae: null, ledgerAmount: null, diavgeiaAmount: money(decision.amount), verdict: 'notInLedger' });
    for (const a of decision.amounts) items.push({ ada, document: null, kae: a.kae, ledgerAmount: null, diavgeiaAmount: a.amount.toFixed(2), verdict: 'notInLedger' });
  }
  items.sort((a, b) => compare(a.ada, b.ada) || compare(a.document, b.document) || compare(a.kae, b.kae));
  const summary = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const item of items) summary[item.verdict]++;
  return { summary, items };
};

// Items without an ΑΔΑ last; otherwise by code point, the same on every machine.
const compare = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
