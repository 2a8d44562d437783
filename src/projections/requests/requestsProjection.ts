// The public read model of service requests (Open311's GET requests.json, the site's pages): each request's
// stage and status, notes, department and agency, place, description, type, supports, and its public timeline
// (status changes, replies, dates, merges, reopenings), kept from the public `request-<id>` streams only.
// Reporters (personal streams) and the office's internal notes never reach it: nothing here names anyone.
import type { RequestEvent } from '../../domain/index.ts';
import { statusOfStage } from '../../domain/index.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const REQUESTS = 'od_requests';
export const REQUEST_TIMELINE = 'od_request_timeline';
export const REQUESTS_PROJECTION = 'requests';

/** What a timeline entry says: the kind of event, and the stage, text or date it carries. */
export type TimelineKind = 'submitted' | 'stage' | 'reply' | 'assigned' | 'expected' | 'merged' | 'absorbed' | 'reopened';

export const requestsProjection: Projection = {
  name: REQUESTS_PROJECTION,
  version: 2,
  tables: [REQUESTS, REQUEST_TIMELINE],
  create: (t: Tables) => `
CREATE TABLE ${t[REQUESTS]} (
  request_id text PRIMARY KEY,
  service_code text NOT NULL,
  status text NOT NULL,
  stage text NOT NULL,
  status_notes text,
  department text,
  agency text NOT NULL,
  description text NOT NULL,
  lat double precision,
  long double precision,
  address text,
  address_id text,
  media_url text,
  attributes jsonb NOT NULL,
  requested_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  expected_at timestamptz,
  -- The last time it was marked fixed, and when it left the open stages (for days to fix and the figures).
  fixed_at timestamptz,
  closed_at timestamptz,
  merged_into text,
  supports int NOT NULL DEFAULT 0
);
CREATE TABLE ${t[REQUEST_TIMELINE]} (
  request_id text NOT NULL,
  position bigint NOT NULL,
  kind text NOT NULL,
  stage text,
  text text,
  at timestamptz NOT NULL,
  PRIMARY KEY (request_id, position)
);`,
  // The GET filters: by date (the default last 90 days), by type or status within dates; the office's queues
  // by department and stage; the nearby search by latitude (a band, then the distance).
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[REQUESTS]} (requested_at DESC);
CREATE INDEX ON ${t[REQUESTS]} (service_code, requested_at DESC);
CREATE INDEX ON ${t[REQUESTS]} (status, requested_at DESC);
CREATE INDEX ON ${t[REQUESTS]} (department, stage);
CREATE INDEX ON ${t[REQUESTS]} (lat) WHERE status = 'open';
CREATE INDEX ON ${t[REQUESTS]} (merged_into) WHERE merged_into IS NOT NULL;`,
  async apply(tx, t, events) {
    const requests = t[REQUESTS]!;
    const timeline = t[REQUEST_TIMELINE]!;
    const entry = (requestId: string, position: number, kind: TimelineKind, stage: string | null, text: string | null, at: string) =>
      tx.query(`INSERT INTO ${timeline} (request_id, position, kind, stage, text, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [requestId, position, kind, stage, text, at]);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as RequestEvent;
      const position = Number(recorded.position);
      switch (event.type) {
        case 'RequestSubmitted': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${requests} (request_id, service_code, status, stage, agency, description, lat, long, address, address_id, media_url, attributes, requested_at, updated_at, expected_at)
             VALUES ($1, $2, 'open', 'open', $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) ON CONFLICT DO NOTHING`,
            [d.requestId, d.serviceCode, d.agency, d.description, d.lat, d.long, d.address, d.addressId, d.mediaUrl, JSON.stringify(d.attributes), d.requestedAt, d.expectedAt],
          );
          await entry(d.requestId, position, 'submitted', 'open', null, d.requestedAt);
          break;
        }
        case 'RequestStatusChanged': {
          const d = event.data;
          const closed = statusOfStage(d.stage) === 'closed';
          await tx.query(
            `UPDATE ${requests} SET status = $2, stage = $3, status_notes = $4, agency = $5, updated_at = $6,
               fixed_at = CASE WHEN $3 = 'fixed' THEN $6::timestamptz ELSE fixed_at END,
               closed_at = CASE WHEN $7 THEN COALESCE(closed_at, $6::timestamptz) ELSE NULL END
             WHERE request_id = $1`,
            [d.requestId, d.status, d.stage, d.statusNotes, d.agency, d.at, closed],
          );
          await entry(d.requestId, position, 'stage', d.stage, d.statusNotes, d.at);
          break;
        }
        case 'RequestSupported':
          await tx.query(`UPDATE ${requests} SET supports = supports + 1 WHERE request_id = $1`, [event.data.requestId]);
          break;
        case 'RequestAssigned': {
          const d = event.data;
          await tx.query(`UPDATE ${requests} SET department = $2, agency = $3, updated_at = $4 WHERE request_id = $1`, [d.requestId, d.department, d.agency, d.at]);
          await entry(d.requestId, position, 'assigned', null, d.agency, d.at);
          break;
        }
        case 'RequestReplied': {
          const d = event.data;
          await tx.query(`UPDATE ${requests} SET status_notes = $2, updated_at = $3 WHERE request_id = $1`, [d.requestId, d.text, d.at]);
          await entry(d.requestId, position, 'reply', null, d.text, d.at);
          break;
        }
        case 'RequestExpectedDateSet': {
          const d = event.data;
          await tx.query(`UPDATE ${requests} SET expected_at = $2, updated_at = $3 WHERE request_id = $1`, [d.requestId, d.expectedAt, d.at]);
          await entry(d.requestId, position, 'expected', null, d.expectedAt, d.at);
          break;
        }
        case 'RequestMerged': {
          const d = event.data;
          await tx.query(
            `UPDATE ${requests} SET status = 'closed', stage = 'duplicate', merged_into = $2, updated_at = $3, closed_at = COALESCE(closed_at, $3::timestamptz) WHERE request_id = $1`,
            [d.requestId, d.into, d.at],
          );
          // The request that stays counts the duplicate as one more with the same problem.
          await tx.query(`UPDATE ${requests} SET supports = supports + 1 WHERE request_id = $1`, [d.into]);
          await entry(d.requestId, position, 'merged', 'duplicate', d.into, d.at);
          await entry(d.into, position, 'absorbed', null, d.requestId, d.at);
          break;
        }
        case 'RequestReopened': {
          const d = event.data;
          await tx.query(`UPDATE ${requests} SET status = 'open', stage = 'open', closed_at = NULL, fixed_at = NULL, updated_at = $2 WHERE request_id = $1`, [d.requestId, d.at]);
          await entry(d.requestId, position, 'reopened', 'open', d.reason, d.at);
          break;
        }
        default:
          break;
      }
    }
  },
};
