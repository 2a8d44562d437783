// What the applications context needs of the installation: the store and read models, the keyring (the
// form's values are sealed), the catalogue read at start-up, the debts context (the instant rules read the
// applicant's debts; a fee becomes a debt), the document's renderer (the site's) and the signer.
import type { ServiceDefinition } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { EventStore } from '../../eventstore/port.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import type { DocumentSigner } from '../../integrations/signing/index.ts';
import type { DebtsServices } from '../debts/index.ts';
import type { RenderDocument } from './documentContent.ts';
import { addressLimiter } from '../shared/addressLimiter.ts';

export interface ApplicationsServices {
  readonly store: EventStore;
  readonly client: SqlClient;
  readonly schema: string;
  readonly keyring: Keyring;
  readonly catalogue: readonly ServiceDefinition[];
  readonly debts: DebtsServices;
  readonly render: RenderDocument;
  readonly signer: DocumentSigner;
  /** OPENDIMOS_PUBLIC_URL: the QR code and the e-mails link to it. */
  readonly publicUrl: string;
  /** The municipality's own holidays (its patron saint's day), beside the national ones, for deadlines. */
  readonly localHolidays?: readonly string[];
  readonly now?: () => Date;
  /**
   * Counts a verification lookup of an address; false beyond the limit. One per process, shared by the API
   * and the pages, so an address gets its 30 a minute in all (made by verificationLimiter when absent).
   */
  readonly verificationAllowed?: (address: string) => boolean;
}

export const nowOf = (services: Pick<ApplicationsServices, 'now'>): Date => services.now?.() ?? new Date();

/** Who applies: the session's subject (a company's, for its representative), and who is acting. */
export interface Applicant {
  readonly subjectId: string;
  readonly kind: 'person' | 'company';
  /** `citizen:<subject>` of the person at the keyboard (the representative, for a company). */
  readonly actor: string;
}

/** Verification lookups per address per minute, on each node: a person checks a few; a walker is stopped. */
export const VERIFICATIONS_PER_MINUTE = 30;

export const verificationLimiter = (services: Pick<ApplicationsServices, 'now'>): ((address: string) => boolean) =>
  addressLimiter({ max: VERIFICATIONS_PER_MINUTE, windowMs: 60_000 }, () => nowOf(services).getTime());
