// Requests for the public pages' tests: submitted and moved on through the decider, as the office and the API
// do, with fixed times so the pages' days and the figures are known.
import { randomUUID } from 'node:crypto';
import { decideOnRequest } from '../../../src/api/requests/index.ts';
import type { RequestEvent, ServiceRequest } from '../../../src/domain/index.ts';
import { initialRequest, streams, submitRequest } from '../../../src/domain/index.ts';
import type { EventStore } from '../../../src/eventstore/port.ts';

export const NOW = new Date('2026-11-20T10:00:00Z');
export const DAY = 86_400_000;
export const daysBefore = (days: number, from = NOW): string => new Date(from.getTime() - days * DAY).toISOString();
export const daysAfter = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY).toISOString();

export interface Submitted {
  readonly id: string;
  readonly requestedAt: string;
}

export const submit = async (
  store: EventStore,
  options: { serviceCode?: string; description?: string; at: string; lat?: number | null; long?: number | null; address?: string | null; expectedDays?: number | null; mediaUrl?: string | null; id?: string },
): Promise<Submitted> => {
  const id = options.id ?? randomUUID();
  const events = submitRequest(initialRequest(), {
    requestId: id,
    serviceCode: options.serviceCode ?? 'pothole',
    description: options.description ?? 'Λακκούβα στον δρόμο',
    lat: options.lat === undefined ? 38.2018 : options.lat,
    long: options.long === undefined ? 20.4391 : options.long,
    address: options.address === undefined ? 'Πλατεία Πετρίτση' : options.address,
    addressId: null,
    mediaUrl: options.mediaUrl ?? null,
    attributes: {},
    agency: 'Διεύθυνση Τεχνικών Υπηρεσιών / Technical Services',
    requestedAt: options.at,
    expectedAt: options.expectedDays === null ? null : daysAfter(options.at, options.expectedDays ?? 30),
  });
  await store.append(streams.request(id), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor: 'test' } })), { expectedRevision: 'no_stream' });
  return { id, requestedAt: options.at };
};

export const decide = (store: EventStore, id: string, decision: (state: ServiceRequest) => RequestEvent[]): Promise<ServiceRequest> => decideOnRequest(store, id, 'staff:test', decision);
