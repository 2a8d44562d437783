// GET /metrics: projection lag in events and seconds (positive while events wait, 0 once applied), the
// ledger's events, imports by outcome and live clients, in the Prometheus text format.
import { Readable } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { importFile } from '../../src/ingest/importFile.ts';
import { allProjections } from '../../src/contexts.ts';
import type { RestApp } from './restFixture.ts';
import { csvFile, openRestApp, smallYearCsv } from './restFixture.ts';

const test = suite<{ rest: RestApp }>('REST: metrics');

test.before(async (context) => {
  context.rest = await openRestApp();
});
test.after(async ({ rest }) => rest.close());

/** Sample values by series, e.g. `opendimos_projection_lag_events{projection="budget"}`. */
const scrape = async (rest: RestApp): Promise<Map<string, number>> => {
  const response = await rest.app.inject({ method: 'GET', url: '/metrics' });
  assert.is(response.statusCode, 200);
  assert.is(response.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
  const lines = response.body.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  return new Map(lines.map((line) => [line.slice(0, line.lastIndexOf(' ')), Number(line.slice(line.lastIndexOf(' ') + 1))]));
};

const series = (name: string, projection: string) => `${name}{projection="${projection}"}`;

test('lag is > 0 in events and seconds while events wait, and 0 once the projections have caught up', async ({ rest }) => {
  const { store } = rest.ledger;
  const write = (file: Buffer, name: string) => importFile(store, Readable.from([file]), { kind: 'transactions', fileName: name, actor: 'test' });
  assert.is((await write(smallYearCsv(), 'a.csv')).outcome, 'imported');
  assert.is((await write(csvFile(['01/02/2025;budget;abc;1,00;Π-9;;;;;;Τ;']), 'b.csv')).outcome, 'rejected');
  await new Promise((resolve) => setTimeout(resolve, 30));
  const head = await store.headPosition();

  const behind = await scrape(rest);
  assert.is(behind.get('opendimos_ledger_head_position'), head);
  assert.is(behind.get('opendimos_ledger_events_total'), head);
  for (const { name } of allProjections) {
    assert.is(behind.get(series('opendimos_projection_lag_events', name)), head, name);
    assert.ok(behind.get(series('opendimos_projection_lag_seconds', name))! >= 0.03, name);
  }
  assert.is(behind.get('opendimos_imports_total{outcome="imported"}'), 0, 'the import log is a read model too');

  await rest.catchUp();
  const caughtUp = await scrape(rest);
  for (const { name } of allProjections) {
    assert.equal([caughtUp.get(series('opendimos_projection_lag_events', name)), caughtUp.get(series('opendimos_projection_lag_seconds', name)), caughtUp.get(series('opendimos_projection_checkpoint', name))], [0, 0, head], name);
  }
  assert.equal(
    ['imported', 'nothing_new', 'partial', 'rejected'].map((outcome) => caughtUp.get(`opendimos_imports_total{outcome="${outcome}"}`)),
    [1, 0, 0, 1],
  );
  assert.is(caughtUp.get('opendimos_live_clients'), 7);
  assert.ok(caughtUp.get('process_resident_memory_bytes')! > 0);
});

test.run();
