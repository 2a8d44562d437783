// Keeps src/api/graphql/schemaTypes.ts in step with schema.graphql, the contract of the GraphQL API: the
// resolvers are typed by what the schema says, the way openapi.d.ts types the REST routes.
//   node --import tsx src/api/graphql/checkGraphqlTypes.ts           exits 1 when the committed types are stale (CI)
//   node --import tsx src/api/graphql/checkGraphqlTypes.ts --write   regenerates them
// Generated with GraphQL Code Generator's typescript and typescript-resolvers plugins; the mappers say
// which read-model view each GraphQL type is resolved from.
import { readFile, writeFile } from 'node:fs/promises';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as resolversPlugin from '@graphql-codegen/typescript-resolvers';
import { parse } from 'graphql';
import { schemaUrl } from './schemaSource.ts';

const TYPES = new URL('./schemaTypes.ts', import.meta.url);
const LEDGER = '../../projections/ledger/index.ts';
const SUPPLIERS = '../../projections/suppliers/index.ts';
const ASSETS = '../../projections/assets/index.ts';
const IMPORTS = '../../projections/imports/index.ts';

const HEADER = `// Generated from schema.graphql by src/api/graphql/checkGraphqlTypes.ts: do not edit by hand.
/* eslint-disable */
`;

const generate = async (): Promise<string> => {
  const output = await codegen({
    filename: 'schemaTypes.ts',
    schema: parse(await readFile(schemaUrl, 'utf8')),
    documents: [],
    plugins: [{ typescript: {} }, { typescriptResolvers: {} }],
    pluginMap: { typescript: typescriptPlugin, typescriptResolvers: resolversPlugin },
    pluginContext: {},
    // One set of options for both plugins: exact money as strings, enums as string unions (the read
    // models already speak them), type-only imports, and the views each type is made from.
    config: {
      useTypeImports: true,
      enumsAsTypes: true,
      scalars: { Decimal: 'string' },
      contextType: './context.ts#ResolverContext',
      mappers: {
        Budget: '{ readonly year: number }',
        BudgetLine: `${LEDGER}#BudgetLineView`,
        Transaction: `${LEDGER}#TransactionView`,
        Supplier: `${SUPPLIERS}#SupplierView`,
        SupplierYear: `${SUPPLIERS}#SupplierYearView`,
        Asset: `${ASSETS}#AssetView`,
        AssetEvent: `${ASSETS}#AssetEventView`,
        Import: `${IMPORTS}#ImportView`,
        PeriodTotals: `${LEDGER}#PeriodTotals as PeriodTotalsView`,
      },
      avoidOptionals: false,
      maybeValue: 'T | null',
      inputMaybeValue: 'T | null | undefined',
    },
  });
  return HEADER + output;
};

const committed = async (): Promise<string | null> => {
  try {
    return await readFile(TYPES, 'utf8');
  } catch {
    return null;
  }
};

const fresh = await generate();
if (process.argv.includes('--write')) {
  await writeFile(TYPES, fresh);
  process.stdout.write('src/api/graphql/schemaTypes.ts: γράφτηκε / written\n');
} else if ((await committed()) !== fresh) {
  process.stderr.write(
    'Τα src/api/graphql/schemaTypes.ts δεν αντιστοιχούν στο schema.graphql. Τρέξτε: node --import tsx src/api/graphql/checkGraphqlTypes.ts --write\n' +
      'src/api/graphql/schemaTypes.ts is out of date with schema.graphql. Run: node --import tsx src/api/graphql/checkGraphqlTypes.ts --write\n',
  );
  process.exitCode = 1;
}
