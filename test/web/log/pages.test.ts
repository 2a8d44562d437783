// The log's pages (issue 16 items 5 and 7): «Πώς να ελέγξετε τα βιβλία μας» / "Verify our books" before and
// after the first checkpoint, the «Επαλήθευση» link beside each movement and its page, Transaction.logIndex;
// and none of it where the log is off.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LogPublisher, LogServices } from '../../../src/api/log/index.ts';
import { newLogKey, signerFromPrivateKey, startLogPublisher } from '../../../src/api/log/index.ts';
import { logContext } from '../../../src/contexts.ts';
import { parseCheckpoint, parseNote } from '../../../src/domain/log/index.ts';
import { ledgerNames } from '../../../src/eventstore/sql/ledgerSchema.ts';
import { leafOfPosition, logTables } from '../../../src/projections/log/index.ts';
import { escapeHtml } from '../../../src/web/shared/html.ts';
import { VERIFY_PY } from '../../../src/web/log/index.ts';
import type { WitnessDouble } from '../../support/doubles/witness/index.ts';
import { startWitnessDouble } from '../../support/doubles/witness/index.ts';
import { htmlProblems, visibleText } from '../support/htmlChecks.ts';
import type { TestSite } from '../support/siteApp.ts';
import { startTestSite } from '../support/siteApp.ts';
import { smallYearFiles } from '../support/smallYear.ts';

const ORIGIN = 'opendimos.lixouri.test/ledger';

interface Context {
  site: TestSite;
  log: LogServices;
  publisher: LogPublisher;
  witness: WitnessDouble;
}

const pages = suite<Context>('log: the verify pages');

pages.before(async (context) => {
  const witness = (context.witness = await startWitnessDouble('witness.example/lixouri'));
  context.site = await startTestSite({
    files: smallYearFiles(),
    contexts: (db) => {
      context.log = {
        client: db.client,
        schema: db.schema,
        tables: logTables(db.schema, ledgerNames(db.schema).events),
        signer: signerFromPrivateKey(newLogKey(ORIGIN)),
        origin: ORIGIN,
        witnesses: [{ url: witness.url, verifierKey: witness.vkey }],
      };
      witness.trust(ORIGIN, context.log.signer.verifierKey);
      return [logContext(context.log)];
    },
  });
  context.publisher = startLogPublisher(context.log, { intervalMs: 3_600_000 });
});
pages.after(async ({ site, publisher, witness }) => {
  await publisher.stop();
  await site.close();
  await witness.close();
});

const get = (site: TestSite, url: string) => site.app.inject({ url });
const positionsOn = (body: string, prefix = '') => [...body.matchAll(new RegExp(`href="${prefix}/verify/movement/(\\d+)"`, 'g'))].map((m) => Number(m[1]));

const assertPage = (body: string, lang: 'el' | 'en', url: string) => {
  assert.equal(htmlProblems(body), [], url);
  assert.ok(body.includes(`<html lang="${lang}">`), `${url} says its language`);
};

// First, before the publisher has signed anything: the pages say so plainly.
pages('before the first checkpoint: /verify says none is published yet, a movement says it is not yet in one', async ({ site, log }) => {
  const el = await get(site, '/verify');
  assert.is(el.statusCode, 200);
  assertPage(el.body, 'el', '/verify');
  assert.match(visibleText(el.body), 'Πώς να ελέγξετε τα βιβλία μας');
  assert.match(visibleText(el.body), 'Δεν έχει δημοσιευτεί ακόμη σημείο ελέγχου');
  assert.match(visibleText(el.body), 'δεν έχει ακόμη συνυπογραφή μάρτυρα');
  assert.ok(el.body.includes(escapeHtml(log.signer.verifierKey)), 'the key is shown before any checkpoint');
  const en = await get(site, '/en/verify');
  assertPage(en.body, 'en', '/en/verify');
  assert.match(visibleText(en.body), 'Verify our books');
  assert.match(visibleText(en.body), 'No checkpoint has been published yet');

  const [position] = positionsOn((await get(site, '/movements')).body);
  const movement = await get(site, `/verify/movement/${position}`);
  assert.is(movement.statusCode, 200);
  assertPage(movement.body, 'el', 'movement');
  assert.match(visibleText(movement.body), 'δεν έχει δημοσιευτεί ακόμη σημείο ελέγχου');
  assert.not.ok(movement.body.includes('/api/log/inclusion'), 'no proof to link to yet');
});

