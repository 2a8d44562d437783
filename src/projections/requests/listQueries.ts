// The public list of requests on the site (/requests and its CSV): filters by type, stage or status,
// department, dates and words of the description, newest first, in pages by keyset cursor so that a page
// boundary never shifts when new requests arrive. Public rows only: od_requests names nobody.
import type { RequestStage, RequestStatus } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { decodeCursor, encodeCursor, pageSize } from '../shared/paging.ts';
import { table } from '../shared/tables.ts';
import type { PublicRequest } from './requestQueries.ts';
import { publicRequestOf, REQUEST_COLUMNS } from './requestQueries.ts';
import { REQUESTS } from './requestsProjection.ts';

export interface RequestListFilter {
  readonly serviceCode?: string | null;
  readonly stage?: RequestStage | null;
  readonly status?: RequestStatus | null;
  /**
   * A department's requests: those assigned to it, and those not yet assigned whose type it fixes
   * (`serviceCodes`, the types of config/requests.yaml with that department).
   */
  readonly department?: { readonly code: string; readonly serviceCodes: readonly string[] } | null;
  /** Instants (the page turns its Athens dates into them): requested at or after `from`, before `before`. */
  readonly from?: Date | null;
  readonly before?: Date | null;
  /** Words anywhere in the description, case-insensitive. */
  readonly search?: string | null;
}

export interface RequestListPage {
  readonly nodes: readonly PublicRequest[];
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
  readonly totalCount: () => Promise<number>;
}

/** LIKE's own characters taken literally: a search for «50%» finds «50%». */
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const conditionsOf = (filter: RequestListFilter, params: unknown[]): string[] => {
  const where: string[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.serviceCode) where.push(`service_code = ${param(filter.serviceCode)}`);
  if (filter.stage) where.push(`stage = ${param(filter.stage)}`);
  if (filter.status) where.push(`status = ${param(filter.status)}`);
  if (filter.department) {
    where.push(`(department = ${param(filter.department.code)} OR (department IS NULL AND service_code = ANY(${param([...filter.department.serviceCodes])}::text[])))`);
  }
  if (filter.from) where.push(`requested_at >= ${param(filter.from.toISOString())}::timestamptz`);
  if (filter.before) where.push(`requested_at < ${param(filter.before.toISOString())}::timestamptz`);
  const search = filter.search?.trim();
  if (search) where.push(`description ILIKE ${param(likePattern(search))} ESCAPE '\\'`);
  return where;
};

/** One page of the filtered list, newest first (ties by id), after `after`'s cursor. */
export const listRequests = async (db: SqlExecutor, schema: string, filter: RequestListFilter, options: { readonly first?: number | null; readonly after?: string | null } = {}): Promise<RequestListPage> => {
  const limit = pageSize(options.first);
  const params: unknown[] = [];
  const filtered = conditionsOf(filter, params);
  const countParams = [...params];
  const conditions = [...filtered];
  const cursor = decodeCursor(options.after, ['string', 'string']);
  if (cursor) {
    params.push(cursor[0], cursor[1]);
    conditions.push(`(requested_at, request_id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  const requests = table(schema, REQUESTS);
  const whereOf = (c: readonly string[]): string => (c.length > 0 ? `WHERE ${c.join(' AND ')}` : '');
  const rows = await db.query<Record<string, unknown>>(`SELECT ${REQUEST_COLUMNS} FROM ${requests} ${whereOf(conditions)} ORDER BY requested_at DESC, request_id DESC LIMIT ${limit + 1}`, params);
  const nodes = rows.slice(0, limit).map(publicRequestOf);
  let counting: Promise<number> | null = null;
  return {
    nodes,
    // Requested times are recorded from JS Dates (milliseconds), so the ISO string is the exact key.
    cursors: nodes.map((n) => encodeCursor([n.requestedAt, n.id])),
    hasNextPage: rows.length > limit,
    totalCount: () => (counting ??= db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${requests} ${whereOf(filtered)}`, countParams).then(([r]) => Number(r?.n ?? 0))),
  };
};

/** Every request of the filter, page by page in the list's order: what the CSV streams. */
export async function* allRequests(db: SqlExecutor, schema: string, filter: RequestListFilter, size = 500): AsyncGenerator<readonly PublicRequest[]> {
  let after: string | null = null;
  for (;;) {
    const page = await listRequests(db, schema, filter, { first: size, after });
    if (page.nodes.length > 0) yield page.nodes;
    if (!page.hasNextPage) return;
    after = page.cursors[page.cursors.length - 1] ?? null;
  }
}
