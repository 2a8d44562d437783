// `opendimos verify`: walks the hash chain of the whole ledger; exit 1 at the first broken link.
import type { LedgerCommandContext } from './io.ts';

export const verifyCommand = async (_args: readonly string[], { installation, io }: LedgerCommandContext): Promise<number> => {
  const report = await installation.store.verify();
  if (report.ok) {
    io.stdout.write(
      `Η αλυσίδα είναι ακέραιη: ${report.events} γεγονότα, τελευταίο hash ${report.headHash}\n` +
        `The chain holds: ${report.events} events, head hash ${report.headHash}\n`,
    );
    return 0;
  }
  io.stdout.write(
    `Σπασμένος κρίκος στη θέση ${report.brokenAt} (μετά από ${report.events} έγκυρα γεγονότα)\n` +
      `Broken link at position ${report.brokenAt} (after ${report.events} valid events): ${report.reason}\n`,
  );
  return 1;
};