pages('the latest checkpoint as signed and cosigned, the keys, the steps, the entry format and the Python check, in both languages', async ({ site, log, publisher, witness }) => {
  const before = Math.floor(Date.now() / 1000);
  const checkpoint = (await publisher.publishNow())!;
  assert.ok(checkpoint.size > 0);
  assert.is(witness.state.get(ORIGIN)?.size, checkpoint.size, 'the witness cosigned it');
  const served = (await get(site, '/log/checkpoint')).body;
  for (const [url, lang] of [['/verify', 'el'], ['/en/verify', 'en']] as const) {
    const { body, statusCode } = await get(site, url);
    assert.is(statusCode, 200);
    assertPage(body, lang, url);
    assert.ok(body.includes(`data-tree-size="${checkpoint.size}"`), `${url}: the size`);
    assert.ok(body.includes(Buffer.from(parseCheckpoint(parseNote(served).text).root).toString('base64')), `${url}: the root`);
    assert.ok(body.includes(`<code>${escapeHtml(served)}</code></pre>`), `${url}: the note itself, as /log/checkpoint serves it`);
    assert.ok(body.includes(escapeHtml(log.signer.verifierKey)), `${url}: the verifier key`);
    assert.ok(body.includes('node tools/verify-log.mjs http://localhost:8080/log/'), `${url}: the tool, run on the public URL`);
    assert.ok(body.includes('--state state.json'));
    assert.ok(body.includes(`<code>${escapeHtml(VERIFY_PY)}</code>`), `${url}: the Python, as the tests run it`);
    for (const field of ['position', 'id', 'stream', 'revision', 'type', 'schemaVersion', 'data', 'recordedAt', 'hash']) assert.ok(body.includes(`<code>${field}</code>`), field);
    assert.ok(body.includes('SHA-256(0x00 ‖'));
    assert.ok(body.includes('/log/tile/'));
    const cosigned = /<tr><th scope="row">witness\.example\/lixouri<\/th><td><code>([0-9a-f]{8})<\/code><\/td><td><time datetime="([^"]+)">/.exec(body);
    assert.ok(cosigned, `${url}: the witness's cosignature`);
    assert.is(cosigned[1], witness.vkey.split('+')[1], 'its key ID');
    assert.ok(Date.parse(cosigned[2]!) / 1000 >= before - 1 && Date.parse(cosigned[2]!) <= Date.now(), 'the time it cosigned, from the cosignature');
    assert.ok(body.includes(escapeHtml(`--witness ${witness.vkey}`)), `${url}: the witness's key for the tool`);
  }
  const nav = (await get(site, '/')).body;
  assert.ok(nav.includes('href="/verify"'), 'linked from the finances nav');

  const download = await get(site, '/verify/verify.py');
  assert.is(download.statusCode, 200);
  assert.is(download.body, VERIFY_PY);
  assert.match(String(download.headers['content-disposition']), 'verify.py');
});

