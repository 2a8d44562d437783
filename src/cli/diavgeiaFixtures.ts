// The fixture year's decisions as Diavgeia would publish them, for the development stand-in: one per ΑΔΑ that
// the fixture ledger cites (fixtures/lixouri-2025-*.csv), of the type its stage calls for and with its amounts
// per ΚΑΕ and its payees, so most movements are `matched`; and, on purpose, a few of each kind of mismatch —
// an amount off, a type that does not fit, another payee, revoked, not posted at all, and spending decisions
// no movement cites — so the cross-check page shows every verdict. Deterministic: the same decisions each start.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { FIXTURE_FILES } from './fixtures.ts';

/** The stand-in's organisation: not a real Diavgeia uid, so it is never mistaken for one. */
export const STAND_IN_ORGANIZATION = '0';

type Stage = 'budget' | 'amendment' | 'commitment' | 'order';
const STAGES: Readonly<Record<string, Stage>> = { προϋπολογισμός: 'budget', αναμόρφωση: 'amendment', δέσμευση: 'commitment', ένταλμα: 'order' };
const TYPE_OF: Readonly<Record<Stage, string>> = { budget: 'Β.1.1', amendment: 'Α.2', commitment: 'Β.1.3', order: 'Β.2.2' };

interface Cited {
  readonly ada: string;
  readonly stage: Stage;
  readonly date: string;
  readonly document: string;
  readonly subject: string;
  readonly lines: { kae: string; amount: Decimal; afm: string; name: string; natural: boolean }[];
}

/** dd/mm/yyyy → yyyy-mm-dd; 1.234,56 → 1234.56. The fixture files are ours: `;`, UTF-8, decimal comma. */
const isoOf = (d: string): string => `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
const amountOf = (a: string): Decimal => new Decimal(a.replace(/\./g, '').replace(',', '.'));

const citedDecisions = (): Cited[] => {
  const byAda = new Map<string, Cited>();
  for (const file of FIXTURE_FILES.filter((f) => f.kind === 'transactions')) {
    for (const row of readFileSync(file.path, 'utf8').split(/\r?\n/).slice(1)) {
      const [date, kind, kae, amount, document, , afm, name, natural, ada, , reason] = row.split(';');
      const stage = STAGES[kind ?? ''];
      if (!stage || !ada) continue;
      const cited = byAda.get(ada) ?? { ada, stage, date: isoOf(date!), document: document!, subject: reason || `Απόφαση ${document}`, lines: [] };
      cited.lines.push({ kae: kae!, amount: amountOf(amount!), afm: afm ?? '', name: name ?? '', natural: natural === 'ναι' });
      byAda.set(ada, cited);
    }
  }
  return [...byAda.values()].sort((a, b) => (a.ada < b.ada ? -1 : 1));
};

const versionOf = (ada: string): string => {
  const h = createHash('sha256').update(`opendimos-fixture-decision-${ada}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

// A person as TaxisNet, and so Diavgeia, writes one; the read model keeps only «φυσικό πρόσωπο».
const PERSON = 'ΔΙΚΑΙΟΥΧΟΣ,,ΦΥΣΙΚΟ ΠΡΟΣΩΠΟ,';
const payee = (afm: string, name: string, natural: boolean) => ({ afm, afmType: 'EL', afmCountry: 'EL', enterName: false, name: natural ? PERSON : name });

