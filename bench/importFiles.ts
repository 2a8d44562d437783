// Large transaction files for the import benchmarks, written as a Greek accounting export would be: 300
// budget lines, then commitment → order → payment chains with suppliers, some natural persons.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { afmWithCheckDigit } from '../src/domain/index.ts';
import { csvLine, greekAmount, greekDate } from '../fixtures/greekCsv.ts';
import { lineKae } from './ledgerData.ts';

const HEADER = ['ημερομηνία', 'είδος', 'ΚΑΕ', 'ποσό', 'παραστατικό', 'σχετικό', 'ΑΦΜ', 'επωνυμία', 'φυσικό_πρόσωπο', 'ΑΔΑ', 'τίτλος', 'αιτιολογία'];
const LINES = 300;
const SUPPLIERS = Array.from({ length: 150 }, (_, i) => ({ afm: afmWithCheckDigit(String(80_000_000 + i * 7919).padStart(8, '0')), name: `ΕΤΑΙΡΕΙΑ ${i + 1} Α.Ε.` }));

const dateOf = (row: number, rows: number): string => greekDate(new Date(Date.UTC(2025, 0, 2 + Math.floor((row / rows) * 360))).toISOString().slice(0, 10));

/** Writes `rows` data rows to `path` (streamed: a million rows never sit in memory). */
export const writeTransactionsFile = async (path: string, rows: number): Promise<void> => {
  const out = createWriteStream(path);
  const write = async (fields: (string | null)[]) => {
    if (!out.write(`${csvLine(fields)}\r\n`)) await once(out, 'drain');
  };
  await write(HEADER);
  for (let i = 0; i < Math.min(LINES, rows); i++) {
    await write(['02/01/2025', 'προϋπολογισμός', lineKae(i), greekAmount(100_000_000_000n), `ΠΥ-${i + 1}`, null, null, null, null, null, `Γραμμή ${i + 1}`, 'Ψηφισθείς προϋπολογισμός']);
  }
  for (let row = LINES; row < rows; row++) {
    const chain = Math.floor((row - LINES) / 3);
    const step = (row - LINES) % 3;
    const person = chain % 17 === 0;
    const supplier = SUPPLIERS[chain % SUPPLIERS.length]!;
    const cells = person ? [null, null, 'ναι'] : [supplier.afm, supplier.name, 'όχι'];
    const amount = greekAmount(BigInt((chain % 5_000) * 100 + 150));
    const [type, document, ref] =
      step === 0 ? ['δέσμευση', `Δ-${chain}`, null] : step === 1 ? ['ένταλμα', `Ε-${chain}`, `Δ-${chain}`] : ['πληρωμή', `ΧΕ-${chain}`, `Ε-${chain}`];
    await write([dateOf(row, rows), type, lineKae(chain % LINES), amount, document, ref ?? null, ...cells, null, null, 'Προμήθεια υλικών για τις ανάγκες του Δήμου']);
  }
  out.end();
  await once(out, 'finish');
};
