// The debts context's read side (personal): each debtor's debts, their history and the online payments.
import type { Keyring } from '../../eventstore/keyring.ts';
import type { ProjectionsContext } from '../shared/projection.ts';
import { bankCreditsProjection } from './bankCreditsProjection.ts';
import { debtsProjection } from './debtsProjection.ts';

export * from './debtQueries.ts';
export { DEBT_HISTORY, DEBTS, DEBTS_PROJECTION, PAYMENTS } from './debtsProjection.ts';
export { debtsNotifications } from './notifications.ts';
export type { UnmatchedCredit } from './bankCreditsProjection.ts';
export { BANK_CREDITS, BANK_CREDITS_PROJECTION, unmatchedCredit, unmatchedCredits } from './bankCreditsProjection.ts';

export const debtsProjections = (keyring: Keyring): ProjectionsContext => ({ name: 'debts', projections: [debtsProjection(keyring), bankCreditsProjection] });
