// A service's fee is a debt of the applicant, entered in the debts context like a roll's (its own assessment
// number, the service's ΚΑΕ), so it is paid the ways every debt is (card, RF transfer, the counter) and the
// collection reaches the public ledger as any other. The fee watcher then records, on each application
// waiting for one, that its debt is paid: from the debts' read model, so it needs no hook in any payment path.
import type { Decimal } from 'decimal.js';
import type { ApplicationStatus, DebtDetails, ServiceDefinition } from '../../domain/index.ts';
import { assessDebt, initialDebt, recordFeePaid, streams } from '../../domain/index.ts';
import { isExpectedRevisionConflict } from '../../eventstore/errors.ts';
import { paidFees } from '../../projections/applications/index.ts';
import { athensDateOf } from '../debts/index.ts';
import { displayName, loadAccount } from '../identity/index.ts';
import type { Applicant, ApplicationsServices } from './services.ts';
import { decideOn } from './stream.ts';

/** Days a fee is given to be paid, from the day it is asked. */
export const FEE_DUE_DAYS = 15;

/** The fee's assessment number: «ΑΙΤ» is not Latin, so «APP-» and the application id's first twelve hex digits. */
export const feeAssessmentOf = (applicationId: string): string => `APP-${applicationId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;

export const enterFeeDebt = async (
  services: ApplicationsServices,
  applicant: Applicant,
  service: ServiceDefinition,
  applicationId: string,
  fee: Decimal,
  now: Date,
): Promise<{ readonly year: number; readonly assessment: string }> => {
  const today = athensDateOf(now);
  const year = Number(today.slice(0, 4));
  const assessment = feeAssessmentOf(applicationId);
  const due = athensDateOf(new Date(now.getTime() + FEE_DUE_DAYS * 86_400_000));
  const account = await loadAccount(services, applicant.subjectId);
  const details: DebtDetails = {
    taxid: account?.details.taxid ?? '',
    name: account ? displayName(account) : '',
    reason: `Τέλος αίτησης: ${service.title.el} / Application fee: ${service.title.en}`,
  };
  const contentHash = services.keyring.lookupHash('debt-assessment', JSON.stringify([applicationId, service.code, fee.toFixed(2)]));
  const events = assessDebt(initialDebt(), {
    subjectId: applicant.subjectId,
    debtorKind: applicant.kind,
    year,
    assessment,
    kae: service.fee!.kae,
    amount: fee,
    surcharges: fee.minus(fee),
    assessedOn: today,
    dueOn: due,
    instalments: null,
    contentHash,
    sealed: await services.keyring.seal(applicant.subjectId, details),
  });
  await services.store.append(streams.debt(year, assessment), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor: applicant.actor } })), { expectedRevision: 'any' });
  return { year, assessment };
};

/**
 * Records the fees paid since last asked; answers the applications it moved on, with their status now (a page
 * that asked shows them so, before the read model has the new event). Run on a timer while serving, and
 * before the applicant's list is shown.
 */
export const settlePaidFees = async (services: Pick<ApplicationsServices, 'store' | 'client' | 'schema'>): Promise<ReadonlyMap<string, ApplicationStatus>> => {
  const paid = await paidFees(services.client, services.schema);
  const moved = new Map<string, ApplicationStatus>();
  for (const fee of paid) {
    try {
      const state = await decideOn(services.store, fee.id, 'applications:fees', (s) => recordFeePaid(s, { receipt: fee.receipt, at: fee.paidAt }));
      moved.set(fee.id, state.status);
    } catch (error) {
      // Another node (or the office) wrote to the application meanwhile: the next round sees the fee again.
      if (!isExpectedRevisionConflict(error)) throw error;
    }
  }
  return moved;
};
