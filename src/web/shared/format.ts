// Greek formats for what a citizen reads: amounts "1.234,56 €", dates "23/11/2026". Amounts are decimal
// strings from the read models and are formatted as text, digit by digit: a float would round cents.
import type { Lang } from './lang.ts';

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const NBSP = '\u00a0';

/** "1234567" → "1.234.567". */
export const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const partsOf = (amount: string): { negative: boolean; integer: string; cents: string } => {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new RangeError(`Not an amount with at most two decimals: "${amount}"`);
  const integer = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
  const cents = (match[3] ?? '').padEnd(2, '0');
  return { negative: match[1] === '-' && /[1-9]/.test(integer + cents), integer, cents };
};

/** "-1234.5" → "-1.234,50". */
export const formatAmount = (amount: string): string => {
  const { negative, integer, cents } = partsOf(amount);
  return `${negative ? '-' : ''}${groupThousands(integer)},${cents}`;
};

/** "1234.5" → "1.234,50 €" (a no-break space keeps the sign with its number). */
export const formatEuro = (amount: string): string => `${formatAmount(amount)}${NBSP}€`;

/** Exact cents of a decimal string, for sums, ratios and chart geometry. */
export const centsOf = (amount: string): bigint => {
  const { negative, integer, cents } = partsOf(amount);
  const value = BigInt(integer + cents);
  return negative ? -value : value;
};

export const euroOfCents = (cents: bigint): string => {
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  return formatEuro(`${cents < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`);
};

/** Share of `part` in `whole` with one decimal, "45,3%"; a dash when the whole is not positive. */
export const formatShare = (part: string, whole: string): string => {
  const w = centsOf(whole);
  if (w <= 0n) return '—';
  const permille = (centsOf(part) * 2000n + w) / (2n * w);
  const sign = permille < 0n ? '-' : '';
  const abs = permille < 0n ? -permille : permille;
  return `${sign}${groupThousands((abs / 10n).toString())},${abs % 10n}%`;
};

/** `part / whole` as a number in [0, 1], for drawing only. */
export const ratio = (part: bigint, whole: bigint): number => {
  if (whole <= 0n || part <= 0n) return 0;
  if (part >= whole) return 1;
  return Number((part * 1_000_000n) / whole) / 1_000_000;
};

/** Axis labels: "1,2 εκ. €", "350 χιλ. €". */
export const formatCompactEuro = (cents: bigint, lang: Lang): string => {
  const euros = cents / 100n;
  const [unit, label] = euros >= 1_000_000n ? [1_000_000n, lang === 'el' ? 'εκ.' : 'm'] : euros >= 1_000n ? [1_000n, lang === 'el' ? 'χιλ.' : 'k'] : [1n, ''];
  const tenths = (euros * 10n + unit / 2n) / unit;
  const whole = groupThousands((tenths / 10n).toString());
  const text = tenths % 10n === 0n || unit === 1n ? whole : `${whole},${tenths % 10n}`;
  return `${text}${label ? NBSP + label : ''}${NBSP}€`;
};

export const formatCount = (n: number): string => groupThousands(String(Math.trunc(n)));

/** "2026-11-23" → "23/11/2026". */
export const formatDate = (iso: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date: "${iso}"`);
  return `${match[3]}/${match[2]}/${match[1]}`;
};

const ATHENS = 'Europe/Athens';
const athensParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ATHENS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const partsIn = (instant: Date): Record<string, string> =>
  Object.fromEntries(athensParts.formatToParts(instant).map((p) => [p.type, p.value]));

/** The calendar day in Greece, "2026-11-23": what "today" means to a reader in Lixouri. */
export const athensDate = (instant: Date): string => {
  const p = partsIn(instant);
  return `${p.year}-${p.month}-${p.day}`;
};

/** A timestamp in Greek local time, "23/11/2026 14:05". */
export const formatDateTime = (iso: string): string => {
  const p = partsIn(new Date(iso));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
};

/** Degrees with a decimal comma, "38,20150". */
export const formatCoordinate = (degrees: number): string => degrees.toFixed(5).replace('.', ',');
