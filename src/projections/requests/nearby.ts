// «Μήπως έχει ήδη αναφερθεί; / Already reported?»: the open requests of one type near a point, so a citizen
// can support one (+1) instead of reporting it again. A band of latitude and longitude first (the partial
// index on lat of the open requests), then the exact great-circle distance (haversine) on the few rows left.
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import { REQUESTS } from './requestsProjection.ts';

/** How near counts as the same place: a street light, a pothole, a bin are rarely further apart than this. */
export const NEARBY_METRES = 50;
const EARTH_RADIUS_METRES = 6_371_008.8;
const METRES_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_METRES) / 180;

export interface NearbyRequest {
  readonly id: string;
  readonly description: string;
  readonly supports: number;
  readonly requestedAt: string;
  readonly lat: number;
  readonly long: number;
  /** Metres from the point asked about, rounded. */
  readonly distance: number;
}

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** The great-circle distance in metres between two WGS 84 points. */
export const haversineMetres = (lat1: number, long1: number, lat2: number, long2: number): number => {
  const dLat = radians(lat2 - lat1);
  const dLong = radians(long2 - long1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
};

interface Row {
  request_id: string;
  description: string;
  supports: number;
  requested_at: Date | string;
  lat: number;
  long: number;
}

/** Open requests of `serviceCode` within `metres` of the point, nearest first (at most `limit`). */
export const openRequestsNear = async (db: SqlExecutor, schema: string, serviceCode: string, lat: number, long: number, metres = NEARBY_METRES, limit = 10): Promise<NearbyRequest[]> => {
  const dLat = metres / METRES_PER_DEGREE_LAT;
  // A degree of longitude shrinks with the cosine of the latitude; at Lixouri's 38° it is about 87.6 km.
  const dLong = dLat / Math.max(Math.cos(radians(lat)), 0.01);
  const rows = await db.query<Row>(
    `SELECT request_id, description, supports, requested_at, lat, long FROM ${table(schema, REQUESTS)}
     WHERE status = 'open' AND service_code = $1 AND lat BETWEEN $2 AND $3 AND long BETWEEN $4 AND $5`,
    [serviceCode, lat - dLat, lat + dLat, long - dLong, long + dLong],
  );
  return rows
    .map((r) => ({ r, distance: haversineMetres(lat, long, Number(r.lat), Number(r.long)) }))
    .filter(({ distance }) => distance <= metres)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map(({ r, distance }) => ({
      id: r.request_id,
      description: r.description,
      supports: Number(r.supports),
      requestedAt: new Date(r.requested_at).toISOString(),
      lat: Number(r.lat),
      long: Number(r.long),
      distance: Math.round(distance),
    }));
};
