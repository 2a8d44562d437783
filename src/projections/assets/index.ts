// The property register's read side (δημοτική περιουσία): each asset as it stands, and its history.
import type { ProjectionsContext } from '../shared/projection.ts';
import { assetsProjection } from './assetsProjection.ts';

export * from './views.ts';
export * from './assetQueries.ts';
export { ASSETS, ASSET_HISTORY, assetsProjection } from './assetsProjection.ts';

export const assetsProjections: ProjectionsContext = { name: 'assets', projections: [assetsProjection] };
