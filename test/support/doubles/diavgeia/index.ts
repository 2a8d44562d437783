// A local Diavgeia OpenData API over node:http, speaking the wire protocol of the recorded answers in
// ../shared/data/diavgeia: GET {base}/search (org, from_date, to_date, page, size, status, sort) answering
// { decisions, info: { query, page, size, actualSize, total, order } } newest first, with Diavgeia's silent
// clamp of a range to 180 days; GET {base}/decisions/{ada} and /decisions/{ada}/versionlog. It serves the
// decisions it is given; correcting one keeps its version log, as Diavgeia does. Knobs: answer the next
// requests with a status (503), hold them unanswered (a timeout), slow them, break their JSON, or page wrongly.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type WireDecision = Record<string, unknown> & { ada: string; versionId: string; status: string; organizationId: string; submissionTimestamp: number | string };

interface Version {
  versionId: string;
  creator: string;
  versionTimestamp: number;
  description: null;
  status: string;
  correctedVersionId: string | null;
}

export interface DiavgeiaRequest {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
}

export interface DiavgeiaDouble {
  /** The API's base, as OPENDIMOS_DIAVGEIA_URL takes it: `http://127.0.0.1:<port>/luminapi/opendata`. */
  readonly url: string;
  readonly received: DiavgeiaRequest[];
  /** Publishes decisions (or replaces one by a new version: a correction). */
  publish(...decisions: WireDecision[]): void;
  /** A new version of a published decision: its fields changed, a new versionId, the old one in correctedVersionId. */
  correct(ada: string, change: Partial<WireDecision>, at?: number): WireDecision;
  revoke(ada: string, at?: number): void;
  answerNext(count: number, status: number): void;
  holdNext(count: number): void;
  /** Every answer waits this long (0: none). */
  slow(ms: number): void;
  /** The next `count` answers are cut short (not JSON). */
  malformNext(count: number): void;
  /** The next `count` search answers say another page than the one asked for. */
  misPageNext(count: number): void;
  /** Search answers after the first `afterSearches` fail with `status` (a sync dying mid-way). */
  failSearchesAfter(afterSearches: number, status: number): void;
  close(): Promise<void>;
}

const BASE = '/luminapi/opendata';
const DAY = 86_400_000;
const MAX_DAYS = 180;
const MAX_SIZE = 500;

const millisOf = (v: number | string): number => (typeof v === 'number' ? v : Date.parse(v));
// One formatter for the double's life: making one per call cost more than the rest of a search of 10,000.
const ATHENS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' });
const athensDate = (ms: number): string => ATHENS.format(new Date(ms));

