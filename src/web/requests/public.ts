// The public requests' routes: the list and map (/requests, /en/requests) with its CSV (/requests.csv), each
// request's page (/requests/<id>) and the small JSON its page polls (/requests/<id>.json), and the figures
// of accountability (/requests/accountability) with a CSV of each table. Read models only; nothing here
// reads the reporters' streams or read model.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import type { CsvColumn } from '../../api/shared/rest/csv.ts';
import { CSV_DIALECTS, csvHeader, csvLines } from '../../api/shared/rest/csv.ts';
import { pagedBody, sendDownload } from '../../api/shared/rest/downloads.ts';
import type { FiguresOptions } from '../../projections/requests/index.ts';
import { groupFigures, monthlyFigures } from '../../projections/requests/index.ts';
import { allRequests, listRequests } from '../../projections/requests/index.ts';
import { requestById, timelineOf } from '../../projections/requests/index.ts';
import { loadPageOrFirst, pagerStateOf } from '../shared/components/pager.ts';
import { NotFound } from '../shared/page.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { completeGroups, figuresPage, groupCsvColumns, monthCsvColumns, scopeOf } from './figures.ts';
import type { ListQuery } from './publicPages.ts';
import { LIST_PAGE_SIZE, listPage, listQuerySchema, liveStateOf, parseListQuery, REQUEST_ID, requestCsvColumns, requestPage } from './publicPages.ts';
import { publicRequestsText } from './publicMessages.ts';
import type { RequestsWebServices } from './services.ts';

// The id, or the id and «.json»: checked by the handler, so an unknown or malformed id is the 404 page.
const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;
const TABLE_PARAMS = { type: 'object', required: ['table'], properties: { table: { type: 'string', enum: ['months.csv', 'categories.csv', 'departments.csv'] } } } as const;
const OF_QUERY = { type: 'object', properties: { of: { type: 'string', maxLength: 80 } } } as const;

const csvBody = <Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): Readable => {
  const dialect = CSV_DIALECTS.excel;
  return Readable.from([csvHeader(columns, dialect) + csvLines(columns, rows, dialect)]);
};

export const publicRequestsRoutes =
  (services: RequestsWebServices): WebRoutes =>
  async (app, options) => {
    const { client: db, schema, types } = services;
    const now = (): Date => services.now?.() ?? new Date();
    const figuresOptions = (): FiguresOptions => ({ now: now(), departmentOfType: Object.fromEntries(types.map((t) => [t.code, t.department])) });

    const loadOne = async (raw: string) => {
      const id = raw.endsWith('.json') ? raw.slice(0, -'.json'.length) : raw;
      if (!REQUEST_ID.test(id)) throw new NotFound();
      const request = await requestById(db, schema, id);
      if (request === null) throw new NotFound();
      return { request, timeline: await timelineOf(db, schema, id), json: raw.endsWith('.json') };
    };

    registerPages(options, ({ at, visit, page }) => {
      app.get<{ Querystring: ListQuery }>(
        at('/requests'),
        { schema: { querystring: listQuerySchema } },
        page(async (v, request) => {
          const t = publicRequestsText(v.lang);
          const parsed = parseListQuery(request.query, t, services);
          let stale = false;
          const { result, after } = await loadPageOrFirst((cursor) => listRequests(db, schema, parsed.filter, { first: LIST_PAGE_SIZE, after: cursor }), request.query.after || null, () => {
            stale = true;
          });
          const number = after === null ? 1 : Number(request.query.page ?? '1') || 1;
          const total = await result.totalCount();
          const state = pagerStateOf(v, '/requests', parsed.params, { number, size: LIST_PAGE_SIZE, after }, result, total);
          return listPage(v, services, { parsed, rows: result.nodes, total, state, staleCursor: stale, now: now() });
        }),
      );

      app.get<{ Querystring: { of?: string } }>(
        at('/requests/accountability'),
        { schema: { querystring: OF_QUERY } },
        page(async (v, request) => {
          const scope = scopeOf(request.query.of, types);
          const o = figuresOptions();
          const [months, byCategory, byDepartment] = await Promise.all([monthlyFigures(db, schema, scope.scope, o), groupFigures(db, schema, 'category', o), groupFigures(db, schema, 'department', o)]);
          return figuresPage(v, types, { scope, months, byCategory, byDepartment });
        }),
      );

      app.get<{ Params: { id: string } }>(at('/requests/:id'), { schema: { params: ID_PARAMS } }, async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
        const one = await loadOne(request.params.id);
        // What the page's script polls: small, never cached, the same for both languages.
        if (one.json) return reply.header('cache-control', 'no-store').send(liveStateOf(one.request, one.timeline));
        const v = visit(request);
        return options.render(reply, v, requestPage(v, services, services.publicUrl, one.request, one.timeline, now()));
      });
    });

    // The downloads carry Greek and English headers in one row: one address for both languages.
    app.get<{ Querystring: ListQuery }>('/requests.csv', { schema: { querystring: listQuerySchema } }, async (request, reply) => {
      const parsed = parseListQuery(request.query, publicRequestsText('el'), services);
      const columns = requestCsvColumns(types, services.publicUrl);
      const dialect = CSV_DIALECTS.excel;
      const body = pagedBody(csvHeader(columns, dialect), allRequests(db, schema, parsed.filter), (rows) => csvLines(columns, rows, dialect), '');
      return sendDownload(request, reply, 'text/csv; charset=utf-8', 'opendimos-requests.csv', body);
    });

    app.get<{ Params: { table: string }; Querystring: { of?: string } }>(
      '/requests/accountability/:table',
      { schema: { params: TABLE_PARAMS, querystring: OF_QUERY } },
      async (request, reply) => {
        const o = figuresOptions();
        const table = request.params.table.replace(/\.csv$/, '');
        if (table === 'months') {
          const scope = scopeOf(request.query.of, types);
          const name = scope.value === '' ? 'all' : scope.value.replace(':', '-');
          return sendDownload(request, reply, 'text/csv; charset=utf-8', `opendimos-requests-months-${name}.csv`, csvBody(monthCsvColumns, await monthlyFigures(db, schema, scope.scope, o)));
        }
        const by = table === 'categories' ? 'category' : 'department';
        const keys = by === 'category' ? types.map((t) => t.code) : [...new Set(types.map((t) => t.department))];
        const rows = completeGroups(keys, await groupFigures(db, schema, by, o));
        return sendDownload(request, reply, 'text/csv; charset=utf-8', `opendimos-requests-${table}.csv`, csvBody(groupCsvColumns(by, types), rows));
      },
    );
  };
