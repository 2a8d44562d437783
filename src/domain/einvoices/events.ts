// The e-invoices context (ηλεκτρονικά τιμολόγια, EN 16931 / Peppol BIS Billing 3.0): what a supplier sent the
// municipality and the line it keeps with the finance department. Both are personal streams of the company:
// `invoice-<id>`, one per invoice, its id a keyed hash of (seller, year, number) so that a second upload of the
// same number is refused by the store itself; `supplier-thread-<id>`, one per conversation about a document.
// Amounts are decimal strings (two places), never floats.

import type { SealedText } from '../identity/index.ts';

export type InvoiceKind = 'invoice' | 'credit-note';

/** What an invoice says of itself, as read and checked (the XML itself is kept apart, by its digest). */
export interface InvoiceSummary {
  readonly kind: InvoiceKind;
  /** BT-1. */
  readonly number: string;
  /** BT-2, yyyy-mm-dd. */
  readonly issueDate: string;
  readonly dueDate: string | null;
  readonly currency: string;
  readonly sellerName: string;
  /** BT-106, BT-109, BT-110, BT-112, BT-115. */
  readonly lineTotal: string;
  readonly taxExclusive: string;
  readonly vat: string;
  readonly taxInclusive: string;
  readonly payable: string;
  /** What it names to be matched by: ΑΔΑ, order or contract reference, BT-10 buyer reference; normalised. */
  readonly references: readonly string[];
  readonly lines: number;
}

export interface InvoiceReceived {
  readonly type: 'InvoiceReceived';
  readonly data: InvoiceSummary & {
    readonly invoiceId: string;
    readonly subjectId: string;
    /** The seller's ΑΦΜ: the logged-in company's, which the invoice had to carry. */
    readonly sellerTaxid: string;
    readonly year: number;
    /** SHA-256 of the XML as uploaded; the file is in the context's own table. */
    readonly sha256: string;
    readonly receivedAt: string;
  };
}

export type InvoiceEvent = InvoiceReceived;

/** The document a thread is about: a commitment, payment order or payment of the ledger, or an invoice the supplier sent. */
export interface ThreadTopic {
  readonly kind: 'commitment' | 'order' | 'payment' | 'invoice';
  /** The ledger's document number, or the invoice's number (BT-1). */
  readonly ref: string;
  /** The document's ΑΔΑ, when it has one (an invoice: none). */
  readonly ada: string | null;
  /** The fiscal year of a ledger document, or an invoice's year of issue (numbers are per year). */
  readonly year: number | null;
}

/** A file attached to a message, kept in the context's own table; the event holds its reference. */
export interface ThreadAttachment {
  readonly fileId: string;
  readonly format: 'pdf' | 'jpeg' | 'png' | 'xml';
  readonly sha256: string;
  readonly bytes: number;
}

export interface ThreadOpened {
  readonly type: 'ThreadOpened';
  readonly data: { readonly threadId: string; readonly subjectId: string; readonly sellerTaxid: string; readonly topic: ThreadTopic; readonly at: string };
}

export type ThreadAuthor = { readonly side: 'supplier' } | { readonly side: 'office'; readonly staffId: string };

export interface ThreadMessagePosted {
  readonly type: 'ThreadMessagePosted';
  readonly data: {
    readonly threadId: string;
    readonly messageId: string;
    readonly author: ThreadAuthor;
    /** The text, sealed with the company's key: it may name people (who called, who signed). */
    readonly sealed: SealedText;
    readonly attachments: readonly ThreadAttachment[];
    readonly at: string;
  };
}

export interface ThreadClosed {
  readonly type: 'ThreadClosed';
  readonly data: { readonly threadId: string; readonly staffId: string; readonly at: string };
}

/** Staff open a closed thread again (a matter not settled after all). */
export interface ThreadReopened {
  readonly type: 'ThreadReopened';
  readonly data: { readonly threadId: string; readonly staffId: string; readonly at: string };
}

export type ThreadEvent = ThreadOpened | ThreadMessagePosted | ThreadClosed | ThreadReopened;

export const invoiceStream = (invoiceId: string): string => `invoice-${invoiceId}`;
export const supplierThreadStream = (threadId: string): string => `supplier-thread-${threadId}`;
