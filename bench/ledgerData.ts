// Synthetic but realistic ledger data for benchmarks: a fiscal year of ~3,000 budget lines and as many
// movements as asked (commitment → order → payment chains, 150 suppliers, some natural persons), as
// domain events ready to append. Deterministic: the same size gives the same events.
import type { Counterparty, FiscalYearEvent } from '../src/domain/index.ts';
import { afmWithCheckDigit } from '../src/domain/index.ts';

export const LINES = 3_000;
const SERVICES = ['00', '10', '15', '20', '25', '30', '35', '40', '45', '50'];
const CODES = ['6011', '6021', '6041', '6051', '6111', '6117', '6211', '6253', '6261', '6262', '6264', '6279', '6413', '6421', '6631', '6634', '6662', '6699', '7135', '7323'];
const WORDS = ['Προμήθεια', 'υλικών', 'καθαριότητας', 'συντήρηση', 'οχημάτων', 'ηλεκτροφωτισμού', 'ύδρευσης', 'Ληξουρίου', 'Παλικής', 'σχολικών', 'κτιρίων', 'ασφαλτόστρωση', 'οδών', 'αμοιβή', 'μελέτης'];

export const lineKae = (i: number): string => `${SERVICES[i % SERVICES.length]}-${CODES[Math.floor(i / SERVICES.length) % CODES.length]}.${String(Math.floor(i / (SERVICES.length * CODES.length)) + 1).padStart(3, '0')}`;

const suppliers: Counterparty[] = Array.from({ length: 150 }, (_, i) => ({
  naturalPerson: false,
  afm: afmWithCheckDigit(String(80_000_000 + i * 7919).padStart(8, '0')),
  name: `ΕΤΑΙΡΕΙΑ ${i + 1} Α.Ε.`,
}));
const person: Counterparty = { naturalPerson: true, afm: null, name: null };

const dateOf = (n: number, total: number): string => {
  const day = 1 + Math.floor((n / Math.max(total, 1)) * 360);
  return new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
};

/** Events n..n+count of the synthetic year (lines first, then movements in chains of three). */
export function* syntheticYear(total: number): Generator<FiscalYearEvent> {
  for (let i = 0; i < Math.min(LINES, total); i++) {
    yield {
      type: 'BudgetLineEstablished',
      data: { year: 2025, kae: lineKae(i), document: `Π-${i + 1}`, date: '2025-01-02', amount: '100000000.00', ada: null, description: null, side: 'expense', title: `Γραμμή ${lineKae(i)}` },
    };
  }
  for (let n = LINES; n < total; n++) {
    const chain = Math.floor((n - LINES) / 3);
    const step = (n - LINES) % 3;
    const kae = lineKae(chain % LINES);
    const counterparty = chain % 17 === 0 ? person : suppliers[chain % suppliers.length]!;
    const amount = `${(chain % 5_000) + 1}.${String(chain % 100).padStart(2, '0')}`;
    const description = `${WORDS[chain % WORDS.length]} ${WORDS[(chain * 7) % WORDS.length]} ${WORDS[(chain * 11) % WORDS.length]}`;
    const base = { year: 2025, kae, date: dateOf(n, total), amount, ada: null, description };
    if (step === 0) yield { type: 'ExpenseCommitted', data: { ...base, document: `Δ-${chain}`, counterparty } };
    else if (step === 1) yield { type: 'PaymentOrdered', data: { ...base, document: `Ε-${chain}`, commitment: `Δ-${chain}`, counterparty } };
    else yield { type: 'PaymentMade', data: { ...base, document: `ΧΕ-${chain}`, order: `Ε-${chain}`, counterparty } };
  }
}
