// The import log's read side: which files came in, when, and what came of them.
import type { ProjectionsContext } from '../shared/projection.ts';
import { importsProjection } from './importsProjection.ts';

export * from './views.ts';
export * from './importQueries.ts';
export { IMPORTS, importsProjection } from './importsProjection.ts';

export const importsProjections: ProjectionsContext = { name: 'imports', projections: [importsProjection] };
