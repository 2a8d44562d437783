// Lint: the recommended TypeScript rules, type-aware, so floating promises and `any` leaks are caught.
import tseslint from 'typescript-eslint';
import { boundariesPlugin } from './lint/boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'scratch/**', 'src/api/openapi.d.ts', 'src/web/static/**', 'test-results/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['src/**/*.ts'],
    plugins: { od: boundariesPlugin },
    // The layers whose folders are contexts (each but shared/), and src/ingest whose folders are its import kinds;
    // each integration's port owners, the only folders besides the composition root that may import it.
    rules: {
      'od/boundaries': [
        'error',
        {
          root: import.meta.dirname,
          contextLayers: ['domain', 'projections', 'api', 'web', 'ingest'],
          integrationOwners: {
            // The citizens' login routes (/auth/taxisnet, its callback, logout).
            taxisnet: ['src/api/identity'],
            // Card payments: the debts routes (the return, the webhook) and pages make and confirm orders.
            payments: ['src/api/debts', 'src/web/debts'],
            // Bank statements (camt.053/054): the bank-statement import kind reads them to pay debts.
            bankStatements: ['src/ingest/bankStatement'],
            // Witnesses of the verifiable log: the log's publisher sends them each checkpoint.
            witnesses: ['src/api/log'],
            // Signing certificates (PAdES): the applications routes and pages sign documents and check uploads.
            signing: ['src/api/applications', 'src/web/applications'],
            // Diavgeia's OpenData API: the context's sync asks it for the organisation's decisions.
            diavgeia: ['src/api/diavgeia'],
            // E-invoices (EN 16931 UBL): the suppliers' invoice routes read what a supplier uploads.
            einvoicing: ['src/api/suppliers'],
            // E-mail and webhooks implement ports of src/notify (its Transports), which never imports them:
            // only the composition root builds them and hands them to the dispatcher.
            mail: [],
            webhooks: [],
            // What every client of an outside system does alike (bounded bodies, deadlines).
            shared: ['src/integrations'],
          },
        },
      ],
    },
  },
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'lint/*.js'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Handlers implement Promise-returning interfaces; an async body without await is fine there.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
    },
  },
  // The verifier anyone can run (tools/) is one plain JavaScript file, without types: lint it for mistakes,
  // not for `any` (its types for the tests are in tools/verify-log.d.mts).
  { files: ['tools/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
