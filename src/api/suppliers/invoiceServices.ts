// What the suppliers' e-invoices and threads need of the installation, and who the session acts for: a
// company, logged in with its own TaxisNet credentials or by its legal representative (the session's subject
// is then the company, `actingBy` the person). A person's own session is not a supplier's.
import type { FastifyRequest } from 'fastify';
import { einvoicesErrors } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { EventStore } from '../../eventstore/port.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import { loadAccount } from '../identity/index.ts';
import { ApiError } from '../shared/errors.ts';

export { LIXOURI_TAXID } from '../../domain/index.ts';

export interface SupplierInvoicesServices {
  readonly store: EventStore;
  readonly client: SqlClient;
  readonly schema: string;
  readonly keyring: Keyring;
  readonly publicUrl: string;
  /** The municipality's ΑΦΜ (OPENDIMOS_MUNICIPALITY_TAXID; default LIXOURI_TAXID): every invoice's buyer. */
  readonly buyerTaxid: string;
  readonly now?: () => Date;
}

export const nowOf = (services: Pick<SupplierInvoicesServices, 'now'>): Date => services.now?.() ?? new Date();

/** The company a session acts for. */
export interface SupplierCompany {
  readonly subjectId: string;
  readonly taxid: string;
  readonly name: string;
  /** `citizen:<id>` of the company itself, or of the representative acting for it. */
  readonly actor: string;
}

/** The session's company; 401 without a citizen session, 403 for a person's own. */
export const supplierCompanyOf = async (services: Pick<SupplierInvoicesServices, 'store' | 'keyring' | 'now'>, request: FastifyRequest): Promise<SupplierCompany> => {
  const session = request.session;
  if (session?.kind !== 'citizen') throw new ApiError('OD_LOGIN_REQUIRED');
  const account = await loadAccount(services, session.subjectId);
  if (account === null || account.kind !== 'company') throw einvoicesErrors.OD_EINVOICE_NOT_COMPANY();
  return {
    subjectId: session.subjectId,
    taxid: account.details.taxid,
    name: account.details.lastName,
    actor: `citizen:${session.actingBy?.subjectId ?? session.subjectId}`,
  };
};
