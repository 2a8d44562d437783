// Refusals of the import itself (the file, its header, a value that cannot be read), as opposed to the
// domain's refusals (DomainError). Same shape: a stable code, the column, a message in Greek and English,
// the HTTP status; and the line, for a refusal of the file rather than of a row. The codes are one table
// (ingestErrors.ts), built like the domain's catalogues (refusals()) by ingestRefusals() below.
import type { Refusal, RefusalSpec } from '../domain/index.ts';

/** Unprocessable content, as the domain's refusals are unless their table says otherwise. */
const DEFAULT_STATUS = 422;

export class IngestError extends Error {
  constructor(
    readonly code: string,
    readonly messageEl: string,
    readonly messageEn: string,
    /** English header name of the column, or the header text as written for an unknown column. */
    readonly column: string | null = null,
    /** Set for file-level errors; row errors take the line of their row. 0: the import as a whole. */
    readonly line: number | null = null,
    /** The HTTP status the refusal takes when it reaches the API. */
    readonly status: number = DEFAULT_STATUS,
  ) {
    super(`${code}: ${messageEn}`);
    this.name = 'IngestError';
  }
}

export const isIngestError = (e: unknown): e is IngestError => e instanceof IngestError;

/** Some of the file's events were written by another import meanwhile, some not: rows cannot be told apart. */
export class ImportOvertaken extends Error {
  constructor() {
    super('Another import recorded some of the same rows meanwhile');
    this.name = 'ImportOvertaken';
  }
}

export const isImportOvertaken = (e: unknown): e is ImportOvertaken => e instanceof ImportOvertaken;

/** One entry of the import's catalogue: the domain's Refusal, and the line of a refusal of the file. */
export interface IngestRefusal<P> extends Refusal<P> {
  /** The line a file-level refusal always concerns (1: the header; 0: the import); a parameter `line` names it instead. */
  readonly line?: number;
}

/** What the catalogue says of a code: the domain's spec, and the line (null: the row's). */
export interface IngestRefusalSpec extends RefusalSpec {
  readonly line: number | null;
}

// As in the domain's catalogues: the parameters of a code are those of its Greek text.
type ParamsOf<R> = R extends { readonly el: (...params: infer A) => string } ? A : never;
type ParamOf<R> = ParamsOf<R> extends readonly [infer P] ? P : undefined;

export type IngestRefusalFactory<K extends string, A extends readonly unknown[]> = ((...params: A) => IngestError) &
  IngestRefusalSpec & { readonly code: K };

export type IngestRefusals<C> = { readonly [K in keyof C & string]: IngestRefusalFactory<K, ParamsOf<C[K]>> };

const given = (params: unknown, key: 'column' | 'line'): unknown =>
  typeof params === 'object' && params !== null && key in params ? (params as Readonly<Record<string, unknown>>)[key] : undefined;

const columnOf = (params: unknown, fallback: string | null): string | null => {
  const column = given(params, 'column');
  return typeof column === 'string' ? column : fallback;
};

const lineOf = (params: unknown, fallback: number | null): number | null => {
  const line = given(params, 'line');
  return typeof line === 'number' ? line : fallback;
};

/**
 * The import's catalogue: a typed factory per code, `ingestErrors.OD_X({ …params })`, each also carrying
 * its code, status, column and line. The English text must take the parameters the Greek one takes.
 */
export const ingestRefusals = <C extends Readonly<Record<string, IngestRefusal<never>>>>(
  table: C & { readonly [K in keyof C]: IngestRefusal<ParamOf<C[K]>> },
): IngestRefusals<C> => {
  const entries = Object.entries<IngestRefusal<never>>(table).map(([code, refusal]) => {
    const spec: IngestRefusalSpec & { readonly code: string } = {
      code,
      status: refusal.status ?? DEFAULT_STATUS,
      column: refusal.column,
      line: refusal.line ?? null,
    };
    // IngestRefusals<C> types each factory by its own texts; in this one loop over all, a parameter is any of them.
    const make = (params?: unknown): IngestError =>
      new IngestError(
        code,
        refusal.el(params as never),
        refusal.en(params as never),
        columnOf(params, spec.column),
        lineOf(params, spec.line),
        spec.status,
      );
    return [code, Object.assign(make, spec)] as const;
  });
  // fromEntries forgets the keys, which are the table's own.
  return Object.fromEntries(entries) as unknown as IngestRefusals<C>;
};
