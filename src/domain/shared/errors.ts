// A refusal by the domain: a stable code, the column of the row it concerns (when one does), and a
// message in Greek first and English beside it, because a clerk reads it in the import report.

/** Unprocessable content: the request was read, the domain refuses what it says. */
const DEFAULT_STATUS = 422;

export class DomainError extends Error {
  constructor(
    /** Stable code, e.g. OD_COMMITMENT_EXCEEDS_APPROPRIATION; tests and clients branch on it. */
    readonly code: string,
    readonly messageEl: string,
    readonly messageEn: string,
    /** The CSV column the error is about (its English header name), when it is about one. */
    readonly column: string | null = null,
    /** The HTTP status the refusal takes when it reaches the API. */
    readonly status: number = DEFAULT_STATUS,
  ) {
    super(`${code}: ${messageEn}`);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** One entry of a context's catalogue; a refusal without parameters has texts that take none. */
export interface Refusal<P> {
  /** 422 unless said otherwise. */
  readonly status?: number;
  /** The column it concerns; a parameter `column`, when given, names it instead (parseMoney's column). */
  readonly column: string | null;
  readonly el: (params: P) => string;
  readonly en: (params: P) => string;
}

/** What a catalogue says of a code, for the API and the documentation. */
export interface RefusalSpec {
  readonly status: number;
  readonly column: string | null;
}

// The parameters of a code are those of its Greek text: `() => …` takes none, `(p: {…}) => …` takes p.
type ParamsOf<R> = R extends { readonly el: (...params: infer A) => string } ? A : never;
type ParamOf<R> = ParamsOf<R> extends readonly [infer P] ? P : undefined;

export type RefusalFactory<K extends string, A extends readonly unknown[]> = ((...params: A) => DomainError) &
  RefusalSpec & { readonly code: K };

export type Refusals<C> = { readonly [K in keyof C & string]: RefusalFactory<K, ParamsOf<C[K]>> };

const columnOf = (params: unknown, fallback: string | null): string | null =>
  typeof params === 'object' && params !== null && 'column' in params && typeof params.column === 'string' ? params.column : fallback;

/**
 * A context's catalogue: a typed factory per code, `errors.OD_X({ …params })`, each also carrying its
 * code, status and column. The English text must take the parameters the Greek one takes.
 */
export const refusals = <C extends Readonly<Record<string, Refusal<never>>>>(table: C & { readonly [K in keyof C]: Refusal<ParamOf<C[K]>> }): Refusals<C> => {
  const entries = Object.entries<Refusal<never>>(table).map(([code, refusal]) => {
    const spec: RefusalSpec & { readonly code: string } = { code, status: refusal.status ?? DEFAULT_STATUS, column: refusal.column };
    // Refusals<C> types each factory by its own texts; in this one loop over all, a parameter is any of them.
    const make = (params?: unknown): DomainError =>
      new DomainError(code, refusal.el(params as never), refusal.en(params as never), columnOf(params, spec.column), spec.status);
    return [code, Object.assign(make, spec)] as const;
  });
  // fromEntries forgets the keys, which are the table's own.
  return Object.fromEntries(entries) as unknown as Refusals<C>;
};

// The union of every catalogue's codes in a tuple, element by element.
type CodesOf<L extends readonly object[]> = L[number] extends infer U ? (U extends object ? keyof U : never) : never;

/** The codes that more than one catalogue of the tuple defines; `never` when each is defined once. */
export type DuplicateCodes<L extends readonly object[]> = L extends readonly [infer H, ...infer T extends readonly object[]]
  ? (keyof H & CodesOf<T>) | DuplicateCodes<T>
  : never;

/** Code → status and column across catalogues; a code defined twice is refused at start-up. */
export const refusalTable = (...catalogues: readonly Readonly<Record<string, RefusalSpec>>[]): Readonly<Record<string, RefusalSpec>> => {
  const table: Record<string, RefusalSpec> = {};
  for (const catalogue of catalogues) {
    for (const [code, { status, column }] of Object.entries(catalogue)) {
      if (code in table) throw new Error(`Refusal ${code} is defined in two catalogues`);
      table[code] = { status, column };
    }
  }
  return table;
};
