// The Fiscal Data Package of a year: a descriptor that parses and points at its CSV, a CSV that matches the
// descriptor's fields, and amounts that add up to the read model's budget execution to the cent.
import { Decimal } from 'decimal.js';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FiscalDataPackage } from '../../src/api/ledger/fdpDescriptor.ts';
import { budgetTotals } from '../../src/projections/ledger/index.ts';
import { appendAll, smallYear } from '../support/ledger.ts';
import type { RestApp } from './restFixture.ts';
import { openRestApp } from './restFixture.ts';

const test = suite<{ rest: RestApp }>('REST: Fiscal Data Package');

test.before(async (context) => {
  context.rest = await openRestApp();
  await appendAll(context.rest.ledger.store, smallYear());
  await context.rest.catchUp();
});
test.after(async ({ rest }) => rest.close());

const DESCRIPTOR = '/api/exports/fdp/2025/datapackage.json';

/** rfc4180 records; the FDP CSV quotes only fields with , " or line ends. */
const records = (text: string): string[][] =>
  text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"')).slice(0, -1));

test('datapackage.json is a fiscal data package whose resource is the CSV beside it, field for field', async ({ rest }) => {
  const response = await rest.app.inject({ method: 'GET', url: DESCRIPTOR });
  assert.is(response.statusCode, 200);
  const descriptor = response.json<FiscalDataPackage>();
  assert.equal([descriptor.profile, descriptor.name, descriptor.countryCode, descriptor.fiscalPeriod], ['fiscal-data-package', 'opendimos-transactions-2025', 'GR', { start: '2025-01-01', end: '2025-12-31' }]);
  const [resource] = descriptor.resources;
  assert.equal([descriptor.resources.length, resource?.profile, resource?.encoding, resource?.dialect.delimiter], [1, 'tabular-data-resource', 'utf-8', ',']);

  const csvUrl = new URL(resource!.path, `http://opendimos${DESCRIPTOR}`).pathname;
  assert.is(csvUrl, '/api/exports/fdp/2025/transactions.csv');
  const csv = await rest.app.inject({ method: 'GET', url: csvUrl });
  assert.is(csv.statusCode, 200);
  const [header] = records(csv.body);
  const fields = resource!.schema.fields.map((f) => f.name);
  assert.equal(header, fields);
  assert.ok(fields.includes(resource!.schema.primaryKey));

  const { measures, dimensions } = descriptor.model;
  assert.equal(measures.amount, { source: 'amount', currency: 'EUR', factor: 1, resource: 'transactions', title: measures.amount?.title, description: measures.amount?.description });
  const sources = [...Object.values(measures).map((m) => m.source), ...Object.values(dimensions).flatMap((d) => Object.values(d.attributes).map((a) => a.source))];
  assert.equal(sources.filter((s) => !fields.includes(s)), [], 'every source is a field');
  for (const dimension of Object.values(dimensions)) {
    const keys = Array.isArray(dimension.primaryKey) ? dimension.primaryKey : [dimension.primaryKey];
    assert.ok(keys.every((k) => k in dimension.attributes), 'primary keys are attributes');
  }
  assert.is(dimensions['economic-classification']?.classificationType, 'economic');
});

test('summing amount by direction and stage gives the read model’s budget execution to the cent', async ({ rest }) => {
  const csv = await rest.app.inject({ method: 'GET', url: '/api/exports/fdp/2025/transactions.csv' });
  const [header, ...rows] = records(csv.body);
  const column = (name: string) => header!.indexOf(name);
  const sums = new Map<string, Decimal>();
  for (const row of rows) {
    const key = `${row[column('direction')]}|${row[column('stage')]}`;
    sums.set(key, (sums.get(key) ?? new Decimal(0)).plus(row[column('amount')]!));
  }
  const sum = (direction: string, stage: string) => (sums.get(`${direction}|${stage}`) ?? new Decimal(0)).toFixed(2);
  const totals = await budgetTotals(rest.ledger.client, rest.ledger.schema, 2025);
  for (const [direction, side] of [['expenditure', totals.EXPENSE], ['revenue', totals.REVENUE]] as const) {
    assert.equal(
      [sum(direction, 'initial'), sum(direction, 'adjustments'), sum(direction, 'committed'), sum(direction, 'ordered'), sum(direction, 'paid'), sum(direction, 'assessed'), sum(direction, 'collected')],
      [side.initial, side.amendments, side.committed, side.ordered, side.paid, side.assessed, side.collected],
      direction,
    );
  }
  assert.is(sum('expenditure', 'paid'), '18699.50', 'a payment of 20,000.00 less a reversal of 2,500.50');
  const reversal = rows.find((r) => r[column('type')] === 'REVERSAL');
  assert.equal([reversal?.[column('amount')], reversal?.[column('stage')], reversal?.[column('kae_title')]], ['-2500.50', 'paid', 'Ασφαλτοστρώσεις δρόμων']);
  assert.is(rows.length, 13, 'every movement of the year');
});

test('a year without movements is 404; a year that is not a year is 400', async ({ rest }) => {
  for (const [url, status, code] of [
    ['/api/exports/fdp/2019/datapackage.json', 404, 'OD_NOT_FOUND'],
    ['/api/exports/fdp/2019/transactions.csv', 404, 'OD_NOT_FOUND'],
    ['/api/exports/fdp/20x5/datapackage.json', 400, 'OD_INVALID_REQUEST'],
    ['/api/exports/fdp/3000/transactions.csv', 400, 'OD_INVALID_REQUEST'],
  ] as const) {
    const response = await rest.app.inject({ method: 'GET', url });
    assert.equal([response.statusCode, response.json<{ error: { code: string } }>().error.code], [status, code], url);
  }
});

test.run();
