// What an issued document says, handed to the renderer the site provides (src/web/applications): the API
// decides and signs, the site lays the page out, and the composition root joins the two, so that this layer
// never imports the web's PDF writer.
import type { ServiceDefinition } from '../../domain/index.ts';

export interface DocumentHolder {
  readonly kind: 'person' | 'company';
  readonly name: string;
  readonly taxid: string;
}

export interface DocumentContent {
  readonly service: ServiceDefinition;
  readonly year: number;
  readonly protocolNumber: number;
  readonly issuedAt: Date;
  readonly holder: DocumentHolder;
  /** The form's values as submitted (normalised), by field name: the body's {placeholders} take them. */
  readonly values: Readonly<Record<string, string>>;
  /** What the rule established, for the body: e.g. the debt paid, its amount and receipt. */
  readonly facts: readonly { readonly label: { readonly el: string; readonly en: string }; readonly value: string }[];
  /** The code printed grouped for reading aloud, e.g. «7KQ2-M9XD-4TRW-B8NE-3HPA». */
  readonly verificationCode: string;
  /** `<public url>/verify/<code>`: the QR code's target. */
  readonly verifyUrl: string;
  /** A development certificate will sign it: the document says so on its face. */
  readonly developmentSignature: boolean;
}

/** Lays a document out as an (unsigned) PDF. */
export type RenderDocument = (content: DocumentContent) => Promise<Uint8Array>;
