// What the debt-roll import tests share: a schema with the keyring and the subjects (as the installation has
// them), the import's personal data built from them as the composition root builds it, a budget year for the
// ΚΑΕ check, files in bytes, and the debts read model run over what was imported.
import type { DebtEvent } from '../../../src/domain/index.ts';
import { subjectOf, subjectsOf } from '../../../src/api/identity/index.ts';
import type { ImportOptions, ImportReport } from '../../../src/ingest/importFile.ts';
import type { PersonalData } from '../../../src/ingest/personalData.ts';
import { debtsProjections } from '../../../src/projections/debts/index.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import type { IdentityTest } from '../../support/identity.ts';
import { openIdentityTest, settled } from '../../support/identity.ts';
import { importBytes, streamEvents } from '../harness.ts';

export interface RollTest extends IdentityTest {
  readonly personal: PersonalData;
  /** Imports a file of this kind with the installation's personal data (unless the options say otherwise). */
  readonly importAs: (kind: 'debts' | 'debt-adjustments', bytes: Buffer | string, options?: Partial<ImportOptions>) => Promise<ImportReport>;
  /** The subject of an ΑΦΜ, as a login finds it. */
  readonly subject: (taxid: string) => Promise<string>;
  /** Runs the debts projection over everything imported, and stops it. */
  readonly project: () => Promise<void>;
}

export const openRollTest = async (): Promise<RollTest> => {
  const t = await openIdentityTest();
  const subjects = { client: t.client, schema: t.schema, keyring: t.keyring };
  // As the installation gives it: a chunk of rows' subjects at once, and one at a time.
  const personal: PersonalData = { keyring: t.keyring, subjectOf: (taxid) => subjectOf(subjects, taxid), subjectsOf: (taxids) => subjectsOf(subjects, taxids) };
  return {
    ...t,
    personal,
    importAs: (kind, bytes, options = {}) => importBytes(t.store, bytes, { kind, fileName: `${kind}.csv`, actor: 'εσόδων', personal, ...options }),
    subject: (taxid) => subjectOf(subjects, taxid),
    async project() {
      const runner = await startProjections({ client: t.client, store: t.store, schema: t.schema, projections: debtsProjections(t.keyring).projections });
      try {
        await runner.caughtUp;
        await settled(t.store, runner);
      } finally {
        await runner.stop();
      }
    },
  };
};

/** Runs a test body on a fresh schema, dropped afterwards whatever happens. */
export const withRoll = (body: (t: RollTest) => Promise<void>) => async (): Promise<void> => {
  const t = await openRollTest();
  try {
    await body(t);
  } finally {
    await t.dispose();
  }
};

export const debtEvents = (t: RollTest, year: number, assessment: string): Promise<DebtEvent[]> => streamEvents<DebtEvent>(t.store, `debt-${year}-${assessment}`);

/** Lines of a CSV file, CRLF as the revenue system writes them. */
export const csv = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;

/** The fiscal year 2025 in the ledger: revenue lines the rolls are collected on, and one expense line. */
export const BUDGET_2025 = csv(
  'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία',
  '02/01/2025;προϋπολογισμός;0351.001;50.000,00;ΠΥ-1;;;;;;Λοιπά έσοδα από ανταποδοτικά τέλη και δικαιώματα;',
  '02/01/2025;προϋπολογισμός;1512.001;8.000,00;ΠΥ-2;;;;;;Πρόστιμα για μη εφαρμογή Κ.Ο.Κ.;',
  '02/01/2025;προϋπολογισμός;0441.002;12.000,00;ΠΥ-3;;;;;;Τέλος ακίνητης περιουσίας εισπραττόμενο από το Δήμο;',
  '02/01/2025;προϋπολογισμός;0461.001;20.000,00;ΠΥ-4;;;;;;Τέλη χρήσης πεζοδρομίων, οδών, πλατειών κλπ κοινόχρηστων χώρων;',
  '02/01/2025;προϋπολογισμός;20-6641;10.000,00;ΠΥ-5;;;;;;Προμήθεια καυσίμων;',
);

export const withBudget = async (t: RollTest): Promise<void> => {
  const report = await importBytes(t.store, BUDGET_2025, { fileName: 'budget-2025.csv' });
  if (!report.accepted) throw new Error(`the budget was refused: ${JSON.stringify(report.errors)}`);
};
