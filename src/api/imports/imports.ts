// POST /api/imports: the finance department's file, uploaded with a `finance` token, imported by the same
// code as `opendimos import` and answered with the same report: 201 imported, 200 nothing new or a dry run,
// 422 rejected (the report, with the OD_IMPORT_REJECTED error beside it).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { EventStore } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { ImportReport } from '../../ingest/importFile.ts';
import { importFile } from '../../ingest/importFile.ts';
import { principalOf, requireRole, roleNeeded } from '../shared/auth/requireRole.ts';
import { ROLES } from '../shared/auth/tokens.ts';
import { departmentOf } from '../../ingest/kinds.ts';
import type { PersonalData } from '../../ingest/personalData.ts';
import type { components } from '../openapi.d.ts';
import { ApiError } from '../shared/errors.ts';
import { readUpload } from './importUpload.ts';
import type { OpenApiDocument } from '../shared/rest/openApiDocument.ts';
import { fastifyPath } from '../shared/rest/openApiDocument.ts';

export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1_048_576;

export interface ImportsOptions {
  readonly store: EventStore;
  /** Where the tokens are (the read models' database). */
  readonly db: SqlExecutor;
  readonly schema: string;
  readonly document: OpenApiDocument;
  readonly maxFileBytes?: number;
  /** The keyring and subjects, for kinds of personal data (debt rolls); refused without them. */
  readonly personal?: PersonalData;
}

type ReportBody = components['schemas']['ImportReport'];

const STATUS: Readonly<Record<ImportReport['outcome'], number>> = { imported: 201, partial: 201, nothing_new: 200, dry_run: 200, rejected: 422 };

export const importsRoutes: FastifyPluginAsync<ImportsOptions> = async (app, { store, db, schema, document, maxFileBytes = DEFAULT_MAX_IMPORT_BYTES, personal }) => {
  await app.register(multipart, { throwFileSizeLimit: true });
  const path = '/api/imports';
  const optionsSchema = document.componentSchema('ImportOptions');
  app.post(fastifyPath(path), { schema: document.routeSchema('post', path), preHandler: requireRole({ db, schema }, ROLES) }, async (request, reply) => {
    const actor = `token:${principalOf(request).name}`;
    const upload = await readUpload(request, optionsSchema, maxFileBytes);
    const { kind = 'transactions', skipInvalid, dryRun } = upload.options;
    // Each department imports its own exports: the accounting's with a finance token, the rolls with a revenue one.
    const department = departmentOf(kind);
    if (principalOf(request).role !== department) {
      // The file's part is read to its end so the answer is not left waiting on the rest of the body.
      for await (const _chunk of upload.body);
      throw roleNeeded(department);
    }
    const report: ReportBody = await importFile(store, upload.body, { kind, skipInvalid, dryRun, fileName: upload.fileName, actor, database: { client: db, schema }, ...(personal ? { personal } : {}) });
    reply.code(STATUS[report.outcome]);
    return report.outcome === 'rejected' ? { ...report, ...new ApiError('OD_IMPORT_REJECTED').body } : report;
  });
};
