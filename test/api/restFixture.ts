// A fastify app with the REST, security and metrics plugins on a fresh test ledger, its read models
// prepared; `catchUp` applies whatever the ledger holds. Plus what REST tests build: CSV files, multipart
// bodies, tokens.
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { createToken } from '../../src/api/shared/auth/tokens.ts';
import { metricsPlugin } from '../../src/api/shared/metrics.ts';
import { restPlugin } from '../../src/api/shared/rest/restPlugin.ts';
import { securityPlugin } from '../../src/api/shared/security.ts';
import { afmWithCheckDigit } from '../../src/domain/index.ts';
import { applyBatch } from '../../src/projections/shared/applyBatch.ts';
import { allProjections, apiContexts } from '../../src/contexts.ts';
import { readProjectionRecords } from '../../src/projections/shared/registry.ts';
import { prepareProjections } from '../../src/projections/shared/runner.ts';
import type { TestLedger } from '../support/ledger.ts';
import { openTestLedger } from '../support/ledger.ts';

export interface RestApp {
  readonly ledger: TestLedger;
  readonly app: FastifyInstance;
  /** Applies every event not yet in the read models. */
  readonly catchUp: () => Promise<void>;
  /** A new token of the finance role, as the Authorization header. */
  readonly financeAuthorization: (name?: string) => Promise<string>;
  readonly close: () => Promise<void>;
}

export interface RestAppOptions {
  readonly rateLimitPerMinute?: number;
  readonly exportPageSize?: number;
  readonly maxImportBytes?: number;
}

export const openRestApp = async (options: RestAppOptions = {}): Promise<RestApp> => {
  const ledger = await openTestLedger();
  const { client, store, schema } = ledger;
  await prepareProjections({ client, store, schema, projections: allProjections });
  const app = Fastify();
  await app.register(securityPlugin, { rateLimitPerMinute: options.rateLimitPerMinute ?? 0 });
  await app.register(restPlugin, { contexts: apiContexts, store, client, schema, exportPageSize: options.exportPageSize, maxImportBytes: options.maxImportBytes });
  await app.register(metricsPlugin, { store, client, schema, liveClients: () => 7 });
  await app.ready();
  return {
    ledger,
    app,
    async catchUp() {
      let position = Math.min(...[...(await readProjectionRecords(client, schema)).values()].map((r) => r.position));
      for (let events = await store.readAll({ fromPosition: position, maxCount: 5_000 }); events.length > 0; events = await store.readAll({ fromPosition: position, maxCount: 5_000 })) {
        await applyBatch(client, schema, allProjections, events);
        position = events[events.length - 1]!.position;
      }
    },
    async financeAuthorization(name = 'λογιστήριο') {
      return `Bearer ${(await createToken(client, schema, { role: 'finance', name })).token}`;
    },
    async close() {
      await app.close();
      await ledger.dispose();
    },
  };
};

export const SUPPLIER_AFM = afmWithCheckDigit('09412345');
export const SUPPLIER_NAME = 'ΤΕΧΝΙΚΗ ΠΑΛΙΚΗΣ Α.Ε.';
/** A natural person as the accounting system exports them: name and ΑΦΜ, which must never surface. */
export const PERSON_AFM = afmWithCheckDigit('13572468');
export const PERSON_NAME = 'ΚΟΣΜΕΤΑΤΟΥ ΑΙΚΑΤΕΡΙΝΗ';

const HEADER = 'date;type;kae;amount;document;ref;afm;name;natural_person;ada;title;description';

/** The finance department's export: `;`, decimal comma, dd/mm/yyyy, CRLF. */
export const csvFile = (rows: readonly string[]): Buffer => Buffer.from([HEADER, ...rows].map((r) => `${r}\r\n`).join(''));

/** A small good year: budget, a supplier's commitment-order-payment with a partial reversal, a natural person, revenue. */
export const smallYearCsv = (): Buffer =>
  csvFile([
    '02/01/2025;budget;20-6011;10.000,00;Π-1;;;;;;Τακτικές αποδοχές;',
    '02/01/2025;budget;0311;5.000,00;Π-2;;;;;;Τέλη καθαριότητας;',
    `10/01/2025;commitment;20-6011;1.200,50;Δ-1;;${SUPPLIER_AFM};${SUPPLIER_NAME};;;;προμήθεια υλικών`,
    `11/01/2025;order;20-6011;1.200,50;Ε-1;commitment:Δ-1;${SUPPLIER_AFM};${SUPPLIER_NAME};;;;`,
    `12/01/2025;payment;20-6011;1.200,50;Π-10;order:Ε-1;${SUPPLIER_AFM};${SUPPLIER_NAME};;;;`,
    '16/01/2025;reversal;20-6011;200,50;Α-1;payment:Π-10;;;;;;λάθος ποσό',
    `13/01/2025;commitment;20-6011;300,00;Δ-2;;${PERSON_AFM};${PERSON_NAME};ναι;;;αμοιβή`,
    `14/01/2025;order;20-6011;300,00;Ε-2;commitment:Δ-2;${PERSON_AFM};${PERSON_NAME};ναι;;;`,
    '14/01/2025;assessment;0311;800,00;Β-1;;;;;;;',
    '15/01/2025;receipt;0311;500,00;Ε-100;assessment:Β-1;;;;;;',
  ]);

export type FormPart = { readonly name: string; readonly value: string } | { readonly name: string; readonly filename: string; readonly content: Buffer };

/** A multipart/form-data body with its Content-Type header. */
export const multipartForm = (parts: readonly FormPart[]): { payload: Buffer; headers: Record<string, string> } => {
  const boundary = `----opendimos${randomBytes(8).toString('hex')}`;
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
        ('filename' in part ? `; filename="${part.filename}"\r\nContent-Type: text/csv\r\n\r\n` : '\r\n\r\n'),
    ),
    'content' in part ? part.content : Buffer.from(part.value),
    Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};
