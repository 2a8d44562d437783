// What the debts context needs of the installation: the store, the read models' database, the keyring, the
// card-payment provider (or none: then the pages offer the RF code alone) and the municipality's own codes.
import type { Keyring } from '../../eventstore/keyring.ts';
import type { EventStore } from '../../eventstore/port.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import type { PaymentProvider } from '../../integrations/payments/index.ts';

/** The account the municipality is paid into by bank transfer (shown beside the RF, and in its QR code). */
export interface PaymentAccount {
  readonly name: string;
  readonly iban: string;
  readonly bic?: string;
}

export interface DebtsServices {
  readonly store: EventStore;
  readonly client: SqlClient;
  readonly schema: string;
  readonly keyring: Keyring;
  readonly payments: PaymentProvider | null;
  /** The municipality's letters in its RF codes (2–8 Latin capitals, e.g. LIX). */
  readonly rfCode: string;
  readonly account: PaymentAccount;
  readonly now?: () => Date;
}

export const nowOf = (services: Pick<DebtsServices, 'now'>): Date => services.now?.() ?? new Date();

const ATHENS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date in Athens of an instant (yyyy-mm-dd): debts fall due, and payments are collected, by it. */
export const athensDateOf = (at: Date): string => ATHENS_DATE.format(at);

/** Today in Athens. */
export const todayOf = (services: Pick<DebtsServices, 'now'>): string => athensDateOf(nowOf(services));

/** What the installation decides about paying debts: the provider, the RF letters, the account. */
export interface DebtsPayments {
  readonly payments: PaymentProvider | null;
  readonly rfCode: string;
  readonly account: PaymentAccount;
}

/**
 * Lixouri's: RF codes start LIX. The account is a placeholder (the IBAN of the Greek banks' own examples)
 * until the municipality gives the account its debts are paid into; OPENDIMOS_PAYMENT_IBAN sets it.
 */
export const lixouriPayments: DebtsPayments = {
  payments: null,
  rfCode: 'LIX',
  account: { name: 'Δήμος Ληξουρίου', iban: 'GR1601101250000000012300695' },
};
