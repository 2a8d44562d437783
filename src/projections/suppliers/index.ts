// The suppliers' read side: every legal entity the municipality deals with, its totals overall and per year.
import type { ProjectionsContext } from '../shared/projection.ts';
import { suppliersProjection } from './suppliersProjection.ts';

export * from './views.ts';
export * from './supplierQueries.ts';
export { SUPPLIERS, SUPPLIER_DOCUMENTS, SUPPLIER_YEARS, suppliersProjection } from './suppliersProjection.ts';

export const suppliersProjections: ProjectionsContext = { name: 'suppliers', projections: [suppliersProjection] };
