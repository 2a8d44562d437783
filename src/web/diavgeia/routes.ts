// The cross-check's pages: /diavgeia/ (and /en/diavgeia/) and its CSV at /diavgeia.csv, read from the ledger's
// and the decisions' read models through crossCheckDiavgeia, the same answer as GET /api/crosscheck/diavgeia.
import { Readable } from 'node:stream';
import { CSV_DIALECTS, csvHeader, csvLines } from '../../api/shared/rest/csv.ts';
import { sendDownload } from '../../api/shared/rest/downloads.ts';
import type { CrossCheck } from '../../projections/diavgeia/index.ts';
import { crossCheckDiavgeia } from '../../projections/diavgeia/index.ts';
import { fiscalYears } from '../../projections/ledger/index.ts';
import type { Site } from '../shared/page.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import type { CrossCheckQuery } from './crossCheckPage.ts';
import { CROSSCHECK_CSV, CROSSCHECK_PAGE, crossCheckCsvColumns, crossCheckPage, crossCheckQuerySchema, filterItems, filterOf } from './crossCheckPage.ts';

const athensYear = (): number => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', year: 'numeric' }).format(new Date()));

/** The years of the books, newest first, and the one shown when none is asked for. */
const yearsOf = async (site: Site): Promise<{ years: number[]; latest: number }> => {
  const years = await fiscalYears(site.db, site.schema);
  return { years, latest: years[0] ?? athensYear() };
};

// A year's check is one answer (100,000 movements: about 4 s, bench/diavgeia.bench.ts) and every filter and
// page of it reads the same one: kept a minute, as long as the API lets a cache keep it (max-age=60).
const KEEP_MS = 60_000;

const yearChecks = (site: Site) => {
  const kept = new Map<number, { until: number; check: Promise<CrossCheck> }>();
  return (year: number): Promise<CrossCheck> => {
    const at = Date.now();
    for (const [y, entry] of kept) if (entry.until <= at) kept.delete(y);
    const found = kept.get(year);
    if (found) return found.check;
    const check = crossCheckDiavgeia(site.db, site.schema, year);
    kept.set(year, { until: at + KEEP_MS, check });
    check.catch(() => kept.delete(year));
    return check;
  };
};

export const diavgeiaRoutes: WebRoutes = async (app, options) => {
  const { site } = options;
  const checkOf = yearChecks(site);
  registerPages(options, ({ at, page }) => {
    // The issue names /diavgeia/; /diavgeia answers the same page, so neither address is a 404.
    for (const path of [CROSSCHECK_PAGE, CROSSCHECK_PAGE.slice(0, -1)]) {
      app.get<{ Querystring: CrossCheckQuery }>(
        at(path),
        { schema: { querystring: crossCheckQuerySchema } },
        page(async (visit, request) => {
          const { years, latest } = await yearsOf(site);
          const filter = filterOf(request.query, latest);
          return crossCheckPage(visit, await checkOf(filter.year), filter, years, Number(request.query.page ?? '1'));
        }),
      );
    }
  });

  app.get<{ Querystring: CrossCheckQuery }>(CROSSCHECK_CSV, { schema: { querystring: crossCheckQuerySchema } }, async (request, reply) => {
    const { latest } = await yearsOf(site);
    const filter = filterOf(request.query, latest);
    const items = filterItems((await checkOf(filter.year)).items, filter);
    const columns = crossCheckCsvColumns(site.publicUrl);
    const dialect = CSV_DIALECTS.excel;
    return sendDownload(request, reply, 'text/csv; charset=utf-8', `opendimos-diavgeia-${filter.year}.csv`, Readable.from([csvHeader(columns, dialect) + csvLines(columns, items, dialect)]));
  });
};
