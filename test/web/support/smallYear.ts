// A small fiscal year of the Municipality of Lixouri, the current one, in the finance department's export
// format: budget lines on both sides, an amendment with its ΑΔΑ, commitments, payment orders and payments to
// three suppliers and to a natural person, a reversal, assessments and receipts, and a property register.
// Enough movements for a second page of results, and a commitment, order and payment dated today, so that
// the home page's "today" has something to show.
import { afmWithCheckDigit } from '../../../src/domain/index.ts';
import { athensDate } from '../../../src/web/shared/format.ts';
import type { SiteFile } from './siteApp.ts';

/** Today as a reader in Greece counts it, "2026-11-24", and its fiscal year. */
export const SMALL_YEAR_TODAY = athensDate(new Date());
export const SMALL_YEAR = Number(SMALL_YEAR_TODAY.slice(0, 4));
const Y = SMALL_YEAR;

/** What must never appear anywhere public. */
export const NATURAL_PERSONS = [
  { afm: '123456789', name: 'Γεώργιος Παπαδόπουλος' },
  { afm: '987654321', name: 'Μαρία Κωνσταντίνου' },
] as const;

export const SUPPLIERS = {
  lighting: { afm: afmWithCheckDigit('09940120'), name: 'ΗΛΕΚΤΡΟΤΕΧΝΙΚΗ ΚΕΦΑΛΛΗΝΙΑΣ Α.Ε.' },
  water: { afm: afmWithCheckDigit('80041213'), name: 'ΥΔΡΟΤΕΧΝΙΚΗ ΙΟΝΙΟΥ Ο.Ε.' },
  works: { afm: afmWithCheckDigit('99812345'), name: 'ΤΕΧΝΙΚΗ ΠΑΛΙΚΗΣ Α.Τ.Ε.' },
  cafe: { afm: afmWithCheckDigit('80155432'), name: 'ΚΑΦΕ ΠΛΑΤΕΙΑΣ Ι.Κ.Ε.' },
} as const;

type Party = { readonly afm: string; readonly name: string } | 'natural' | null;

const TRANSACTION_HEADER = ['date', 'type', 'kae', 'amount', 'document', 'ref', 'afm', 'name', 'natural_person', 'ada', 'title', 'description'];

