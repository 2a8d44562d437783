// The app the browser tests drive: the fixture year when its files are there (else the small generated
// year), projections and the change feed running, listening on a free port. What buildApp does not
// register yet (the REST API, the security headers) is added here from its own modules, so the tests
// exercise the real imports, exports and Content Security Policy.
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createToken } from '../../../src/api/auth/tokens.ts';
import { restPlugin } from '../../../src/api/rest/restPlugin.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/api/security.ts';
import { FIXTURE_FILES } from '../../../src/cli/fixtures.ts';
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
  readonly notes: readonly string[];
  readonly close: () => Promise<void>;
}

const cspHeader = Object.entries(CONTENT_SECURITY_POLICY)
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
  .join('; ');

const fixtureFiles = (): SiteFile[] | null =>
  FIXTURE_FILES.every((f) => existsSync(f.path))
    ? FIXTURE_FILES.map((f) => ({ kind: f.kind, fileName: basename(f.path), content: () => createReadStream(f.path) }))
    : null;

export const startServer = async (): Promise<E2eServer> => {
  const notes: string[] = [];
  const fixtures = fixtureFiles();
  const files = fixtures ?? [
    { kind: 'transactions' as const, fileName: 'small-year.csv', content: smallYearTransactions() },
    { kind: 'assets' as const, fileName: 'small-assets.csv', content: smallYearAssets() },
  ];
  const site = await startTestSite({
    files,
    prepare: async (app: FastifyInstance, { store, db }) => {
      if (!app.hasRoute({ method: 'POST', url: '/api/imports' })) {
        notes.push('buildApp has no REST API yet: the test registers restPlugin itself');
        await app.register(restPlugin, { store, client: db.client, schema: db.schema });
      }
      if (!app.hasPlugin('opendimos-security')) {
        notes.push('buildApp has no security plugin yet: the test sends its Content Security Policy on every response');
        app.addHook('onSend', async (_request, reply) => {
          if (!reply.hasHeader('content-security-policy')) void reply.header('content-security-policy', cspHeader);
        });
      }
    },
  });
  const address = await site.app.listen({ port: 0, host: '127.0.0.1' });
  const { token } = await createToken(site.db.client, site.db.schema, { role: 'finance', name: 'browser tests' });
  return {
    site,
    baseUrl: address,
    data: fixtures ? 'fixture year' : 'small generated year',
    financeToken: token,
    notes,
    close: () => site.close(),
  };
};
