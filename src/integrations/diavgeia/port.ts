// The port the Diavgeia context owns: the three questions a sync asks of Diavgeia's OpenData API.
import type { ObservedDecision } from '../../domain/index.ts';

export interface DecisionSearch {
  /** Diavgeia's organisation uid (`org`). */
  readonly organizationId: string;
  /** Submission dates, yyyy-mm-dd, both inclusive (`from_date`, `to_date`); Diavgeia clamps a range to 180 days. */
  readonly from: string;
  readonly to: string;
  /** 0-based. */
  readonly page: number;
  readonly size: number;
}

export interface DecisionPage {
  readonly decisions: readonly ObservedDecision[];
  /** Every decision the search finds, over all its pages. */
  readonly total: number;
}

export interface DecisionVersion {
  readonly versionId: string;
  readonly at: string;
  readonly status: string;
  readonly correctedVersionId: string | null;
}

export interface DiavgeiaPort {
  search(query: DecisionSearch): Promise<DecisionPage>;
  /** One decision's details (`/decisions/{ada}`); null when Diavgeia has none. */
  decision(ada: string): Promise<ObservedDecision | null>;
  /** Its versions, oldest first (`/decisions/{ada}/versionlog`). */
  versionLog(ada: string): Promise<readonly DecisionVersion[]>;
}

/** Diavgeia answers at most this many days of a search at once (it shortens a longer range silently). */
export const MAX_SEARCH_DAYS = 180;