const wire = (c: Cited, type: string, options: { status?: string; extra?: Decimal; afm?: string } = {}): Record<string, unknown> => {
  const at = Date.parse(`${c.date}T08:00:00Z`);
  const byKae = new Map<string, { amount: Decimal; afm: string; name: string; natural: boolean }>();
  for (const l of c.lines) {
    const line = byKae.get(l.kae) ?? { amount: new Decimal(0), afm: options.afm ?? l.afm, name: l.name, natural: l.natural };
    line.amount = line.amount.plus(l.amount);
    byKae.set(l.kae, line);
  }
  const lines = [...byKae.entries()];
  if (options.extra && lines[0]) lines[0][1].amount = lines[0][1].amount.plus(options.extra);
  const extraFieldValues =
    type === 'Β.1.3'
      ? {
          financialYear: Number(c.date.slice(0, 4)),
          budgettype: 'Τακτικός Προϋπολογισμός',
          amountWithKae: lines.map(([kae, l]) => ({ ...(l.afm ? { sponsorAFMName: payee(l.afm, l.name, l.natural) } : {}), kae, amountWithVAT: Number(l.amount.toFixed(2)) })),
          documentType: 'ΠΡΑΞΗ',
        }
      : type === 'Β.2.2'
        ? {
            org: { afm: '090022354', afmType: 'EL', enterName: false, name: 'ΔΗΜΟΣ ΛΗΞΟΥΡΙΟΥ' },
            sponsor: lines.map(([, l]) => ({ sponsorAFMName: payee(l.afm, l.name, l.natural), expenseAmount: { amount: Number(l.amount.toFixed(2)), currency: 'EUR' } })),
            documentType: 'ΠΡΑΞΗ',
          }
        : { financialYear: Number(c.date.slice(0, 4)), documentType: 'ΠΡΑΞΗ' };
  return {
    ada: c.ada,
    versionId: versionOf(c.ada),
    status: options.status ?? 'PUBLISHED',
    protocolNumber: c.document,
    subject: c.subject,
    issueDate: at,
    submissionTimestamp: at + 2 * 3_600_000,
    publishTimestamp: at + 2 * 3_600_000,
    organizationId: STAND_IN_ORGANIZATION,
    unitIds: [],
    decisionTypeId: type,
    extraFieldValues,
    privateData: false,
  };
};

// Spending decisions of the fixture year that no movement cites (notInLedger).
const UNCITED: readonly Cited[] = [
  { ada: 'ΨΩΧΑ46ΜΛΩ6-ΝΛ1', stage: 'commitment', date: '2025-05-19', document: 'ΑΑΥ-9901', subject: 'Προμήθεια ελαστικών οχημάτων καθαριότητας', lines: [{ kae: '20-6671', amount: new Decimal('2480.00'), afm: '', name: '', natural: false }] },
  { ada: 'ΩΒΓΔ46ΜΛΩ6-ΚΖ7', stage: 'commitment', date: '2025-09-02', document: 'ΑΑΥ-9902', subject: 'Συντήρηση παιδικών χαρών', lines: [{ kae: '30-6262.003', amount: new Decimal('5890.50'), afm: '', name: '', natural: false }] },
  { ada: 'ΡΣΤΥ46ΜΛΩ6-ΦΧ2', stage: 'order', date: '2025-11-14', document: 'ΧΕ-9902', subject: 'Πληρωμή λογαριασμού ύδρευσης', lines: [{ kae: '25-6279', amount: new Decimal('1311.20'), afm: '801234560', name: 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.', natural: false }] },
];

/** Which cited decisions are published wrong, by their place among those of their stage (ΑΔΑ order). */
const MISMATCHES = {
  amount: { stage: 'commitment', at: [10, 200, 900] },
  type: { stage: 'commitment', at: [50, 500] },
  payee: { stage: 'order', at: [30, 300] },
  revoked: { stage: 'order', at: [70, 700] },
  missing: { stage: 'order', at: [5, 150, 1500] },
} as const;

/** A valid ΑΦΜ of another supplier of the fixtures, for the payee that is not the ledger's. */
const OTHER_PAYEE = '801234560';

export const fixtureDecisions = (): Record<string, unknown>[] => {
  const cited = citedDecisions();
  const stageIndex = new Map<string, number>();
  const counters = new Map<Stage, number>();
  for (const c of cited) {
    const n = counters.get(c.stage) ?? 0;
    stageIndex.set(c.ada, n);
    counters.set(c.stage, n + 1);
  }
  const is = (c: Cited, kind: keyof typeof MISMATCHES): boolean => MISMATCHES[kind].stage === c.stage && (MISMATCHES[kind].at as readonly number[]).includes(stageIndex.get(c.ada)!);
  const out: Record<string, unknown>[] = [];
  for (const c of cited) {
    if (is(c, 'missing')) continue;
    const type = TYPE_OF[c.stage];
    if (is(c, 'amount')) out.push(wire(c, type, { extra: new Decimal('50.00') }));
    else if (is(c, 'type')) out.push(wire(c, 'Β.2.2'));
    else if (is(c, 'payee') && c.lines.every((l) => !l.natural && l.afm !== OTHER_PAYEE)) out.push(wire(c, type, { afm: OTHER_PAYEE }));
    else if (is(c, 'revoked')) out.push(wire(c, type, { status: 'REVOKED' }));
    else out.push(wire(c, type));
  }
  for (const c of UNCITED) out.push(wire(c, TYPE_OF[c.stage]));
  return out;
};
