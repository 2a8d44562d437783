// The port the applications context owns: sign a certificate's PDF with the municipality's certificate,
// and say whose certificate that is (the verify pages show it, and that it is a development one).

/** Who signs: read from the certificate itself, never from settings. */
export interface SignerIdentity {
  readonly commonName: string;
  readonly organization: string | null;
  /** SHA-256 of the certificate's DER, lower-case hex. */
  readonly fingerprint: string;
}

/** What the signature dictionary says about the signing (shown by PDF readers). */
export interface SignatureMeta {
  readonly reason: string;
  readonly location: string;
  readonly name: string;
}

export interface DocumentSigner {
  /** True for the self-signed certificate made at first start: every verify page must say so. */
  readonly development: boolean;
  readonly signer: SignerIdentity;
  /** A PAdES baseline (B-B) signature over the whole PDF, returned as a new PDF. */
  sign(pdf: Uint8Array, meta: SignatureMeta): Promise<Uint8Array>;
}

export type VerifiedSignature =
  | { readonly signed: false }
  | {
      readonly signed: true;
      /** The CMS digest matches the signed bytes and the signature is the certificate's key's. */
      readonly intact: boolean;
      /** The signed byte ranges are the whole file but the signature's own hole: nothing added after. */
      readonly coversWholeFile: boolean;
      readonly signer: SignerIdentity;
      /** The time the signer claims (/M of the signature dictionary), ISO 8601; not a trusted timestamp. */
      readonly signedAt: string | null;
    };
