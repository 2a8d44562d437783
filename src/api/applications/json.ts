// The applications as JSON (GET /api/my/applications, issue 17's fixed shape, and more of each around it).
import type { ApplicationRecord } from '../../projections/applications/index.ts';

export interface ApplicationJson {
  readonly id: string;
  readonly service: string;
  readonly status: ApplicationRecord['status'];
  readonly submittedAt: string;
  /** Why it was refused (the rule's or staff's words), or what staff ask; null otherwise. */
  readonly reason: string | null;
  readonly document: { readonly url: string; readonly verificationCode: string; readonly sha256: string } | null;
  readonly updatedAt: string;
  readonly dueOn: string;
  readonly fee: { readonly amount: string; readonly paid: boolean; readonly debt: string } | null;
}

export const applicationJson = (a: ApplicationRecord): ApplicationJson => ({
  id: a.id,
  service: a.service,
  status: a.status,
  submittedAt: a.submittedAt,
  reason: a.status === 'information-requested' ? a.question : a.reason,
  document: a.document ? { url: `/api/my/applications/${a.id}/document.pdf`, verificationCode: a.document.verificationCode, sha256: a.document.sha256 } : null,
  updatedAt: a.updatedAt,
  dueOn: a.dueOn,
  fee: a.fee ? { amount: a.fee.amount, paid: a.fee.paid, debt: `${a.fee.year}-${a.fee.assessment}` } : null,
});
