// What the council's GraphQL types are resolved from (schemaTypes.ts maps them): the read model's views.
export type { ItemView as CouncilItemModel, SessionSummary as CouncilSessionModel, VoteView as CouncilVoteModel } from '../../projections/council/index.ts';
