// Queries for Open311's GET requests.json and requests/<id>.json: public rows only, newest first.
import type { RequestStatus } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import { REQUESTS } from './requestsProjection.ts';

/** The spec's default span and cap: the last 90 days, at most 1,000 requests. */
export const DEFAULT_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;

export interface PublicRequest {
  readonly id: string;
  readonly serviceCode: string;
  readonly status: RequestStatus;
  readonly statusNotes: string | null;
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
  status_notes: string | null;
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
  supports: number;
}

const iso = (value: Date | string): string => new Date(value).toISOString().replace('.000Z', 'Z');

const publicOf = (r: Row): PublicRequest => ({
  id: r.request_id,
  serviceCode: r.service_code,
  status: r.status,
  statusNotes: r.status_notes,
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
  supports: Number(r.supports),
});

const COLUMNS = 'request_id, service_code, status, status_notes, agency, description, lat, long, address, address_id, media_url, requested_at, updated_at, expected_at, supports';

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
