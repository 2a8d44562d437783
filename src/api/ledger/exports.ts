// GET /api/exports/transactions.csv|.json: every transaction of a filter (GraphQL's TransactionFilter),
// streamed page by page as the read model gives them. Natural persons are already «φυσικό πρόσωπο» with no
// ΑΦΜ in the read model; the export adds nothing to that.
import type { FastifyPluginAsync } from 'fastify';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { TransactionFilter } from '../../projections/ledger/index.ts';
import type { TransactionView } from '../../projections/ledger/index.ts';
import type { components, operations } from '../openapi.d.ts';
import { CSV_DIALECTS, csvHeader, csvLines } from '../shared/rest/csv.ts';
import { pagedBody, sendDownload } from '../shared/rest/downloads.ts';
import type { OpenApiDocument } from '../shared/rest/openApiDocument.ts';
import { fastifyPath } from '../shared/rest/openApiDocument.ts';
import { openTransactionPages } from './transactionPages.ts';
import { transactionColumns } from './transactionColumns.ts';

type CsvQuery = NonNullable<operations['exportTransactionsCsv']['parameters']['query']>;
type JsonQuery = NonNullable<operations['exportTransactionsJson']['parameters']['query']>;
/** The read model's view is the documented Transaction: the compiler holds them together. */
const documented = (t: TransactionView): components['schemas']['Transaction'] => t;

export interface ExportsOptions {
  readonly db: SqlExecutor;
  readonly schema: string;
  readonly document: OpenApiDocument;
  readonly pageSize?: number;
}

const filterOf = (query: JsonQuery): TransactionFilter => ({
  year: query.year,
  type: query.type,
  kae: query.kae,
  afm: query.afm,
  search: query.search,
  from: query.from,
  to: query.to,
});

/** "opendimos-transactions-2025-payment.csv": the filter, in the characters every file system accepts. */
const fileName = (filter: TransactionFilter, extension: string): string => {
  const parts = [filter.year, filter.type?.toLowerCase(), filter.kae, filter.afm, filter.from, filter.to].filter((p) => p !== undefined && p !== null);
  return `${['opendimos-transactions', ...parts].join('-').replace(/[^A-Za-z0-9.-]/g, '_')}.${extension}`;
};

export const exportsRoutes: FastifyPluginAsync<ExportsOptions> = async (app, { db, schema, document, pageSize }) => {
  const csvPath = '/api/exports/transactions.csv';
  app.get<{ Querystring: CsvQuery }>(fastifyPath(csvPath), { schema: document.routeSchema('get', csvPath) }, async (request, reply) => {
    const filter = filterOf(request.query);
    const dialect = CSV_DIALECTS[request.query.dialect ?? 'excel'];
    const pages = await openTransactionPages(db, schema, filter, pageSize, request.query.orderBy);
    const body = pagedBody(csvHeader(transactionColumns, dialect), pages, (page) => csvLines(transactionColumns, page, dialect), '');
    return sendDownload(request, reply, 'text/csv; charset=utf-8', fileName(filter, 'csv'), body);
  });

  const jsonPath = '/api/exports/transactions.json';
  app.get<{ Querystring: JsonQuery }>(fastifyPath(jsonPath), { schema: document.routeSchema('get', jsonPath) }, async (request, reply) => {
    const filter = filterOf(request.query);
    const pages = await openTransactionPages(db, schema, filter, pageSize, request.query.orderBy);
    const render = (page: readonly TransactionView[], first: boolean) => (first ? '' : ',\n') + page.map((t) => JSON.stringify(documented(t))).join(',\n');
    return sendDownload(request, reply, 'application/json; charset=utf-8', fileName(filter, 'json'), pagedBody('[\n', pages, render, '\n]\n'));
  });
};
