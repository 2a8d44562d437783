// A decision's stream decided from what Diavgeia says of it now: the first sight publishes it, a new version
// corrects it, a revocation revokes it; the same answer again decides nothing, so a sync can always be re-run.
import type { DecisionEvent, DecisionFields } from './events.ts';

export type DecisionStatus = 'PUBLISHED' | 'PENDING_REVOCATION' | 'REVOKED';

/** What a sync found of one decision: its current version and status. */
export interface ObservedDecision {
  readonly fields: DecisionFields;
  readonly status: DecisionStatus;
  /** The version this one corrects (`correctedVersionId`), when Diavgeia says. */
  readonly correctedVersionId: string | null;
}

export type DecisionState = { readonly kind: 'unknown' } | { readonly kind: 'known'; readonly versionId: string; readonly revoked: boolean };

export const initialDecision: DecisionState = { kind: 'unknown' };

export const evolveDecision = (state: DecisionState, event: DecisionEvent): DecisionState => {
  switch (event.type) {
    case 'DecisionPublished':
      return { kind: 'known', versionId: event.data.versionId, revoked: false };
    case 'DecisionCorrected':
      return { kind: 'known', versionId: event.data.versionId, revoked: state.kind === 'known' && state.revoked };
    case 'DecisionRevoked':
      return { kind: 'known', versionId: state.kind === 'known' ? state.versionId : event.data.versionId, revoked: true };
    default: {
      const _exhaustive: never = event;
      throw new Error(`unknown decision event ${String(_exhaustive)}`);
    }
  }
};

export const observeDecision = (state: DecisionState, observed: ObservedDecision): DecisionEvent[] => {
  const { fields } = observed;
  const revoke: DecisionEvent[] = observed.status === 'REVOKED' ? [{ type: 'DecisionRevoked', data: { ada: fields.ada, versionId: fields.versionId, revokedAt: fields.submittedAt } }] : [];
  if (state.kind === 'unknown') return [{ type: 'DecisionPublished', data: fields }, ...revoke];
  const corrected: DecisionEvent[] =
    state.versionId === fields.versionId ? [] : [{ type: 'DecisionCorrected', data: { ...fields, correctedVersionId: observed.correctedVersionId ?? state.versionId } }];
  return [...corrected, ...(state.revoked ? [] : revoke)];
};
