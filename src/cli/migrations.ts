// Every migration of the installation, run from here once at start-up (serve, and every command that opens
// the database itself), before any part of the program opens its tables: the event store's (when events
// are kept in SQL), the read models' bookkeeping, the access tokens', the personal-data keyring, the
// identity context's own tables, the sessions, the debts', the verifiable log's checkpoints, the applications' files, the site's reports waiting and their photos, the council's documents. Each released migration is frozen
// (src/eventstore/sql/migrate.ts checks its checksum); a change to the schema is a new version.
import { applicationsMigrations } from '../api/applications/index.ts';
import { councilDocumentMigrations } from '../api/council/index.ts';
import { debtsMigrations } from '../api/debts/index.ts';
import { einvoicesMigrations } from '../api/suppliers/index.ts';
import { threadFilesMigrations } from '../api/supplierThreads/index.ts';
import { identityMigrations } from '../api/identity/index.ts';
import { logMigrations } from '../api/log/index.ts';
import { requestReportMigrations, requestsMigrations } from '../api/requests/index.ts';
import { tokenMigrations } from '../api/shared/auth/tokenTable.ts';
import { sessionMigrations } from '../api/shared/sessions/index.ts';
import { staffMigrations } from '../api/shared/staff/index.ts';
import { keyringMigrations } from '../eventstore/keyring.ts';
import type { SqlClient } from '../eventstore/sql/client.ts';
import { ledgerMigrations } from '../eventstore/sql/ledgerSchema.ts';
import type { MigrationSet } from '../eventstore/sql/migrate.ts';
import { runMigrationSets } from '../eventstore/sql/migrate.ts';
import { readModelMigrations } from '../projections/shared/registry.ts';
import { notifyMigrations } from '../notify/index.ts';

export interface MigrationOptions {
  /** Events live in this database (PostgreSQL or PGlite), not in EventStoreDB. */
  readonly eventsInSql: boolean;
}

export const migrationSets = (schema: string, { eventsInSql }: MigrationOptions): MigrationSet[] => [
  ...(eventsInSql ? [{ component: 'eventstore', migrations: ledgerMigrations(schema) }] : []),
  { component: 'readmodels', migrations: readModelMigrations },
  { component: 'auth', migrations: tokenMigrations },
  { component: 'notify', migrations: notifyMigrations },
  { component: 'keyring', migrations: keyringMigrations },
  { component: 'identity', migrations: identityMigrations },
  { component: 'sessions', migrations: sessionMigrations },
  { component: 'staff', migrations: staffMigrations },
  { component: 'debts', migrations: debtsMigrations },
  { component: 'log', migrations: logMigrations },
  { component: 'applications', migrations: applicationsMigrations },
  { component: 'requests', migrations: requestsMigrations },
  { component: 'request-reports', migrations: requestReportMigrations },
  { component: 'einvoices', migrations: einvoicesMigrations },
  { component: 'supplier-threads', migrations: threadFilesMigrations },
  { component: 'council-documents', migrations: councilDocumentMigrations },
];

export const migrateDatabase = (client: SqlClient, schema: string, options: MigrationOptions = { eventsInSql: true }): Promise<void> =>
  runMigrationSets(client, schema, migrationSets(schema, options));
