// The Diavgeia OpenData API over HTTP (https://diavgeia.gov.gr/luminapi/opendata): JSON asked for by Accept,
// each request under a deadline, retried with back-off when Diavgeia is down (5xx), slow or unreachable; a
// 4xx, a malformed body or a page that is not the one asked for is refused at once, with its reason.
import { isDeadline, readBounded } from '../shared/boundedBody.ts';
import type { ObservedDecision } from '../../domain/index.ts';
import type { DiavgeiaError } from './errors.ts';
import { diavgeiaErrors } from './errors.ts';
import type { DecisionPage, DecisionSearch, DecisionVersion, DiavgeiaPort } from './port.ts';
import { readDecision, readSearch, readVersionLog, WireError } from './wire.ts';

export const DIAVGEIA_PUBLIC_API = 'https://diavgeia.gov.gr/luminapi/opendata';

export interface DiavgeiaClientOptions {
  /** OPENDIMOS_DIAVGEIA_URL, without a trailing slash. */
  readonly baseUrl: string;
  readonly timeoutMs?: number;
  /** Tries in all, the first included. */
  readonly attempts?: number;
  /** The first back-off; each next one doubles. */
  readonly backoffMs?: number;
  readonly fetch?: typeof fetch;
}

// A page of 500 decisions with their extra fields is about 1 MB; nothing Diavgeia sends is near this.
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const diavgeiaClient = (options: DiavgeiaClientOptions): DiavgeiaPort => {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const attempts = Math.max(1, options.attempts ?? 4);
  const backoffMs = options.backoffMs ?? 500;
  const base = options.baseUrl.replace(/\/+$/, '');

  /** The parsed JSON body; null for a 404 when `missingIsNull`. */
  const getJson = async (path: string, missingIsNull = false): Promise<unknown> => {
    const url = `${base}${path}`;
    let last: DiavgeiaError | null = null;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(backoffMs * 2 ** (attempt - 1));
      let response: Response;
      try {
        response = await send(url, { headers: { accept: 'application/json' }, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        last = isDeadline(error) ? diavgeiaErrors.timeout(url, timeoutMs) : diavgeiaErrors.unreachable(url, error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
        continue;
      }
      let body: string | null;
      try {
        body = await readBounded(response, MAX_ANSWER_BYTES);
      } catch (error) {
        last = isDeadline(error) ? diavgeiaErrors.timeout(url, timeoutMs) : diavgeiaErrors.unreachable(url, String(error));
        continue;
      }
      if (response.status >= 500) {
        last = diavgeiaErrors.status(url, response.status);
        continue;
      }
      if (response.status === 404 && missingIsNull) return null;
      if (response.status !== 200) throw diavgeiaErrors.status(url, response.status);
      if (body === null) throw diavgeiaErrors.malformed(url, 'the answer is too large');
      try {
        return JSON.parse(body) as unknown;
      } catch {
        throw diavgeiaErrors.malformed(url, 'the answer is not JSON');
      }
    }
    throw last!;
  };

  const read = <T>(url: string, parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      if (error instanceof WireError) throw diavgeiaErrors.malformed(url, error.message);
      throw error;
    }
  };

  return {
    async search(query: DecisionSearch): Promise<DecisionPage> {
      const params = new URLSearchParams({ org: query.organizationId, from_date: query.from, to_date: query.to, page: String(query.page), size: String(query.size), status: 'all', sort: 'recent' });
      const path = `/search?${params.toString()}`;
      const url = `${base}${path}`;
      const body = await getJson(path);
      const answer = read(url, () => readSearch(body));
      const { page, size } = query;
      const n = answer.decisions.length;
      const wrong =
        answer.page !== page ? `page ${answer.page} instead of ${page}`
        : answer.size !== size ? `pages of ${answer.size} instead of ${size}`
        : n > size ? `${n} decisions on a page of ${size}`
        : answer.actualSize !== n ? `actualSize ${answer.actualSize} with ${n} decisions`
        : page * size + n > answer.total ? `decisions past the total ${answer.total}`
        : n < size && page * size + n < answer.total ? `a short page (${n}) before the end of ${answer.total}`
        : null;
      if (wrong !== null) throw diavgeiaErrors.paging(url, wrong);
      const decisions = read(url, () => answer.decisions.map((d, i) => readDecision(d, `decisions[${i}]`)));
      const stray = decisions.find((d) => d.fields.organizationId !== query.organizationId);
      if (stray) throw diavgeiaErrors.malformed(url, `${stray.fields.ada} is of organisation ${stray.fields.organizationId}, not ${query.organizationId}`);
      return { decisions, total: answer.total };
    },
    async decision(ada: string): Promise<ObservedDecision | null> {
      const path = `/decisions/${encodeURIComponent(ada)}`;
      const body = await getJson(path, true);
      return body === null ? null : read(`${base}${path}`, () => readDecision(body));
    },
    async versionLog(ada: string): Promise<readonly DecisionVersion[]> {
      const path = `/decisions/${encodeURIComponent(ada)}/versionlog`;
      const body = await getJson(path, true);
      return body === null ? [] : read(`${base}${path}`, () => readVersionLog(body));
    },
  };
};
