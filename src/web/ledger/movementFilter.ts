// The movements page's query string → a TransactionFilter and the messages for what could not be read.
// The same names as the GraphQL TransactionFilter and the export's parameters (year, kae, type, afm,
// search, from, to, orderBy), so that the CSV link is the page's own query.
import { isValidKae } from '../../domain/index.ts';
import type { TransactionFilter, TransactionOrder, TransactionTypeName } from '../../projections/ledger/index.ts';
import type { LedgerMessages } from './messages.ts';

export const TRANSACTION_TYPES: readonly TransactionTypeName[] = ['BUDGET', 'AMENDMENT', 'COMMITMENT', 'ORDER', 'PAYMENT', 'ASSESSMENT', 'RECEIPT', 'REVERSAL'];
export const ORDERS: readonly TransactionOrder[] = ['NEWEST', 'OLDEST', 'DATE_DESC', 'DATE_ASC', 'AMOUNT_DESC', 'AMOUNT_ASC'];

export interface MovementsQuery {
  readonly year?: string;
  readonly from?: string;
  readonly to?: string;
  readonly type?: string;
  readonly kae?: string;
  readonly afm?: string;
  readonly search?: string;
  readonly orderBy?: string;
  readonly after?: string;
  readonly page?: string;
}

export const movementsQuerySchema = {
  type: 'object',
  properties: {
    year: { type: 'string', pattern: '^(\\d{4})?$' },
    from: { type: 'string', maxLength: 10 },
    to: { type: 'string', maxLength: 10 },
    type: { type: 'string', enum: ['', ...TRANSACTION_TYPES] },
    kae: { type: 'string', maxLength: 24 },
    afm: { type: 'string', maxLength: 16 },
    search: { type: 'string', maxLength: 100 },
    orderBy: { type: 'string', enum: ['', ...ORDERS] },
    after: { type: 'string', maxLength: 200 },
    page: { type: 'string', pattern: '^\\d{1,6}$' },
  },
} as const;

/** "23/11/2026", "23/11/2026" with one-digit day or month, or ISO "2026-11-23" → ISO; null when neither. */
export const parseDateInput = (raw: string): string | null => {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const greek = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : greek ? [greek[3], greek[2], greek[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(date) ? date : null;
};

export interface ParsedMovements {
  readonly filter: TransactionFilter;
  readonly orderBy: TransactionOrder;
  /** Field id → message, in the order of the form. */
  readonly errors: readonly (readonly [field: string, message: string])[];
  /** What the form shows back: the reader's own text, dates as dd/mm/yyyy. */
  readonly values: Readonly<Record<'year' | 'from' | 'to' | 'type' | 'kae' | 'afm' | 'search' | 'orderBy', string>>;
}

const toGreekDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export const parseMovementsQuery = (query: MovementsQuery, t: LedgerMessages): ParsedMovements => {
  const errors: [string, string][] = [];
  const text = (value: string | undefined): string => (value ?? '').trim();
  const date = (field: 'from' | 'to'): string | null => {
    const raw = text(query[field]);
    if (raw === '') return null;
    const iso = parseDateInput(raw);
    if (iso === null) errors.push([`filter-${field}`, t.movements.invalid.date]);
    return iso;
  };
  const from = date('from');
  const to = date('to');
  const kae = text(query.kae);
  const kaeValid = kae === '' || isValidKae(kae);
  if (!kaeValid) errors.push(['filter-kae', t.movements.invalid.kae]);
  const afm = text(query.afm).replace(/\s/g, '');
  const afmValid = afm === '' || /^\d{9}$/.test(afm);
  if (!afmValid) errors.push(['filter-afm', t.movements.invalid.afm]);
  const year = text(query.year);
  const type = text(query.type) as TransactionTypeName | '';
  const search = text(query.search);
  const orderBy = (text(query.orderBy) || 'NEWEST') as TransactionOrder;
  return {
    filter: {
      year: year ? Number(year) : null,
      type: type || null,
      kae: kae && kaeValid ? kae : null,
      afm: afm && afmValid ? afm : null,
      search: search || null,
      from,
      to,
    },
    orderBy,
    errors,
    values: {
      year,
      from: from ? toGreekDate(from) : text(query.from),
      to: to ? toGreekDate(to) : text(query.to),
      type,
      kae,
      afm: text(query.afm),
      search,
      orderBy,
    },
  };
};

/** The filter as query parameters, with the names the export and GraphQL use. */
export const filterParams = (filter: TransactionFilter, orderBy: TransactionOrder): Record<string, string | number | null | undefined> => ({
  year: filter.year,
  from: filter.from,
  to: filter.to,
  type: filter.type,
  kae: filter.kae,
  afm: filter.afm,
  search: filter.search,
  orderBy: orderBy === 'NEWEST' ? null : orderBy,
});
