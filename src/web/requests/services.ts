// What the requests' pages need: the citizen platform's services (the event store, the read models, the
// keyring that seals a reporter's contact, the public address for links), the request types and the
// territory they are checked against, and the map's tiles.
import type { CitizenServices } from '../../api/identity/index.ts';
import type { Bounds, RequestType } from '../../domain/index.ts';
import type { MapTiles } from '../shared/map.ts';

export interface Requesting {
  readonly types: readonly RequestType[];
  readonly bounds: Bounds;
  readonly mapTiles: MapTiles;
}

export type RequestsWebServices = Pick<CitizenServices, 'store' | 'client' | 'schema' | 'keyring' | 'publicUrl' | 'login' | 'now'> & Requesting;
