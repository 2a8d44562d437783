// POST /api/imports with kind=bank-statement (issue 15 item 5): the revenue department's, like the debt roll;
// a camt.053 goes in as any import does (201, the report), a file that is not camt is 422 with the reader's
// code in Greek and English, and a finance token is refused. And `opendimos import FILE --kind bank-statement`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LightMyRequestResponse } from 'fastify';
import { createToken } from '../../../src/api/shared/auth/tokens.ts';
import { runImportCommand } from '../../../src/cli/importCommand.ts';
import { camtDocument } from '../../support/doubles/bank/index.ts';
import type { RestApp } from '../../api/restFixture.ts';
import { multipartForm, openRestApp } from '../../api/restFixture.ts';

const test = suite<{ rest: RestApp }>('POST /api/imports: bank statements', {} as { rest: RestApp });
test.before.each(async (context) => {
  context.rest = await openRestApp();
});
test.after.each(async ({ rest }) => rest.close());

const STATEMENT = camtDocument({
  message: 'camt.053',
  statements: [{ id: 'STMT-API', iban: 'GR1601101250000000012300695', entries: [{ amount: '25.00', bookingDate: '2025-10-02', accountServicerRef: 'API1', unstructured: ['ΔΗΜΟΤΙΚΑ ΤΕΛΗ'] }] }],
});

const post = async (rest: RestApp, content: string, role: 'revenue' | 'finance'): Promise<LightMyRequestResponse> => {
  const { token } = await createToken(rest.ledger.client, rest.ledger.schema, { role, name: 'ταμείο' });
  const { payload, headers } = multipartForm([
    { name: 'kind', value: 'bank-statement' },
    { name: 'file', filename: 'statement.xml', content: Buffer.from(content) },
  ]);
  return rest.app.inject({ method: 'POST', url: '/api/imports', payload, headers: { ...headers, authorization: `Bearer ${token}` } });
};

test('a revenue token imports a camt.053: its credit with no RF recorded unmatched, the report as for any import', async ({ rest }) => {
  const response = await post(rest, STATEMENT, 'revenue');
  assert.is(response.statusCode, 201);
  const report = response.json<{ outcome: string; rows: number; imported: number }>();
  assert.equal([report.outcome, report.rows, report.imported], ['imported', 1, 1]);
  const types = (await rest.ledger.store.readAll()).map((e) => e.type);
  assert.equal(types, ['BankCreditUnmatched', 'ImportRecorded']);
});

test('a file that is not camt is 422 with the reader\'s code; a finance token is 403', async ({ rest }) => {
  const refused = await post(rest, 'ημερομηνία;ποσό\r\n', 'revenue');
  assert.is(refused.statusCode, 422);
  const report = refused.json<{ errors: { code: string; message_el: string; message_en: string }[] }>();
  assert.equal(report.errors.map((e) => e.code), ['OD_CAMT_NOT_XML']);
  assert.ok(report.errors[0]!.message_el.length > 0 && report.errors[0]!.message_en.length > 0);
  const forbidden = await post(rest, STATEMENT, 'finance');
  assert.is(forbidden.statusCode, 403);
  assert.equal((await rest.ledger.store.readAll()).map((e) => e.type), ['ImportRecorded']);
});

test('opendimos import FILE --kind bank-statement: the same import, exit 0, then nothing new', async ({ rest }) => {
  const dir = await mkdtemp(join(tmpdir(), 'od-camt-'));
  try {
    await writeFile(join(dir, 'statement.xml'), STATEMENT);
    const out: string[] = [];
    const deps = {
      store: rest.ledger.store,
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => out.push(text) },
      actor: 'cli:test',
      cwd: dir,
      database: { client: rest.ledger.client, schema: rest.ledger.schema },
    };
    assert.is(await runImportCommand(['statement.xml', '--kind', 'bank-statement', '--json'], deps), 0);
    const reportOf = (): { outcome: string; imported: number; duplicates: number } => JSON.parse(out.join('')) as { outcome: string; imported: number; duplicates: number };
    assert.is(reportOf().imported, 1);
    out.length = 0;
    assert.is(await runImportCommand(['statement.xml', '--kind=bank-statement', '--json'], deps), 0);
    assert.equal([reportOf().outcome, reportOf().duplicates], ['nothing_new', 1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
