// What the supplier's portal needs of the installation: the citizen platform (store, read models, keyring,
// public address), where webhooks may go (public https endpoints only in production), and a clock.
import type { FastifyRequest } from 'fastify';
import type { CitizenServices } from '../identity/index.ts';
import { displayName, loadAccount } from '../identity/index.ts';
import { ApiError } from '../shared/errors.ts';

export interface SupplierPortalServices extends Pick<CitizenServices, 'store' | 'client' | 'schema' | 'keyring' | 'publicUrl' | 'now'> {
  /**
   * Why an endpoint may not be registered (in production: not https, or an address not public, SSRF), or
   * null; the composition root hands the webhooks integration's check. None: any http(s) URL (development).
   */
  readonly endpointRefusal?: (url: string) => Promise<{ readonly el: string; readonly en: string } | null>;
}

export const nowOf = (services: Pick<SupplierPortalServices, 'now'>): Date => services.now?.() ?? new Date();

/** The session's supplier: the subject (the company, for its representative), its ΑΦΜ and name, who acts. */
export interface SupplierSession {
  readonly subjectId: string;
  readonly afm: string;
  readonly name: string;
  readonly actor: string;
}

export const supplierOf = async (services: SupplierPortalServices, request: FastifyRequest): Promise<SupplierSession> => {
  const session = request.session;
  if (session?.kind !== 'citizen') throw new ApiError('OD_LOGIN_REQUIRED');
  const account = await loadAccount(services, session.subjectId);
  if (!account) throw new ApiError('OD_LOGIN_REQUIRED');
  return { subjectId: session.subjectId, afm: account.details.taxid, name: displayName(account), actor: `citizen:${session.actingBy?.subjectId ?? session.subjectId}` };
};
