// A running app with the citizen's account: a fresh schema, the keyring, the TaxisNet stand-in (mounted in
// the app, as `npm start` does) or another login, projections up to date, and a cookie jar for inject.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../../src/api/app.ts';
import type { DebtsPayments } from '../../../src/api/debts/index.ts';
import { debtsErasureObstacle } from '../../../src/api/debts/index.ts';
import type { CitizenServices } from '../../../src/api/identity/index.ts';
import { endSessionsOf } from '../../../src/api/shared/sessions/index.ts';
import { citizenLogin, STAND_IN_PREFIX } from '../../../src/cli/citizenLogin.ts';
import type { TaxisNetConfig } from '../../../src/cli/config.ts';
import type { Applying } from '../../../src/contexts.ts';
import { townHall } from '../../../src/contexts.ts';
import { ledgerEventSchemas } from '../../../src/domain/index.ts';
import type { Keyring } from '../../../src/eventstore/keyring.ts';
import { openKeyring } from '../../../src/eventstore/keyring.ts';
import type { EventStore } from '../../../src/eventstore/port.ts';
import { openSqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import type { ProjectionRunner } from '../../../src/projections/shared/runner.ts';
import { startChangeFeed } from '../../../src/projections/shared/changeFeed.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import type { TestSchema } from '../../support/database.ts';
import { createTestSchema } from '../../support/database.ts';

export const PUBLIC_URL = 'http://localhost:8080';

export interface CitizenSite {
  readonly app: FastifyInstance;
  readonly store: EventStore;
  readonly keyring: Keyring;
  readonly db: TestSchema;
  readonly runner: ProjectionRunner;
  readonly services: CitizenServices;
  readonly close: () => Promise<void>;
}

/** `paying`: the debts context's card provider, RF letters and account, as serveCommand hands them (default: none, RF only). */
/** `applying`: the applications' catalogue and signer (test/api/applications/applicationsSite.ts makes them). */
export const startCitizenSite = async (options: { taxisNet?: TaxisNetConfig; publicUrl?: string; paying?: DebtsPayments; applying?: Applying; now?: () => Date } = {}): Promise<CitizenSite> => {
  const publicUrl = options.publicUrl ?? PUBLIC_URL;
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  const keyring = await openKeyring(db.client, db.schema, randomBytes(32));
  const taxisNet = citizenLogin(options.taxisNet ?? { mode: 'stand-in' }, publicUrl);
  const services: CitizenServices = {
    store,
    client: db.client,
    schema: db.schema,
    keyring,
    publicUrl,
    login: taxisNet.login,
    standIn: taxisNet.standIn,
    // As serveCommand wires it: unpaid debts keep an account from erasure.
    erasureObstacles: [debtsErasureObstacle({ client: db.client, schema: db.schema })],
    onErased: [(subjectId) => endSessionsOf(db.client, db.schema, { kind: 'citizen', subjectId })],
    ...(options.now ? { now: options.now } : {}),
  };
  const hall = townHall(services, options.paying, undefined, options.applying);
  const runner = await startProjections({ client: db.client, store, schema: db.schema, projections: hall.projections, onError: (e) => console.error(e) });
  await runner.caughtUp;
  const changes = await startChangeFeed(db.client, db.schema);
  const app = await buildApp({
    api: hall.api,
    web: hall.web,
    store,
    client: db.client,
    schema: db.schema,
    changes,
    runner,
    devBanner: taxisNet.standIn,
    settings: { logger: process.env.OD_TEST_LOG === '1', rateLimitPerMinute: 0, publicUrl, formActions: taxisNet.formActions, csrfExempt: taxisNet.standIn ? [`${STAND_IN_PREFIX}/`] : [] },
  });
  await taxisNet.mount(app);
  await app.ready();
  return {
    app,
    store,
    keyring,
    db,
    runner,
    services,
    async close() {
      await app.close();
      await changes.close();
      await runner.stop();
      await store.close();
      await db.drop();
    },
  };
};

/** A browser's cookies for inject: what Set-Cookie gives, sent back on every request. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const target = new URL(url, PUBLIC_URL);
    const answer = await this.app.inject({
      method,
      url: `${target.pathname}${target.search}`,
      headers: { ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
      payload: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of answer.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return answer;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, form: Record<string, string>, headers?: Record<string, string>) => this.request('POST', url, form, headers);
}

const hidden = (page: string): Record<string, string> =>
  Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));

/** Logs in through the stand-in as the person with this ΑΦΜ, the way a browser does; the callback's answer and address. */
export const logInWithCallback = async (browser: Browser, taxid: string, next = '/my/'): Promise<{ answer: LightMyRequestResponse; callback: string }> => {
  const start = await browser.get(`/auth/taxisnet?next=${encodeURIComponent(next)}`);
  if (start.statusCode !== 302) throw new Error(`login start answered ${start.statusCode}: ${start.body.slice(0, 300)}`);
  const authorize = await browser.get(start.headers.location as string);
  const fields = hidden(authorize.body);
  const query = Object.fromEntries(new URL(start.headers.location as string).searchParams);
  const chosen = await browser.post(new URL(start.headers.location as string).pathname, { ...query, ...fields, taxid });
  if (chosen.statusCode !== 303 && chosen.statusCode !== 302) throw new Error(`stand-in answered ${chosen.statusCode}: ${chosen.body.slice(0, 300)}`);
  const callback = chosen.headers.location as string;
  return { answer: await browser.get(callback), callback };
};

export const logInAs = async (browser: Browser, taxid: string, next = '/my/'): Promise<LightMyRequestResponse> => (await logInWithCallback(browser, taxid, next)).answer;

/** The session's CSRF token, as the site's forms carry it. */
export const csrfOf = (page: string): string => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
