// The council's import kind: past sessions from Popolo JSON, decided through the council's deciders.
export { applyCouncilPlan, decideCouncilPlan, PlanRefusal } from './councilPlan.ts';
export type { CouncilPlan, DecidedPlan, PlannedBody, PlannedItem, PlannedSession } from './councilPlan.ts';
export { importCouncilPopolo, planFromPopolo } from './popoloImport.ts';
export type { CouncilImportIssue, CouncilImportReport } from './popoloImport.ts';
