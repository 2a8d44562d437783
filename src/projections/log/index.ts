// The verifiable log's read side: the tree's leaves and tiles, kept with the projections' checkpoints.
import type { ProjectionsContext } from '../shared/projection.ts';
import { logProjection } from './logProjection.ts';

export { sha256, sha256Hasher } from './hasher.ts';
export type { StoredEntry } from './entries.ts';
export { LOG_LEAVES, LOG_PROJECTION, LOG_TILES, logProjection } from './logProjection.ts';
export type { LogTables } from './treeQueries.ts';
export { consistencyProof, entriesOfLeaves, inclusionProof, leafEntryOfPosition, leafOfPosition, leavesOfPositions, logTables, rangeHashes, rootAt, tileBytes, treeSize } from './treeQueries.ts';

export const logProjections = (eventsTable: string): ProjectionsContext => ({ name: 'log', projections: [logProjection(eventsTable)] });
