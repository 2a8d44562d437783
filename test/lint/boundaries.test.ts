// The lint rule that keeps the rooms apart, run on imports as a violating change would write them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { boundariesPlugin } from '../../lint/boundaries.js';

const root = '/repo';
const linter = new Linter({ configType: 'flat', cwd: root });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { od: boundariesPlugin },
    rules: { 'od/boundaries': ['error', { root, integrationOwners: { taxisnet: ['src/api/identity'] } }] },
  },
];

/** The messages of the rule for one import written in one file. */
const problems = (file: string, code: string): string[] =>
  linter.verify(code, config, { filename: `${root}/${file}` }).map((m) => m.messageId ?? m.message);

test('the domain imports decimal.js and itself, nothing else', () => {
  assert.equal(problems('src/domain/ledger/pay.ts', "import { Decimal } from 'decimal.js';\nimport { x } from '../shared/money.ts';"), []);
  assert.equal(problems('src/domain/ledger/pay.ts', "import pg from 'pg';"), ['domainImport']);
  assert.equal(problems('src/domain/ledger/pay.ts', "import { createHash } from 'node:crypto';"), ['domainImport']);
  assert.equal(problems('src/domain/ledger/pay.ts', "import type { SqlClient } from '../../eventstore/sql/client.ts';"), ['domainImport']);
  assert.equal(problems('src/domain/ledger/pay.ts', "export { x } from '../../api/errors.ts';"), ['domainImport']);
});

test('a context is reached through its index, from another context or another layer', () => {
  assert.equal(problems('src/web/ledger/budget.ts', "import { budgetOf } from '../../projections/ledger/index.ts';"), []);
  assert.equal(problems('src/web/ledger/budget.ts', "import { budgetOf } from '../../projections/ledger/queries/budget.ts';"), ['contextInternals']);
  assert.equal(problems('src/web/suppliers/page.ts', "import { movements } from '../ledger/movements.ts';"), ['contextInternals']);
  assert.equal(problems('src/web/ledger/page.ts', "import { layout } from '../shared/layout.ts';\nimport { m } from './messages.ts';"), []);
  assert.equal(problems('src/domain/assets/asset.ts', "import type { Counterparty } from '../ledger/events.ts';"), ['contextInternals']);
  assert.equal(problems('src/api/shared/app.ts', "const m = await import('../debts/routes.ts');"), ['contextInternals']);
});

test('other layers take the domain from its index, not from its files', () => {
  assert.equal(problems('src/ingest/decide.ts', "import { parseMoney } from '../domain/index.ts';"), []);
  assert.equal(problems('src/ingest/decide.ts', "import { parseMoney } from '../domain/shared/money.ts';"), ['domainInternals']);
});

test('an integration is imported by its port owner and the composition root only', () => {
  assert.equal(problems('src/api/identity/login.ts', "import { taxisnet } from '../../integrations/taxisnet/index.ts';"), []);
  assert.equal(problems('src/cli/serve.ts', "import { taxisnet } from '../integrations/taxisnet/index.ts';"), []);
  assert.equal(problems('src/contexts.ts', "import { taxisnet } from './integrations/taxisnet/index.ts';"), []);
  assert.equal(problems('src/web/ledger/home.ts', "import { taxisnet } from '../../integrations/taxisnet/index.ts';"), ['integration']);
  assert.equal(problems('src/integrations/mail/smtp.ts', "import { taxisnet } from '../taxisnet/index.ts';"), ['integration']);
});

test('files outside src are not its business', () => {
  assert.equal(problems('test/domain/x.test.ts', "import { x } from '../../src/domain/ledger/pay.ts';"), []);
});

test.run();
