// The public face of the documents the municipality issues (έγγραφα): a protocol register per year, one event
// per number, and one stream per document with its digest and, perhaps later, its revocation. Nothing here
// names the holder: these events are public, so they are in the verifiable log, and a forged or revoked
// document is caught by anyone holding the PDF, even one who trusts nothing the municipality hosts.

/** A number of the year's protocol (αριθμός πρωτοκόλλου) taken for a document: numbers run 1, 2, … with no gap. */
export interface ProtocolNumberAssigned {
  readonly type: 'ProtocolNumberAssigned';
  readonly data: { readonly year: number; readonly protocolNumber: number; readonly documentId: string; readonly service: string; readonly at: string };
}

/** The signed PDF's SHA-256, as issued. */
export interface DocumentIssued {
  readonly type: 'DocumentIssued';
  readonly data: {
    readonly documentId: string;
    readonly service: string;
    readonly year: number;
    readonly protocolNumber: number;
    readonly sha256: string;
    readonly issuedAt: string;
    /** A development certificate signed it: such documents prove nothing, and every verify page says so. */
    readonly developmentSignature: boolean;
  };
}

export type RevocationReason = 'issued-in-error' | 'superseded' | 'withdrawn-by-decision';

export const REVOCATION_REASONS: readonly RevocationReason[] = ['issued-in-error', 'superseded', 'withdrawn-by-decision'];

export interface DocumentRevoked {
  readonly type: 'DocumentRevoked';
  readonly data: { readonly documentId: string; readonly reason: RevocationReason; readonly revokedAt: string };
}

export type DocumentEvent = ProtocolNumberAssigned | DocumentIssued | DocumentRevoked;

export const protocolStream = (year: number): string => `protocol-${year}`;
export const documentStream = (documentId: string): string => `document-${documentId}`;

export type DocumentStatus = 'unknown' | 'valid' | 'revoked';

export interface IssuedDocument {
  readonly status: DocumentStatus;
  readonly issued: DocumentIssued['data'] | null;
  readonly revoked: DocumentRevoked['data'] | null;
}

export const initialDocument = (): IssuedDocument => ({ status: 'unknown', issued: null, revoked: null });

export const evolveDocument = (state: IssuedDocument, event: DocumentIssued | DocumentRevoked): IssuedDocument => {
  switch (event.type) {
    case 'DocumentIssued':
      return { ...state, status: state.revoked ? 'revoked' : 'valid', issued: event.data };
    case 'DocumentRevoked':
      return { ...state, status: 'revoked', revoked: event.data };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const issueDocument = (state: IssuedDocument, issued: DocumentIssued['data']): DocumentIssued[] =>
  state.issued ? [] : [{ type: 'DocumentIssued', data: issued }];

export const revokeDocument = (state: IssuedDocument, reason: RevocationReason, revokedAt: string): DocumentRevoked[] => {
  if (!state.issued) return [];
  if (state.revoked) return [];
  return [{ type: 'DocumentRevoked', data: { documentId: state.issued.documentId, reason, revokedAt } }];
};
