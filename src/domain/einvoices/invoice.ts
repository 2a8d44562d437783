// An invoice as read from its UBL 2.1 XML, before it is judged: each value with the path of the element it
// came from (`cac:InvoiceLine[2]/cbc:LineExtensionAmount`), so that every problem names where it is. The
// reader (src/integrations/einvoicing) fills what it finds and leaves null what is absent or unreadable,
// having said so; the rules of EN 16931 that need no more than the values are checked here.
import type { InvoiceKind } from './events.ts';

/** A value and where it is in the document. */
export interface At<T> {
  readonly value: T;
  readonly path: string;
}

/** An amount: its decimal text as written, and the currency its `currencyID` names. */
export interface Amount {
  readonly value: string;
  readonly currency: string | null;
  readonly path: string;
}

export interface VatCategory {
  /** UNCL5305: S, Z, E, AE, K, G, O, L, M. */
  readonly code: At<string> | null;
  readonly rate: At<string> | null;
  readonly exemptionReason: string | null;
  readonly exemptionCode: string | null;
  readonly path: string;
}

export interface AllowanceCharge {
  /** true: a charge (χρέωση), false: an allowance (έκπτωση). */
  readonly charge: boolean;
  readonly amount: Amount | null;
  readonly vat: VatCategory | null;
  readonly path: string;
}

export interface InvoiceLine {
  readonly id: At<string> | null;
  readonly quantity: At<string> | null;
  readonly lineExtension: Amount | null;
  readonly price: Amount | null;
  /** BT-149; 1 when absent. */
  readonly baseQuantity: At<string> | null;
  readonly allowanceCharges: readonly AllowanceCharge[];
  readonly vat: VatCategory | null;
  readonly path: string;
}

export interface TaxSubtotal {
  readonly taxable: Amount | null;
  readonly tax: Amount | null;
  readonly category: VatCategory | null;
  readonly path: string;
}

export interface Party {
  readonly name: string | null;
  /** Every identifier it gives (EndpointID, PartyTaxScheme and PartyLegalEntity CompanyID), each with its path. */
  readonly ids: readonly At<string>[];
  readonly path: string;
}

export interface ParsedInvoice {
  readonly kind: InvoiceKind;
  readonly customizationId: At<string> | null;
  readonly profileId: At<string> | null;
  readonly number: At<string> | null;
  readonly issueDate: At<string> | null;
  readonly dueDate: At<string> | null;
  readonly typeCode: At<string> | null;
  readonly currency: At<string> | null;
  readonly buyerReference: At<string> | null;
  readonly orderReference: At<string> | null;
  readonly contractReferences: readonly At<string>[];
  readonly seller: Party | null;
  readonly buyer: Party | null;
  readonly allowanceCharges: readonly AllowanceCharge[];
  readonly taxTotal: Amount | null;
  readonly taxSubtotals: readonly TaxSubtotal[];
  readonly totals: {
    readonly lineExtension: Amount | null;
    readonly taxExclusive: Amount | null;
    readonly taxInclusive: Amount | null;
    readonly allowances: Amount | null;
    readonly charges: Amount | null;
    readonly prepaid: Amount | null;
    readonly rounding: Amount | null;
    readonly payable: Amount | null;
    readonly path: string;
  } | null;
  readonly lines: readonly InvoiceLine[];
}

/** One thing wrong with an uploaded invoice: where, and what, in Greek and in English. */
export interface InvoiceProblem {
  readonly path: string;
  /** The line of the XML it is on (or the nearest element there), when it can be told. */
  readonly line?: number;
  readonly el: string;
  readonly en: string;
}