pages('each movement links to its verification: its leaf, its entry, the JSON and the offline proof', async ({ site, log, publisher }) => {
  await publisher.publishNow();
  const list = (await get(site, '/movements')).body;
  const positions = positionsOn(list);
  assert.is(positions.length, [...list.matchAll(/<tr role="row" data-position=/g)].length, 'one link a row');
  assert.match(list, /Επαλήθευση<span class="visually-hidden"> της κίνησης /);
  const english = positionsOn((await get(site, '/en/movements')).body, '/en');
  assert.equal(english, positions);

  const position = positions[0]!;
  const leaf = (await leafOfPosition(log.client, log.tables, position))!;
  for (const [url, lang] of [[`/verify/movement/${position}`, 'el'], [`/en/verify/movement/${position}`, 'en']] as const) {
    const { body, statusCode } = await get(site, url);
    assert.is(statusCode, 200, url);
    assertPage(body, lang, url);
    assert.ok(body.includes(`data-leaf-index="${leaf}"`));
    assert.ok(body.includes(`href="/api/log/inclusion?position=${position}"`));
    assert.ok(body.includes(`href="/api/log/proof?position=${position}"`));
    assert.match(visibleText(body), lang === 'el' ? 'Επαλήθευση' : 'Verification');
  }
  const proof = await get(site, `/api/log/inclusion?position=${position}`);
  assert.is(proof.statusCode, 200);
  const inclusion = proof.json<{ leafIndex: number; entry: string }>();
  assert.is(inclusion.leafIndex, leaf);
  const document = (JSON.parse(inclusion.entry) as { data: { document: string } }).data.document;
  assert.ok((await get(site, `/verify/movement/${position}`)).body.includes(`<h1>Επαλήθευση της κίνησης ${escapeHtml(document)}</h1>`), 'named by its document');
  assert.ok((await get(site, `/verify/movement/${position}`)).body.includes(escapeHtml(inclusion.entry)), 'the entry as the books hold it');
  assert.is((await get(site, `/api/log/proof?position=${position}`)).statusCode, 200);

  const missing = await get(site, '/verify/movement/987654321');
  assert.is(missing.statusCode, 404);
  assert.match(visibleText(missing.body), /δεν βρέθηκε|Δεν βρέθηκε|404/);
  assert.is((await get(site, '/verify/movement/abc')).statusCode, 400);
});

pages('Transaction.logIndex: each movement its own leaf (by loader); null once the log no longer holds it', async ({ site, log }) => {
  const query = '{ transactions(first: 20) { edges { node { id position logIndex } } } }';
  const response = await site.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
  const nodes = response.json<{ data: { transactions: { edges: { node: { id: string; position: number; logIndex: number | null } }[] } } }>().data.transactions.edges.map((e) => e.node);
  assert.ok(nodes.length > 1);
  for (const node of nodes) assert.is(node.logIndex, await leafOfPosition(log.client, log.tables, node.position), `movement ${node.position}`);
  assert.is(new Set(nodes.map((n) => n.logIndex)).size, nodes.length, 'each its own leaf');

  const gone = nodes[0]!;
  await log.client.query(`DELETE FROM ${log.tables.leaves} WHERE position = $1`, [gone.position]);
  const one = await site.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ transaction(id: $id) { logIndex } }'.replace('$id', JSON.stringify(gone.id)) } });
  assert.equal(one.json(), { data: { transaction: { logIndex: null } } });
});

pages.run();

const off = suite<{ site: TestSite }>('log: the site without the log');
off.before(async (context) => {
  context.site = await startTestSite({ files: smallYearFiles() });
});
off.after(async ({ site }) => site.close());

off('no verification link beside the movements, no /verify, no logIndex', async ({ site }) => {
  const list = (await get(site, '/movements')).body;
  assert.ok(list.includes('data-position='), 'movements are listed');
  assert.not.ok(list.includes('/verify/movement/'));
  assert.not.ok((await get(site, '/')).body.includes('href="/verify"'));
  assert.is((await get(site, '/verify')).statusCode, 404);
  const response = await site.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ transactions(first: 1) { edges { node { logIndex } } } }' } });
  assert.ok(response.json<{ errors?: unknown[] }>().errors, 'the field is not served without the log');
});

off.run();
