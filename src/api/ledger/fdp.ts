// GET /api/exports/fdp/{year}/datapackage.json and …/transactions.csv: a year's Fiscal Data Package as two
// files, the descriptor pointing at the CSV beside it. The CSV streams like the other exports.
import type { FastifyPluginAsync } from 'fastify';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { budgetLines } from '../../projections/ledger/index.ts';
import { table } from '../../projections/shared/tables.ts';
import { TRANSACTIONS } from '../../projections/ledger/index.ts';
import type { operations } from '../openapi.d.ts';
import { CSV_DIALECTS, csvHeader, csvLines } from '../shared/rest/csv.ts';
import { pagedBody, sendDownload } from '../shared/rest/downloads.ts';
import { ApiError } from '../shared/errors.ts';
import { FDP_CSV, fiscalDataPackage } from './fdpDescriptor.ts';
import { fdpColumns, toFdpRow } from './fdpRows.ts';
import type { OpenApiDocument } from '../shared/rest/openApiDocument.ts';
import { fastifyPath } from '../shared/rest/openApiDocument.ts';
import { openTransactionPages } from './transactionPages.ts';

type YearParams = operations['getFiscalDataPackage']['parameters']['path'];

export interface FdpOptions {
  readonly db: SqlExecutor;
  readonly schema: string;
  readonly document: OpenApiDocument;
  readonly pageSize?: number;
}

const requireYear = async (db: SqlExecutor, schema: string, year: number): Promise<void> => {
  const [row] = await db.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table(schema, TRANSACTIONS)} WHERE year = $1) AS found`, [year]);
  if (!row?.found) throw new ApiError('OD_NOT_FOUND', { el: `δεν υπάρχουν κινήσεις για το έτος ${year}`, en: `there are no movements for ${year}` });
};

export const fdpRoutes: FastifyPluginAsync<FdpOptions> = async (app, { db, schema, document, pageSize }) => {
  const descriptorPath = '/api/exports/fdp/{year}/datapackage.json';
  app.get<{ Params: YearParams }>(fastifyPath(descriptorPath), { schema: document.routeSchema('get', descriptorPath) }, async (request, reply) => {
    await requireYear(db, schema, request.params.year);
    return reply.header('access-control-allow-origin', '*').send(fiscalDataPackage(request.params.year));
  });

  const csvPath = `/api/exports/fdp/{year}/${FDP_CSV}`;
  app.get<{ Params: YearParams }>(fastifyPath(csvPath), { schema: document.routeSchema('get', csvPath) }, async (request, reply) => {
    const { year } = request.params;
    await requireYear(db, schema, year);
    const titles = new Map((await budgetLines(db, schema, year)).map((line) => [line.kae, line.title]));
    const pages = await openTransactionPages(db, schema, { year }, pageSize);
    const dialect = CSV_DIALECTS.rfc4180;
    const body = pagedBody(csvHeader(fdpColumns, dialect), pages, (page) => csvLines(fdpColumns, page.map((t) => toFdpRow(t, titles)), dialect), '');
    return sendDownload(request, reply, 'text/csv; charset=utf-8', `opendimos-fdp-${year}-${FDP_CSV}`, body);
  });
};
