// The requests context (αιτήματα προς τις υπηρεσίες, Open311 GeoReport v2): a problem reported to the
// municipality and followed to its fix. Each request has a public stream, `request-<id>`: what is wrong, where,
// its status and notes, its supports (+1, without who). Who reported it is personal and lives apart, in
// `reporter-<id>` (the request's id): the reporter's contact sealed with a subject key of its own, so an
// erasure shreds that key and the public request stays.
import type { SealedText } from '../identity/index.ts';

/** Where the problem is: coordinates (WGS 84), an address as written, or both; `addressId` from a gazetteer. */
export interface RequestLocation {
  readonly lat: number | null;
  readonly long: number | null;
  readonly address: string | null;
  readonly addressId: string | null;
}

export interface RequestSubmitted {
  readonly type: 'RequestSubmitted';
  readonly data: RequestLocation & {
    readonly requestId: string;
    readonly serviceCode: string;
    /** The reporter's words, public: the site and the API say so before sending. */
    readonly description: string;
    readonly mediaUrl: string | null;
    /** Answers to the request type's attributes (`attribute[code]`), list values as several. */
    readonly attributes: Readonly<Record<string, readonly string[]>>;
    readonly agency: string;
    readonly requestedAt: string;
    readonly expectedAt: string | null;
  };
}

export type RequestStatus = 'open' | 'closed';

export const REQUEST_STATUSES: readonly RequestStatus[] = ['open', 'closed'];

export interface RequestStatusChanged {
  readonly type: 'RequestStatusChanged';
  readonly data: { readonly requestId: string; readonly status: RequestStatus; readonly statusNotes: string | null; readonly agency: string; readonly at: string };
}

/** Someone else has the same problem (+1): counted, never named. */
export interface RequestSupported {
  readonly type: 'RequestSupported';
  readonly data: { readonly requestId: string; readonly at: string };
}

export type RequestEvent = RequestSubmitted | RequestStatusChanged | RequestSupported;

/** What the reporter gave to be told of the fix, sealed: never in a public answer. */
export interface ReporterContact {
  readonly email: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly phone: string | null;
}

export interface ReporterRecorded {
  readonly type: 'ReporterRecorded';
  readonly data: { readonly requestId: string; readonly subjectId: string; readonly at: string; readonly sealed: SealedText };
}

export type ReporterEvent = ReporterRecorded;

export const requestStream = (requestId: string): string => `request-${requestId}`;
export const reporterStream = (requestId: string): string => `reporter-${requestId}`;
