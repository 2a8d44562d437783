// The public read model of service requests (Open311's GET requests.json): each request's status, notes,
// place, description, type and supports, kept from the public `request-<id>` streams only. Reporters
// (personal streams) never reach it: nothing here names anyone.
import type { RequestEvent } from '../../domain/index.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const REQUESTS = 'od_requests';
export const REQUESTS_PROJECTION = 'requests';

export const requestsProjection: Projection = {
  name: REQUESTS_PROJECTION,
  version: 1,
  tables: [REQUESTS],
  create: (t: Tables) => `
CREATE TABLE ${t[REQUESTS]} (
  request_id text PRIMARY KEY,
  service_code text NOT NULL,
  status text NOT NULL,
  status_notes text,
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
  supports int NOT NULL DEFAULT 0
);`,
  // The GET filters: by date (the default last 90 days), by type or status within dates.
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[REQUESTS]} (requested_at DESC);
CREATE INDEX ON ${t[REQUESTS]} (service_code, requested_at DESC);
CREATE INDEX ON ${t[REQUESTS]} (status, requested_at DESC);`,
  async apply(tx, t, events) {
    const requests = t[REQUESTS]!;
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as RequestEvent;
      switch (event.type) {
        case 'RequestSubmitted': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${requests} (request_id, service_code, status, agency, description, lat, long, address, address_id, media_url, attributes, requested_at, updated_at, expected_at)
             VALUES ($1, $2, 'open', $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) ON CONFLICT DO NOTHING`,
            [d.requestId, d.serviceCode, d.agency, d.description, d.lat, d.long, d.address, d.addressId, d.mediaUrl, JSON.stringify(d.attributes), d.requestedAt, d.expectedAt],
          );
          break;
        }
        case 'RequestStatusChanged': {
          const d = event.data;
          await tx.query(`UPDATE ${requests} SET status = $2, status_notes = $3, agency = $4, updated_at = $5 WHERE request_id = $1`, [d.requestId, d.status, d.statusNotes, d.agency, d.at]);
          break;
        }
        case 'RequestSupported':
          await tx.query(`UPDATE ${requests} SET supports = supports + 1 WHERE request_id = $1`, [event.data.requestId]);
          break;
        default:
          break;
      }
    }
  },
};
