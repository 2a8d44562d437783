// The projections of OpenDimos, in the order a batch is applied to them.
import type { Projection } from './projection.ts';
import { assetsProjection } from './readModels/assets.ts';
import { budgetProjection } from './readModels/budget.ts';
import { importsProjection } from './readModels/imports.ts';
import { suppliersProjection } from './readModels/suppliers.ts';
import { transactionsProjection } from './readModels/transactions.ts';

export const allProjections: readonly Projection[] = [transactionsProjection, budgetProjection, suppliersProjection, assetsProjection, importsProjection];

export const projectionNamed = (name: string): Projection | undefined => allProjections.find((p) => p.name === name);
