// A test installation of the verifiable log: a ledger with the log's projection running, its API routes in a
// fastify app, a signing key and a publisher that publishes when told (no timer in the way of the test).
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { LogPublisher, LogServices } from '../../../src/api/log/index.ts';
import { logApi, newLogKey, signerFromPrivateKey, startLogPublisher } from '../../../src/api/log/index.ts';
import { restPlugin } from '../../../src/api/shared/rest/restPlugin.ts';
import { securityPlugin } from '../../../src/api/shared/security.ts';
import { ledgerNames } from '../../../src/eventstore/sql/ledgerSchema.ts';
import type { WitnessAddress } from '../../../src/integrations/witnesses/index.ts';
import { logProjection, logTables } from '../../../src/projections/log/index.ts';
import type { ProjectionRunner } from '../../../src/projections/shared/runner.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import { settled } from '../../support/identity.ts';
import type { TestLedger } from '../../support/ledger.ts';
import { openTestLedger } from '../../support/ledger.ts';

export const ORIGIN = 'opendimos.lixouri.test/ledger';

export interface LogApp {
  readonly ledger: TestLedger;
  readonly app: FastifyInstance;
  readonly services: LogServices;
  readonly publisher: LogPublisher;
  /** Appends n public events (supplier renames) and one personal event, and waits for the tree to have them. */
  readonly append: (n: number) => Promise<void>;
  readonly close: () => Promise<void>;
}

let appended = 0;

export const openLogApp = async (options: { witnesses?: readonly WitnessAddress[]; key?: string } = {}): Promise<LogApp> => {
  const ledger = await openTestLedger();
  const services: LogServices = {
    client: ledger.client,
    schema: ledger.schema,
    tables: logTables(ledger.schema, ledgerNames(ledger.schema).events),
    signer: signerFromPrivateKey(options.key ?? newLogKey(ORIGIN)),
    origin: ORIGIN,
    witnesses: options.witnesses ?? [],
  };
  const runner: ProjectionRunner = await startProjections({ client: ledger.client, store: ledger.store, schema: ledger.schema, projections: [logProjection(services.tables.events)] });
  await runner.caughtUp;
  const publisher = startLogPublisher(services, { intervalMs: 3_600_000 });
  const app = Fastify();
  await app.register(securityPlugin, { rateLimitPerMinute: 0 });
  await app.register(restPlugin, { contexts: [logApi(services)], store: ledger.store, client: ledger.client, schema: ledger.schema });
  await app.ready();
  return {
    ledger,
    app,
    services,
    publisher,
    async append(n) {
      for (let i = 0; i < n; i += 50) {
        const events = Array.from({ length: Math.min(50, n - i) }, () => ({ type: 'SupplierRenamed', data: { afm: '094014201', name: `ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ ${++appended} Α.Ε.` } }));
        await ledger.store.appendMany([{ stream: 'supplier-094014201', events }]);
      }
      await ledger.store.appendMany([{ stream: `citizen-${appended}`, events: [{ type: 'CitizenRegistered', data: { subjectId: `s${appended}`, kind: 'person', sealed: 'ΠΑΠΑΔΟΠΟΥΛΟΣ' } }] }]);
      await settled(ledger.store, runner);
    },
    async close() {
      await publisher.stop();
      await runner.stop();
      await app.close();
      await ledger.dispose();
    },
  };
};