const quote = (field: string): string => (/[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
const csv = (header: readonly string[], rows: readonly (readonly string[])[]): string => [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';

const row = (date: string, type: string, kae: string, amount: string, document: string, more: { ref?: string; party?: Party; ada?: string; title?: string; description?: string } = {}): string[] => {
  const party = more.party ?? null;
  const natural = party === 'natural' ? NATURAL_PERSONS[0] : null;
  const legal = party === 'natural' ? null : party;
  return [
    date,
    type,
    kae,
    amount,
    document,
    more.ref ?? '',
    natural?.afm ?? legal?.afm ?? '',
    natural?.name ?? legal?.name ?? '',
    party === 'natural' ? 'ναι' : '',
    more.ada ?? '',
    more.title ?? '',
    more.description ?? '',
  ];
};

const month = (m: number): string => String(m).padStart(2, '0');

/** One expense chain: a commitment, and an order and a payment for each amount given. */
const expense = (kae: string, n: string, party: Party, committed: { date: string; amount: string; description: string; ada?: string }, paid: readonly { order: string; pay: string; amount: string }[]) => [
  row(committed.date, 'commitment', kae, committed.amount, `ΑΥ-${n}`, { party, description: committed.description, ada: committed.ada }),
  ...paid.flatMap((p, i) => [
    row(p.order, 'order', kae, p.amount, `ΧΕ-${n}-${i + 1}`, { ref: `ΑΥ-${n}`, party, description: committed.description }),
    row(p.pay, 'payment', kae, p.amount, `ΠΛ-${n}-${i + 1}`, { ref: `ΧΕ-${n}-${i + 1}`, party, description: committed.description }),
  ]),
];

export const smallYearTransactions = (): string => {
  const budget = (kae: string, amount: string, title: string) => row(`${Y}-01-02`, 'budget', kae, amount, `ΠΥ-${kae}`, { title, ada: 'ΨΚ3Β46ΜΓΘΠ-Α1Ζ' });
  const { lighting, water, works, cafe } = SUPPLIERS;
  const rows = [
    budget('0311', '1200000.00', 'Τέλη καθαριότητας και φωτισμού'),
    budget('0111', '85000.00', 'Μισθώματα από αστικά ακίνητα'),
    budget('1211', '2400000.00', 'Κεντρικοί Αυτοτελείς Πόροι για λειτουργικές δαπάνες'),
    budget('10-6011', '900000.00', 'Τακτικές αποδοχές υπαλλήλων'),
    budget('20-6262.001', '60000.00', 'Συντήρηση δικτύου ηλεκτροφωτισμού'),
    budget('25-6661', '45000.00', 'Προμήθεια υλικών ύδρευσης'),
    budget('30-7323.005', '250000.00', 'Ανακατασκευή πεζοδρομίων κεντρικής πλατείας'),
    budget('00-6117', '20000.00', 'Αμοιβές για εκπόνηση μελετών'),
    budget('90-9111', '50000.00', 'Αποθεματικό'),
    row(`${Y}-04-15`, 'amendment', '30-7323.005', '30000.00', 'ΑΝ-1-1', { ada: 'ΨΑΘ146ΜΓΘΠ-3Κ7', description: `Αναμόρφωση 1/${Y}: ενίσχυση του έργου` }),
    row(`${Y}-04-15`, 'amendment', '90-9111', '-30000.00', 'ΑΝ-1-2', { ada: 'ΨΑΘ146ΜΓΘΠ-3Κ7', description: `Αναμόρφωση 1/${Y}: μείωση αποθεματικού` }),
    ...expense('20-6262.001', '1', lighting, { date: `${Y}-02-03`, amount: '12400.00', description: 'Συντήρηση φωτιστικών σωμάτων' }, [{ order: `${Y}-03-03`, pay: `${Y}-03-10`, amount: '12400.00' }]),
    ...expense('25-6661', '2', water, { date: `${Y}-02-10`, amount: '8750.50', description: 'Προμήθεια σωλήνων ύδρευσης' }, [{ order: `${Y}-05-05`, pay: `${Y}-05-12`, amount: '5000.00' }]),
    ...expense(
      '10-6011',
      '3',
      null,
      { date: `${Y}-01-05`, amount: '900000.00', description: `Μισθοδοσία μόνιμου προσωπικού ${Y}` },
      Array.from({ length: 11 }, (_, i) => ({ order: `${Y}-${month(i + 1)}-20`, pay: `${Y}-${month(i + 1)}-25`, amount: '70000.00' })).map((p, i) =>
        i === 10 ? { ...p, order: `${Y}-11-18`, pay: `${Y}-11-19` } : p,
      ),
    ),
    ...expense('00-6117', '4', 'natural', { date: `${Y}-03-01`, amount: '3000.00', description: 'Αμοιβή μελέτης στατικής επάρκειας' }, [{ order: `${Y}-06-01`, pay: `${Y}-06-05`, amount: '1234.56' }]),
    ...expense('30-7323.005', '5', works, { date: `${Y}-05-20`, amount: '240000.00', description: 'Εργολαβία ανακατασκευής πεζοδρομίων', ada: 'ΨΖ8Κ46ΜΓΘΠ-ΑΒ2' }, [{ order: `${Y}-07-15`, pay: `${Y}-07-22`, amount: '96000.00' }]),
    row(`${Y}-06-10`, 'commitment', '20-6262.001', '1000.00', 'ΑΥ-6', { party: lighting, description: 'Δέσμευση καταχωρισμένη κατά λάθος' }),
    row(`${Y}-06-11`, 'reversal', '20-6262.001', '1000.00', 'ΑΝΤ-1', { ref: 'commitment:ΑΥ-6', description: 'Αντιλογισμός λανθασμένης δέσμευσης' }),
    ...expense('20-6262.001', '7', lighting, { date: SMALL_YEAR_TODAY, amount: '2000.00', description: 'Αντικατάσταση λαμπτήρων LED' }, [{ order: SMALL_YEAR_TODAY, pay: SMALL_YEAR_TODAY, amount: '1240.00' }]),
    row(`${Y}-01-10`, 'assessment', '0311', '1150000.00', 'ΒΕ-1', { description: `Βεβαίωση τελών καθαριότητας ${Y}` }),
    ...Array.from({ length: 10 }, (_, i) => row(`${Y}-${month(i + 1)}-28`, 'receipt', '0311', '80000.00', `ΕΙ-1-${i + 1}`, { ref: 'ΒΕ-1', description: 'Είσπραξη τελών καθαριότητας' })),
    row(`${Y}-01-15`, 'assessment', '0111', '12000.00', 'ΒΕ-2', { party: cafe, description: `Μίσθωμα αναψυκτηρίου πλατείας ${Y}` }),
    row(`${Y}-07-01`, 'receipt', '0111', '6000.00', 'ΕΙ-2-1', { ref: 'ΒΕ-2', party: cafe, description: 'Μίσθωμα αναψυκτηρίου, α΄ δόση' }),
    row(`${Y}-02-20`, 'assessment', '0311', '150.00', 'ΒΕ-3', { party: 'natural', description: 'Βεβαίωση τελών' }),
    row(`${Y}-03-20`, 'receipt', '0311', '150.00', 'ΕΙ-3-1', { ref: 'ΒΕ-3', party: 'natural', description: 'Είσπραξη τελών' }),
    ...[3, 6, 9].map((m, i) => row(`${Y}-${month(m)}-15`, 'receipt', '1211', '200000.00', `ΕΙ-4-${i + 1}`, { description: `ΚΑΠ ${i + 1}ου τριμήνου` })),
  ];
  return csv(TRANSACTION_HEADER, rows);
};

const ASSET_HEADER = ['date', 'action', 'asset', 'category', 'name', 'kaek', 'address', 'lat', 'lon', 'value', 'afm', 'counterparty_name', 'natural_person', 'amount', 'ada', 'description'];

const asset = (date: string, action: string, id: string, more: Partial<Record<(typeof ASSET_HEADER)[number], string>>): string[] =>
  ASSET_HEADER.map((column) => (column === 'date' ? date : column === 'action' ? action : column === 'asset' ? id : (more[column] ?? '')));

export const smallYearAssets = (): string => {
  const register = (id: string, category: string, name: string, value: string, place: { address?: string; lat?: string; lon?: string; kaek?: string }) =>
    asset(`${Y}-01-15`, 'register', id, { category, name, value, ...place });
  const natural = NATURAL_PERSONS[1];
  return csv(ASSET_HEADER, [
    register('ΑΚ-001', 'Κτίρια', 'Δημοτικό Θέατρο Ληξουρίου', '850000.00', { address: 'Πλατεία Πετρίτση, Ληξούρι', lat: '38.20238', lon: '20.43818', kaek: '050681526003' }),
    register('ΑΚ-002', 'Κτίρια', 'Αναψυκτήριο πλατείας', '120000.00', { address: 'Πλατεία Πετρίτση, Ληξούρι', lat: '38.20262', lon: '20.43748' }),
    register('ΟΙΚ-003', 'Οικόπεδα', 'Οικόπεδο οδού Αγίου Σπυρίδωνος', '60000.00', { address: 'Ληξούρι', lat: '38.19950', lon: '20.43590' }),
    register('ΑΓΡ-004', 'Αγροτεμάχια', 'Αγροτεμάχιο στη θέση Κουβαλάτα', '15000.00', { lat: '38.21100', lon: '20.42010' }),
    register('ΟΧ-005', 'Οχήματα', 'Απορριμματοφόρο ΚΗΙ 4521', '95000.00', {}),
    register('ΑΚ-006', 'Κτίρια', 'Παλαιό σχολείο Σουλλάρων', '40000.00', { address: 'Σουλλάροι', lat: '38.21500', lon: '20.39500' }),
    asset(`${Y}-03-01`, 'lease', 'ΑΚ-002', { afm: SUPPLIERS.cafe.afm, counterparty_name: SUPPLIERS.cafe.name, amount: '12000.00', ada: 'ΨΒΓ246ΜΓΘΠ-Λ2Μ', description: 'Μίσθωση αναψυκτηρίου για τρία έτη' }),
    asset(`${Y}-06-01`, 'revalue', 'ΟΙΚ-003', { value: '72000.00', description: 'Επανεκτίμηση αξίας' }),
    asset(`${Y}-09-01`, 'dispose', 'ΑΓΡ-004', { amount: '18000.00', description: 'Εκποίηση με δημοπρασία' }),
    asset(`${Y}-10-01`, 'transfer', 'ΑΚ-006', { afm: natural.afm, counterparty_name: natural.name, natural_person: 'ναι', description: 'Ανταλλαγή ακινήτου' }),
  ]);
};

/** The small year's transactions and property register, as the finance department would import them. */
export const smallYearFiles = (): readonly SiteFile[] => [
  { kind: 'transactions', fileName: 'lixouri-year.csv', content: smallYearTransactions() },
  { kind: 'assets', fileName: 'lixouri-assets.csv', content: smallYearAssets() },
];