export const startDiavgeiaDouble = async (): Promise<DiavgeiaDouble> => {
  const decisions = new Map<string, WireDecision>();
  const versions = new Map<string, Version[]>();
  const received: DiavgeiaRequest[] = [];
  const knobs = { status: 0, statusCount: 0, holds: 0, slowMs: 0, malformed: 0, misPaged: 0, searches: 0, failAfter: Infinity, failStatus: 503 };
  const held = new Set<() => void>();
  // Newest first, as Diavgeia's `sort=recent`; kept sorted once per change, not per request.
  let sorted: WireDecision[] | null = null;
  const ordered = (): WireDecision[] =>
    (sorted ??= [...decisions.values()].sort((a, b) => millisOf(b.submissionTimestamp) - millisOf(a.submissionTimestamp) || (a.ada < b.ada ? -1 : 1)));

  const addVersion = (d: WireDecision, correctedVersionId: string | null) => {
    const log = versions.get(d.ada) ?? [];
    log.push({ versionId: d.versionId, creator: `${d.organizationId}_1`, versionTimestamp: millisOf(d.submissionTimestamp), description: null, status: d.status, correctedVersionId });
    versions.set(d.ada, log);
  };

  const search = (q: URLSearchParams): { status: number; body: unknown } => {
    const org = q.get('org');
    const page = Number(q.get('page') ?? '0');
    const size = Math.min(Number(q.get('size') ?? '10'), MAX_SIZE);
    const from = q.get('from_date');
    const to = q.get('to_date');
    if (!org || !Number.isInteger(page) || page < 0 || !Number.isInteger(size) || size < 1) return { status: 400, body: { errors: [{ message: 'bad request' }] } };
    const fromMs = from ? Date.parse(`${from}T00:00:00+02:00`) : 0;
    // Diavgeia's clamp: a range longer than 180 days ends 180 days after its start, without a word.
    const toMs = Math.min(to ? Date.parse(`${to}T23:59:59.999+03:00`) : Date.now(), fromMs + MAX_DAYS * DAY + DAY - 1);
    const status = q.get('status');
    const found = ordered().filter((d) => {
      if (d.organizationId !== org) return false;
      const at = athensDate(millisOf(d.submissionTimestamp));
      return (!from || at >= from) && at <= athensDate(toMs) && (status === 'all' || d.status === (status ?? 'PUBLISHED'));
    });
    const slice = found.slice(page * size, page * size + size);
    const misPaged = knobs.misPaged > 0 && knobs.misPaged-- > 0;
    return {
      status: 200,
      body: {
        decisions: slice,
        info: { query: `organizationUid:"${org}"`, page: misPaged ? page + 1 : page, size, actualSize: slice.length, total: found.length, order: 'recent' },
      },
    };
  };

  const route = (path: string, q: URLSearchParams): { status: number; body: unknown } => {
    if (!path.startsWith(`${BASE}/`)) return { status: 404, body: { errors: [] } };
    const rest = path.slice(BASE.length);
    if (rest === '/search') {
      knobs.searches++;
      if (knobs.searches > knobs.failAfter) return { status: knobs.failStatus, body: { errors: [{ message: 'down' }] } };
      return search(q);
    }
    const log = /^\/decisions\/([^/]+)\/versionlog$/.exec(rest);
    if (log) {
      const ada = decodeURIComponent(log[1]!);
      const d = decisions.get(ada);
      return d ? { status: 200, body: { ada, organizationId: d.organizationId, versions: versions.get(ada) ?? [] } } : { status: 404, body: { errors: [] } };
    }
    const one = /^\/decisions\/([^/]+)$/.exec(rest);
    if (one) {
      const d = decisions.get(decodeURIComponent(one[1]!));
      return d ? { status: 200, body: d } : { status: 404, body: { errors: [] } };
    }
    return { status: 404, body: { errors: [] } };
  };

  const server = createServer((request, response) => {
    const parsed = new URL(request.url ?? '/', 'http://diavgeia');
    const path = decodeURI(parsed.pathname);
    const query = Object.fromEntries(parsed.searchParams.entries());
    const answer = (status: number, body: string) => {
      received.push({ path, query, status });
      response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(body);
    };
    if (knobs.holds > 0) {
      knobs.holds--;
      received.push({ path, query, status: 0 });
      held.add(() => response.destroy());
      return;
    }
    const reply = () => {
      if (knobs.statusCount > 0) {
        knobs.statusCount--;
        return answer(knobs.status, '{"errors":[{"message":"unavailable"}]}');
      }
      const { status, body } = route(path, parsed.searchParams);
      const text = JSON.stringify(body);
      if (knobs.malformed > 0) {
        knobs.malformed--;
        return answer(status, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      }
      return answer(status, text);
    };
    if (knobs.slowMs > 0) setTimeout(reply, knobs.slowMs).unref();
    else reply();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${BASE}`,
    received,
    publish(...list) {
      for (const d of list) {
        const previous = decisions.get(d.ada);
        decisions.set(d.ada, d);
        addVersion(d, previous && previous.versionId !== d.versionId ? previous.versionId : null);
      }
      sorted = null;
    },
    correct(ada, change, at = Date.now()) {
      const previous = decisions.get(ada);
      if (!previous) throw new Error(`no decision ${ada}`);
      const next: WireDecision = { ...previous, ...change, ada, versionId: randomUUID(), correctedVersionId: previous.versionId, submissionTimestamp: at };
      decisions.set(ada, next);
      addVersion(next, previous.versionId);
      sorted = null;
      return next;
    },
    revoke(ada, at = Date.now()) {
      const previous = decisions.get(ada);
      if (!previous) throw new Error(`no decision ${ada}`);
      decisions.set(ada, { ...previous, status: 'REVOKED', submissionTimestamp: at });
      const log = versions.get(ada);
      if (log?.length) log[log.length - 1]!.status = 'REVOKED';
      sorted = null;
    },
    answerNext(count, status) {
      Object.assign(knobs, { status, statusCount: count });
    },
    holdNext(count) {
      knobs.holds = count;
    },
    slow(ms) {
      knobs.slowMs = ms;
    },
    malformNext(count) {
      knobs.malformed = count;
    },
    misPageNext(count) {
      knobs.misPaged = count;
    },
    failSearchesAfter(afterSearches, status) {
      Object.assign(knobs, { searches: 0, failAfter: afterSearches, failStatus: status });
    },
    close: async () => {
      for (const release of held) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

export interface DecisionSpec {
  readonly ada: string;
  readonly organizationId: string;
  readonly decisionTypeId: string;
  /** yyyy-mm-dd */
  readonly issueDate: string;
  readonly submittedAt?: number;
  readonly subject?: string;
  readonly protocolNumber?: string;
  readonly financialYear?: number;
  /** Β.1.3: its lines; the sponsor of each line, when given, as the newer answers carry it. */
  readonly kae?: readonly { readonly kae: string; readonly amount: number; readonly afm?: string; readonly name?: string }[];
  /** Β.2.x: the payees. */
  readonly sponsors?: readonly { readonly afm: string; readonly name: string; readonly amount: number }[];
  readonly status?: string;
}

/** A decision in the shape of the recorded answers (Undertaking / PaymentFinalisation .metadata.json). */
export const wireDecision = (spec: DecisionSpec): WireDecision => {
  const issue = Date.parse(`${spec.issueDate}T00:00:00Z`);
  const submitted = spec.submittedAt ?? issue + 10 * 3_600_000;
  const financial = spec.decisionTypeId.startsWith('Β.1');
  const total = (spec.kae ?? []).reduce((s, k) => s + Math.round(k.amount * 100), 0) / 100;
  const extraFieldValues = financial
    ? {
        financialYear: spec.financialYear ?? Number(spec.issueDate.slice(0, 4)),
        budgettype: 'Τακτικός Προϋπολογισμός',
        entryNumber: spec.protocolNumber ?? null,
        partialead: false,
        recalledExpenseDecision: false,
        amountWithVAT: { amount: total, currency: 'EUR' },
        amountWithKae: (spec.kae ?? []).map((k) => ({
          ...(k.afm ? { sponsorAFMName: { afm: k.afm, afmType: 'EL', afmCountry: 'EL', enterName: false, name: k.name ?? '' } } : {}),
          kae: k.kae,
          amountWithVAT: k.amount,
        })),
        relatedPartialADA: null,
        relatedDecisions: [],
        documentType: 'ΠΡΑΞΗ',
      }
    : {
        org: { afm: '090022354', afmType: 'EL', enterName: false, name: 'ΔΗΜΟΣ ΛΗΞΟΥΡΙΟΥ' },
        skipVatReason: null,
        sponsor: (spec.sponsors ?? []).map((s) => ({
          sponsorAFMName: { afm: s.afm, afmType: 'EL', afmCountry: 'EL', enterName: false, name: s.name },
          expenseAmount: { amount: s.amount, currency: 'EUR' },
        })),
        relatedEkgrisiDapanis: [],
        relatedDecisions: [],
        documentType: 'ΠΡΑΞΗ',
      };
  return {
    protocolNumber: spec.protocolNumber ?? `${spec.ada.slice(0, 4)}/${spec.issueDate.slice(0, 4)}`,
    subject: spec.subject ?? `Απόφαση ${spec.ada}`,
    issueDate: issue,
    organizationId: spec.organizationId,
    signerIds: ['100000001'],
    unitIds: ['100000002'],
    decisionTypeId: spec.decisionTypeId,
    thematicCategoryIds: ['20'],
    extraFieldValues,
    privateData: false,
    ada: spec.ada,
    publishTimestamp: submitted,
    submissionTimestamp: submitted,
    versionId: randomUUID(),
    status: spec.status ?? 'PUBLISHED',
    url: `https://diavgeia.gov.gr/luminapi/api/decisions/${spec.ada}`,
    documentUrl: `https://diavgeia.gov.gr/doc/${spec.ada}`,
    documentChecksum: null,
    attachments: [],
    warnings: null,
    correctedVersionId: null,
  };
};
