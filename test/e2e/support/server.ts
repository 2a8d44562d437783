// The app the browser tests drive, as buildApp makes it (imports, exports, the live feed and the strict
// Content Security Policy included): the fixture year when its files are there (else the small generated
// year), projections and the change feed running, listening on a free port.
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createToken } from '../../../src/api/shared/auth/tokens.ts';
import { loadCouncilFixtures } from '../../../src/cli/councilFixtures.ts';
import { FIXTURE_FILES } from '../../../src/cli/fixtures.ts';
import type { EventStore } from '../../../src/eventstore/port.ts';
import type { SiteFile, TestSite } from '../../web/support/siteApp.ts';
import { startTestSite } from '../../web/support/siteApp.ts';
import { smallYearAssets, smallYearTransactions } from '../../web/support/smallYear.ts';

export interface E2eServer {
  readonly site: TestSite;
  readonly baseUrl: string;
  /** Which data the site serves, for the report. */
  readonly data: 'fixture year' | 'small generated year';
  /** A bearer token with the finance role, for POST /api/imports. */
  readonly financeToken: string;
  readonly close: () => Promise<void>;
}

const fixtureFiles = (): SiteFile[] | null =>
  FIXTURE_FILES.every((f) => existsSync(f.path))
    ? FIXTURE_FILES.map((f) => ({ kind: f.kind, fileName: basename(f.path), content: () => createReadStream(f.path) }))
    : null;

export const startServer = async (): Promise<E2eServer> => {
  const fixtures = fixtureFiles();
  const files = fixtures ?? [
    { kind: 'transactions' as const, fileName: 'small-year.csv', content: smallYearTransactions() },
    { kind: 'assets' as const, fileName: 'small-assets.csv', content: smallYearAssets() },
  ];
  // Lixouri's council with its sessions, as npm start --with-fixtures shows it, so that the council's pages
  // are visited with something on them.
  const seed = async (store: EventStore) => {
    await loadCouncilFixtures(store, new Date());
  };
  const site = await startTestSite({ files, seed });
  const address = await site.app.listen({ port: 0, host: '127.0.0.1' });
  const { token } = await createToken(site.db.client, site.db.schema, { role: 'finance', name: 'browser tests' });
  return {
    site,
    baseUrl: address,
    data: fixtures ? 'fixture year' : 'small generated year',
    financeToken: token,
    close: () => site.close(),
  };
};
