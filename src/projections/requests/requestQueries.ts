// Queries for Open311's GET requests.json and requests/<id>.json: public rows only, newest first.
import type { RequestStage, RequestStatus } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import type { TimelineKind } from './requestsProjection.ts';
import { REQUEST_TIMELINE, REQUESTS } from './requestsProjection.ts';

/** The spec's default span and cap: the last 90 days, at most 1,000 requests. */
export const DEFAULT_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;

export interface PublicRequest {
  readonly id: string;
  readonly serviceCode: string;
  readonly status: RequestStatus;
  readonly stage: RequestStage;
  readonly statusNotes: string | null;
  /** The department whose queue it waits in; null until the office assigns it (the type's department then). */
  readonly department: string | null;
  readonly agency: string;
  readonly description: string;
  readonly lat: number | null;
  readonly long: number | null;
  readonly address: string | null;
  readonly addressId: string | null;
  readonly mediaUrl: string | null;
  readonly requestedAt: string;
  readonly updatedAt: string;
  readonly expectedAt: string | null;
  readonly fixedAt: string | null;
  readonly closedAt: string | null;
  /** When a duplicate: the request it was merged into. */
  readonly mergedInto: string | null;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly supports: number;
}

export interface RequestFilter {
  /** When given, these requests whatever their dates (the spec: the other filters are then ignored). */
  readonly ids?: readonly string[];
  readonly serviceCodes?: readonly string[];
  readonly status?: RequestStatus;
  readonly start?: Date;
  readonly end?: Date;
}

interface Row {
  request_id: string;
  service_code: string;
  status: RequestStatus;
  stage: RequestStage;
  status_notes: string | null;
  department: string | null;
  agency: string;
  description: string;
  lat: number | null;
  long: number | null;
  address: string | null;
  address_id: string | null;
  media_url: string | null;
  requested_at: Date | string;
  updated_at: Date | string;
  expected_at: Date | string | null;
  fixed_at: Date | string | null;
  closed_at: Date | string | null;
  merged_into: string | null;
  attributes: Record<string, string[]> | string;
  supports: number;
}

const iso = (value: Date | string): string => new Date(value).toISOString().replace('.000Z', 'Z');

const publicOf = (r: Row): PublicRequest => ({
  id: r.request_id,
  serviceCode: r.service_code,
  status: r.status,
  stage: r.stage,
  statusNotes: r.status_notes,
  department: r.department,
  agency: r.agency,
  description: r.description,
  lat: r.lat === null ? null : Number(r.lat),
  long: r.long === null ? null : Number(r.long),
  address: r.address,
  addressId: r.address_id,
  mediaUrl: r.media_url,
  requestedAt: iso(r.requested_at),
  updatedAt: iso(r.updated_at),
  expectedAt: r.expected_at === null ? null : iso(r.expected_at),
  fixedAt: r.fixed_at === null ? null : iso(r.fixed_at),
  closedAt: r.closed_at === null ? null : iso(r.closed_at),
  mergedInto: r.merged_into,
  attributes: typeof r.attributes === 'string' ? (JSON.parse(r.attributes) as Record<string, string[]>) : r.attributes,
  supports: Number(r.supports),
});

export const REQUEST_COLUMNS =
  'request_id, service_code, status, stage, status_notes, department, agency, description, lat, long, address, address_id, media_url, attributes, requested_at, updated_at, expected_at, fixed_at, closed_at, merged_into, supports';
const COLUMNS = REQUEST_COLUMNS;

export const requestById = async (db: SqlExecutor, schema: string, id: string): Promise<PublicRequest | null> => {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM ${table(schema, REQUESTS)} WHERE request_id = $1`, [id]);
  return row ? publicOf(row) : null;
};

/** The spec's GET requests: by ids, or by type, status and dates (default the last 90 days before `end` or now). */
export const findRequests = async (db: SqlExecutor, schema: string, filter: RequestFilter, now: Date): Promise<PublicRequest[]> => {
  const requests = table(schema, REQUESTS);
  if (filter.ids && filter.ids.length > 0) {
    const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM ${requests} WHERE request_id = ANY($1) ORDER BY requested_at DESC LIMIT ${MAX_REQUESTS}`, [[...filter.ids]]);
    return rows.map(publicOf);
  }
  const end = filter.end ?? (filter.start ? new Date(filter.start.getTime() + DEFAULT_SPAN_DAYS * 86_400_000) : now);
  const start = filter.start ?? new Date(end.getTime() - DEFAULT_SPAN_DAYS * 86_400_000);
  const where = ['requested_at >= $1', 'requested_at <= $2'];
  const params: unknown[] = [start.toISOString(), end.toISOString()];
  if (filter.serviceCodes && filter.serviceCodes.length > 0) {
    params.push([...filter.serviceCodes]);
    where.push(`service_code = ANY($${params.length})`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`status = $${params.length}`);
  }
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM ${requests} WHERE ${where.join(' AND ')} ORDER BY requested_at DESC LIMIT ${MAX_REQUESTS}`, params);
  return rows.map(publicOf);
};

/** One public step of a request's life, oldest first: what the request's page shows. */
export interface TimelineEntry {
  readonly kind: TimelineKind;
  readonly stage: RequestStage | null;
  /** The reply or status notes; the agency when assigned; the date when expected; the other request when merged. */
  readonly text: string | null;
  readonly at: string;
}

export const timelineOf = async (db: SqlExecutor, schema: string, id: string): Promise<TimelineEntry[]> => {
  const rows = await db.query<{ kind: TimelineKind; stage: RequestStage | null; text: string | null; at: Date | string }>(
    `SELECT kind, stage, text, at FROM ${table(schema, REQUEST_TIMELINE)} WHERE request_id = $1 ORDER BY position`,
    [id],
  );
  return rows.map((r) => ({ kind: r.kind, stage: r.stage, text: r.text, at: iso(r.at) }));
};

/** Turns a row of od_requests (selected with REQUEST_COLUMNS) into a PublicRequest; for the other queries of the context. */
export const publicRequestOf = (row: Record<string, unknown>): PublicRequest => publicOf(row as unknown as Row);
