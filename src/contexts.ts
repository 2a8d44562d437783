// The town hall, one line per context: what each brings to the read side, the API and the site. The
// composition root (src/cli) hands these to the layers; no layer imports this file. The domain composes
// its own list (src/domain/contexts.ts), since it imports nothing outside itself.
import type { Projection, ProjectionsContext } from './projections/shared/projection.ts';
import { assetsProjections } from './projections/assets/index.ts';
import { importsProjections } from './projections/imports/index.ts';
import { ledgerProjections } from './projections/ledger/index.ts';
import { suppliersProjections } from './projections/suppliers/index.ts';

export interface Context {
  readonly name: string;
  readonly projections?: ProjectionsContext;
}

export const contexts: readonly Context[] = [
  { name: 'ledger', projections: ledgerProjections },
  { name: 'suppliers', projections: suppliersProjections },
  { name: 'assets', projections: assetsProjections },
  { name: 'imports', projections: importsProjections },
];

/** Every projection, in the order a batch is applied to them: the contexts' order, then each context's own. */
export const allProjections: readonly Projection[] = contexts.flatMap((c) => c.projections?.projections ?? []);

export const projectionNamed = (name: string): Projection | undefined => allProjections.find((p) => p.name === name);
