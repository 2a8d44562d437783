// The GraphQL examples a reader copies, from README.md and from the open-data page, asked of the fixture
// year (what `npm start` serves): each one answers without errors, and with data, not an empty page.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse, print } from 'graphql';
import { Kind, OperationTypeNode } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCouncilFixtures } from '../../src/cli/councilFixtures.ts';
import { FIXTURE_FILES } from '../../src/cli/fixtures.ts';
import { graphqlExamples } from '../../src/web/shared/pages/openDataExamples.ts';
import { eventually } from '../support/server.ts';
import type { TestSite } from './support/siteApp.ts';
import { startTestSite } from './support/siteApp.ts';

const FIXTURE_YEAR = 2025;

const examples = suite<{ site: TestSite }>('GraphQL examples on the fixture year');
examples.before(async (context) => {
  context.site = await startTestSite({
    files: FIXTURE_FILES.map((f) => ({ kind: f.kind, fileName: basename(f.path), content: () => createReadStream(f.path) })),
    // The council's fixtures too, as npm start loads them: README asks for its upcoming sessions.
    seed: async (store) => {
      await loadCouncilFixtures(store, new Date());
    },
  });
});
examples.after(async ({ site }) => site.close());

/** The queries of README.md's graphql blocks, one operation each (subscriptions are checked elsewhere). */
const readmeQueries = async (): Promise<string[]> => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap(([, block]) =>
    parse(block!)
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.QUERY)
      .map((d) => print(d)),
  );
};

/** Where an answer is empty: a null field at the top, a connection without edges, an empty list of lines. */
const emptyPlaces = (value: unknown, path: string, top = true): string[] => {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.length === 0 ? [path] : [];
  if (typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    // Below the top, a null may be the data itself (a movement without a counterparty).
    !top && inner === null ? [] : key === 'pageInfo' ? [] : emptyPlaces(inner, `${path}.${key}`, false),
  );
};

const ask = async (site: TestSite, query: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> => {
  const response = await site.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
  return response.json();
};

examples('every query of README.md answers with data', async ({ site }) => {
  const queries = await readmeQueries();
  assert.ok(queries.length >= 3, `README's queries: ${queries.length}`);
  const problems: string[] = [];
  for (const query of queries) {
    const answer = await ask(site, query);
    if (answer.errors) problems.push(`${query}: ${JSON.stringify(answer.errors)}`);
    else problems.push(...emptyPlaces(answer.data, 'data').map((place) => `${query}: ${place} is empty`));
  }
  assert.equal(problems, []);
});

examples('every query of the open-data page answers with data', async ({ site }) => {
  const problems: string[] = [];
  for (const example of graphqlExamples(FIXTURE_YEAR).filter((e) => !e.query.startsWith('subscription'))) {
    const answer = await ask(site, example.query);
    if (answer.errors) problems.push(`${example.id}: ${JSON.stringify(answer.errors)}`);
    else problems.push(...emptyPlaces(answer.data, 'data').map((place) => `${example.id}: ${place} is empty`));
  }
  assert.equal(problems, []);
});

const linksOf = (body: string): string[] => [...body.matchAll(/href="(\/api\/exports\/transactions\.csv[^"]*)"/g)].map(([, href]) => href!.replaceAll('&amp;', '&'));

examples('the open-data page links CSV for spreadsheets and for programs, and says which keeps the values as they are', async ({ site }) => {
  const HEADER = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία';
  await site.importText({ kind: 'transactions', fileName: 'discount.csv', content: `${HEADER}\n30/12/2025;δέσμευση;30-6262;10,00;ΑΑΥ-ΤΕΣΤ-1;;096669110;ΠΕΡΙΒΑΛΛΟΝΤΙΚΗ ΙΟΝΙΟΥ Ε.Π.Ε.;όχι;;;-10% έκπτωση\n` });
  const greek = (await site.app.inject({ url: '/open-data' })).body;
  const english = (await site.app.inject({ url: '/en/open-data' })).body;
  assert.match(greek, 'Για προγράμματα προσθέστε dialect=rfc4180');
  assert.match(english, 'For programs add dialect=rfc4180');
  for (const body of [greek, english]) assert.equal(linksOf(body), [`/api/exports/transactions.csv?year=${FIXTURE_YEAR}&orderBy=DATE_ASC`, `/api/exports/transactions.csv?year=${FIXTURE_YEAR}&orderBy=DATE_ASC&dialect=rfc4180`]);

  const [forSpreadsheets, forPrograms] = linksOf(greek);
  const lineOf = async (url: string) => {
    let line: string | undefined;
    await eventually('the new movement is exported', async () => (line = (await site.app.inject({ url })).body.split('\r\n').find((l) => l.includes('ΑΑΥ-ΤΕΣΤ-1'))) !== undefined);
    return line!;
  };
  assert.match(await lineOf(forSpreadsheets!), ";'-10% έκπτωση", 'a spreadsheet would run it as a formula');
  const raw = await lineOf(forPrograms!);
  assert.match(raw, ',-10% έκπτωση');
  assert.not.match(raw, "'-10%");
});

examples.run();
