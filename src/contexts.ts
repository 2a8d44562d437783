// The town hall, one line per context: what each brings to the read side, the API and the site. The
// composition root (src/cli) hands these to the layers; no layer imports this file. The domain composes
// its own list (src/domain/contexts.ts), since it imports nothing outside itself.
import { assetsApi } from './api/assets/index.ts';
import { importsApi } from './api/imports/index.ts';
import { ledgerApi } from './api/ledger/index.ts';
import type { ApiContext } from './api/shared/apiContext.ts';
import { suppliersApi } from './api/suppliers/index.ts';
import type { Projection, ProjectionsContext } from './projections/shared/projection.ts';
import { assetsProjections } from './projections/assets/index.ts';
import { importsProjections } from './projections/imports/index.ts';
import { ledgerProjections } from './projections/ledger/index.ts';
import { suppliersProjections } from './projections/suppliers/index.ts';
import { assetsWeb } from './web/assets/index.ts';
import { ledgerWeb } from './web/ledger/index.ts';
import type { WebContext } from './web/shared/pageRoutes.ts';
import { suppliersWeb } from './web/suppliers/index.ts';

export interface Context {
  readonly name: string;
  readonly projections?: ProjectionsContext;
  readonly api?: ApiContext;
  readonly web?: WebContext;
}

export const contexts: readonly Context[] = [
  { name: 'ledger', projections: ledgerProjections, api: ledgerApi, web: ledgerWeb },
  { name: 'suppliers', projections: suppliersProjections, api: suppliersApi, web: suppliersWeb },
  { name: 'assets', projections: assetsProjections, api: assetsApi, web: assetsWeb },
  { name: 'imports', projections: importsProjections, api: importsApi },
];

/** Every projection, in the order a batch is applied to them: the contexts' order, then each context's own. */
export const allProjections: readonly Projection[] = contexts.flatMap((c) => c.projections?.projections ?? []);

/** The API's contexts: their GraphQL fragments make schema.graphql, in this order. */
export const apiContexts: readonly ApiContext[] = contexts.flatMap((c) => (c.api ? [c.api] : []));

/** The site's contexts, in the order of the header's links. */
export const webContexts: readonly WebContext[] = contexts.flatMap((c) => (c.web ? [c.web] : []));

export const projectionNamed = (name: string): Projection | undefined => allProjections.find((p) => p.name === name);
