// GET /api/exports/transactions.csv|.json: what the read model holds for a filter, streamed in pages,
// with natural persons only as «φυσικό πρόσωπο».
import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerEvent } from '../../src/domain/index.ts';
import { streams } from '../../src/domain/index.ts';
import { importFile } from '../../src/ingest/importFile.ts';
import type { TransactionFilter } from '../../src/projections/ledger/index.ts';
import { listTransactions } from '../../src/projections/ledger/index.ts';
import { NATURAL_PERSON_LABEL } from '../../src/projections/shared/views.ts';
import type { TransactionView } from '../../src/projections/ledger/index.ts';
import { PERSON, SUPPLIER } from '../support/ledger.ts';
import type { RestApp } from './restFixture.ts';
import { PERSON_AFM, PERSON_NAME, openRestApp, smallYearCsv } from './restFixture.ts';

const test = suite<{ rest: RestApp }>('REST: transaction exports');

/** More rows than one export page (5,000), so that a download crosses page boundaries. */
const LARGE_YEAR = 2024;
const LARGE_ROWS = 5_050;

const largeYear = (): LedgerEvent[] => [
  { type: 'BudgetLineEstablished', data: { year: LARGE_YEAR, kae: '30-7323.005', document: 'Π-1', date: '2024-01-02', amount: '99999999.00', ada: null, description: null, side: 'expense', title: 'Έργα οδοποιίας' } },
  ...Array.from({ length: LARGE_ROWS }, (_, i): LedgerEvent => ({
    type: 'ExpenseCommitted',
    data: {
      year: LARGE_YEAR, kae: '30-7323.005', document: `Δ-${i + 1}`, date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-10`,
      amount: `${1 + (i % 900)}.${String(i % 100).padStart(2, '0')}`, ada: null, description: i % 7 === 0 ? 'εργασίες; "συντήρηση"' : null,
      counterparty: i % 3 === 0 ? PERSON : SUPPLIER,
    },
  })),
];

test.before(async (context) => {
  context.rest = await openRestApp();
  const { store } = context.rest.ledger;
  const report = await importFile(store, Readable.from([smallYearCsv()]), { kind: 'transactions', fileName: 'small.csv', actor: 'test' });
  assert.is(report.outcome, 'imported');
  const events = largeYear();
  for (let i = 0; i < events.length; i += 2_000) {
    await store.appendMany([{ stream: streams.fiscalYear(LARGE_YEAR), events: events.slice(i, i + 2_000) }]);
  }
  await context.rest.catchUp();
});
test.after(async ({ rest }) => rest.close());

/** Every row of the read model for a filter, oldest first, through the GraphQL-facing query. */
const readModel = async (rest: RestApp, filter: TransactionFilter): Promise<TransactionView[]> => {
  const rows: TransactionView[] = [];
  for (let after: string | null = null; ; ) {
    const page = await listTransactions(rest.ledger.client, rest.ledger.schema, { filter, first: 500, after, orderBy: 'OLDEST' });
    rows.push(...page.nodes);
    if (!page.hasNextPage) return rows;
    after = page.cursors[page.cursors.length - 1]!;
  }
};

/** Splits a CSV text into records of fields (quotes, doubled quotes, CRLF). */
const parseCsv = (text: string, delimiter: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== delimiter && c !== '\r')) {
      field += c;
    } else if (c === delimiter) {
      endField();
    } else {
      endField();
      records.push(record);
      record = [];
      i++; // the \n of CRLF
    }
  }
  return records;
};

const get = (rest: RestApp, url: string) => rest.app.inject({ method: 'GET', url });

test('JSON equals the read model for a filter, oldest first, every field', async ({ rest }) => {
  const response = await get(rest, '/api/exports/transactions.json?year=2025&kae=20-6011');
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-disposition']), /^attachment; filename="opendimos-transactions-2025-20-6011\.json"$/);
  const exported = response.json<TransactionView[]>();
  assert.equal(exported, await readModel(rest, { year: 2025, kae: '20-6011' }));
  assert.is(exported.length, 7);
});

test('CSV for Excel: BOM, ";", decimal comma, Greek and English header, the read model row for row', async ({ rest }) => {
  const response = await get(rest, '/api/exports/transactions.csv?year=2025&type=PAYMENT');
  assert.is(response.statusCode, 200);
  assert.is(response.headers['content-type'], 'text/csv; charset=utf-8');
  assert.ok(response.body.startsWith('\uFEFF'), 'UTF-8 byte-order mark');
  const [header, ...rows] = parseCsv(response.body.slice(1), ';');
  assert.equal(header?.slice(0, 3), ['Θέση στο καθολικό / Ledger position', 'Κωδικός / Id', 'Ημερομηνία / Date']);
  const expected = await readModel(rest, { year: 2025, type: 'PAYMENT' });
  assert.equal(
    rows.map((r) => [r[1], r[4], r[5], r[8], r[11], r[12], r[13]]),
    expected.map((t) => [t.id, 'PAYMENT', 'πληρωμή', t.amount.replace('.', ','), t.counterparty?.afm ?? '', t.counterparty?.name ?? '', t.counterparty ? 'όχι' : '']),
  );
  assert.equal(rows[0]?.[8], '1200,50');
});

test('CSV for programs (rfc4180): no BOM, ",", decimal point, snake_case header; quotes survive', async ({ rest }) => {
  const response = await get(rest, `/api/exports/transactions.csv?year=${LARGE_YEAR}&dialect=rfc4180&from=2024-01-01&to=2024-01-31`);
  assert.is(response.statusCode, 200);
  const [header, ...rows] = parseCsv(response.body, ',');
  assert.equal(header, ['position', 'id', 'date', 'year', 'type', 'type_el', 'side', 'kae', 'amount', 'document', 'ref', 'counterparty_afm', 'counterparty_name', 'natural_person', 'ada', 'description']);
  const expected = await readModel(rest, { year: LARGE_YEAR, from: '2024-01-01', to: '2024-01-31' });
  assert.equal(rows.map((r) => [Number(r[0]), r[8], r[13], r[15] === '' ? null : r[15]]), expected.map((t) => [t.position, t.amount, t.counterparty ? String(t.counterparty.naturalPerson) : '', t.description]));
  assert.ok(rows.some((r) => r[15] === 'εργασίες; "συντήρηση"'));
});

test(`a large export streams across keyset pages: ${LARGE_ROWS + 1} rows, each once, in order`, async ({ rest }) => {
  const json = (await get(rest, `/api/exports/transactions.json?year=${LARGE_YEAR}`)).json<TransactionView[]>();
  assert.is(json.length, LARGE_ROWS + 1);
  assert.ok(json.every((t, i) => i === 0 || t.position > json[i - 1]!.position), 'strictly increasing positions');
  assert.equal(json.map((t) => t.document).slice(4_999, 5_002), ['Δ-4999', 'Δ-5000', 'Δ-5001']);
  assert.is(new Set(json.map((t) => t.id)).size, json.length);
  const csv = (await get(rest, `/api/exports/transactions.csv?year=${LARGE_YEAR}`)).body;
  const records = parseCsv(csv.slice(1), ';');
  assert.is(records.length, LARGE_ROWS + 2, 'header and every row');
  assert.equal(records.slice(1).map((r) => r[1]), json.map((t) => t.id));
});

test('an export goes brotli or gzip to a client that takes it: the same bytes, several times smaller', async ({ rest }) => {
  const url = `/api/exports/transactions.csv?year=${LARGE_YEAR}`;
  const plain = await get(rest, url);
  assert.is(plain.headers['content-encoding'], undefined);
  for (const [accept, encoding, decode] of [['gzip, deflate, br', 'br', brotliDecompressSync], ['gzip', 'gzip', gunzipSync]] as const) {
    const packed = await rest.app.inject({ method: 'GET', url, headers: { 'accept-encoding': accept } });
    assert.is(packed.statusCode, 200);
    assert.is(packed.headers['content-encoding'], encoding);
    assert.match(String(packed.headers.vary), /accept-encoding/i);
    assert.match(String(packed.headers['content-disposition']), /attachment; filename="opendimos-transactions-2024\.csv"/);
    assert.ok(decode(packed.rawPayload).equals(plain.rawPayload), `${encoding} decodes to the plain export`);
    assert.ok(packed.rawPayload.length * 4 < plain.rawPayload.length, `${encoding}: ${packed.rawPayload.length} of ${plain.rawPayload.length} bytes`);
  }
});

test('natural persons never appear by name or ΑΦΜ in any export, only as «φυσικό πρόσωπο»', async ({ rest }) => {
  const urls = ['/api/exports/transactions.csv', '/api/exports/transactions.csv?dialect=rfc4180', '/api/exports/transactions.json', '/api/exports/fdp/2025/transactions.csv', '/api/exports/fdp/2025/datapackage.json'];
  for (const url of urls) {
    const body = (await get(rest, url)).body;
    for (const secret of [PERSON_NAME, PERSON_AFM, 'ΚΟΣΜΕΤΑΤ']) assert.not.ok(body.includes(secret), `${url} must not contain ${secret}`);
  }
  const people = (await get(rest, '/api/exports/transactions.json')).json<TransactionView[]>().filter((t) => t.counterparty?.naturalPerson);
  assert.is(people.length, 2 + Math.ceil(LARGE_ROWS / 3));
  assert.ok(people.every((t) => t.counterparty?.afm === null && t.counterparty.name === NATURAL_PERSON_LABEL));
});

test('a bad filter is refused before any output, with the Greek and English error body', async ({ rest }) => {
  for (const query of ['year=abc', 'type=payment', 'kae=ΚΑΕ-1', 'from=2025-02-31', 'afm=12345', 'dialect=tsv', 'search=']) {
    const response = await get(rest, `/api/exports/transactions.csv?${query}`);
    assert.is(response.statusCode, 400, query);
    const { error } = response.json<{ error: { code: string; message_el: string; message_en: string } }>();
    assert.is(error.code, 'OD_INVALID_REQUEST', query);
    assert.ok(error.message_el.startsWith('Μη έγκυρη αίτηση') && error.message_en.startsWith('Invalid request'), query);
  }
});

test.run();
