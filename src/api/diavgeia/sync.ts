// `opendimos diavgeia sync` and the server's schedule: the organisation's decisions from Diavgeia into their
// streams. Diavgeia is searched by submission date (a correction or a revocation is submitted anew, so it
// shows up again) in windows of at most 180 days (Diavgeia silently shortens longer ones), page by page, newest
// first. Each page is written as one unit with the sync's place (DiavgeiaPageSynced), so a sync that dies
// mid-way resumes after the last page written; a page that cannot be read writes nothing. Re-reading a page
// already written decides nothing, so overlaps cost a request, never a copy.
import type { DecisionEvent, DecisionState, DiavgeiaSyncEvent, ObservedDecision } from '../../domain/index.ts';
import { evolveDecision, initialDecision, observeDecision, streams } from '../../domain/index.ts';
import type { EventStore, EventToAppend, StreamAppend } from '../../eventstore/port.ts';
import { deterministicUuidv7 } from '../../eventstore/uuid.ts';
import type { DiavgeiaPort } from '../../integrations/diavgeia/index.ts';
import { MAX_SEARCH_DAYS } from '../../integrations/diavgeia/index.ts';

/** Diavgeia's first day: a sync that has never run, and is given no date, starts here. */
export const DIAVGEIA_START = '2010-10-01';
const PAGE_SIZE = 500;

export interface SyncOptions {
  readonly store: EventStore;
  readonly diavgeia: DiavgeiaPort;
  readonly organizationId: string;
  /** Start again from this submission date (yyyy-mm-dd), whatever the sync's place. */
  readonly from?: string;
  /** Today in Athens, yyyy-mm-dd. */
  readonly today?: () => string;
  readonly pageSize?: number;
  readonly actor?: string;
}

export interface SyncReport {
  readonly from: string;
  readonly to: string;
  readonly pages: number;
  readonly decisions: number;
  readonly published: number;
  readonly corrected: number;
  readonly revoked: number;
}

const athensToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' }).format(new Date());

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// A month 13 does not parse at all; a 30 February parses as 2 March: both are refused.
export const isIsoDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && addDays(text, 0) === text;

type Place = { readonly from: string; readonly to: string; readonly nextPage: number } | { readonly from: string; readonly to: null; readonly nextPage: 0 };

/** Where the last sync stopped: inside a window (resume at its next page), or at the end of one. */
const placeOf = async (store: EventStore, organizationId: string): Promise<{ place: Place | null; lastTo: string | null }> => {
  const [last] = await store.readStream(streams.diavgeiaSync(organizationId), { direction: 'backwards', maxCount: 1 });
  if (!last) return { place: null, lastTo: null };
  const event = { type: last.type, data: last.data } as DiavgeiaSyncEvent;
  if (event.type === 'DiavgeiaPageSynced') return { place: { from: event.data.from, to: event.data.to, nextPage: event.data.page + 1 }, lastTo: null };
  return { place: { from: event.data.to, to: null, nextPage: 0 }, lastTo: event.data.to };
};

const eventId = (at: string, key: string): string => deterministicUuidv7(Date.parse(at), key);

const stateOf = (events: readonly { type: string; data: unknown }[]): DecisionState => events.reduce((s, e) => evolveDecision(s, e as DecisionEvent), initialDecision);

export const syncDecisions = async (options: SyncOptions): Promise<SyncReport> => {
  const { store, diavgeia, organizationId } = options;
  const size = options.pageSize ?? PAGE_SIZE;
  const today = (options.today ?? athensToday)();
  const metadata = { actor: options.actor ?? 'opendimos:diavgeia' };
  const { place, lastTo } = options.from ? { place: { from: options.from, to: null, nextPage: 0 } as Place, lastTo: null } : await placeOf(store, organizationId);
  const start = place ?? { from: DIAVGEIA_START, to: null, nextPage: 0 };
  const report = { from: start.from, to: start.from, pages: 0, decisions: 0, published: 0, corrected: 0, revoked: 0 };
  const syncStream = streams.diavgeiaSync(organizationId);

  let from = start.from;
  let to = start.to ?? minDate(addDays(from, MAX_SEARCH_DAYS - 1), today);
  let page = start.nextPage;
  for (;;) {
    let wrote = false;
    let total = Infinity;
    while (page * size < total) {
      const answer = await diavgeia.search({ organizationId, from, to, page, size });
      total = answer.total;
      report.pages++;
      const appends = await decide(store, diavgeia, answer.decisions, metadata, report);
      if (appends.length > 0) {
        const cursor: EventToAppend = { id: eventId(`${to}T00:00:00Z`, `diavgeia-sync:${organizationId}:${from}:${to}:${page}:${appends.map((a) => a.events.map((e) => e.id).join()).join()}`), type: 'DiavgeiaPageSynced', data: { organizationId, from, to, page }, metadata };
        await store.appendMany([...appends, { stream: syncStream, events: [cursor] }]);
        wrote = true;
      }
      if (answer.decisions.length === 0) break;
      page++;
    }
    // The end of a window is written only when something moved: a schedule of every 15 minutes adds nothing
    // to the log on a quiet day but the day's one mark.
    if (wrote || to !== lastTo) {
      await store.append(syncStream, [{ id: eventId(`${to}T00:00:00Z`, `diavgeia-window:${organizationId}:${from}:${to}:${report.pages}:${wrote}`), type: 'DiavgeiaWindowSynced', data: { organizationId, from, to }, metadata }]);
    }
    report.to = to;
    if (to >= today) return report;
    from = to;
    to = minDate(addDays(from, MAX_SEARCH_DAYS - 1), today);
    page = 0;
  }
};

const minDate = (a: string, b: string): string => (a < b ? a : b);

/** The appends a page calls for: each decision's new events, at the revision its stream was read at. */
const decide = async (
  store: EventStore,
  diavgeia: DiavgeiaPort,
  found: readonly ObservedDecision[],
  metadata: { actor: string },
  report: { decisions: number; published: number; corrected: number; revoked: number },
): Promise<StreamAppend[]> => {
  // Newest first: a decision listed twice (the pages moved under a new one) counts once, as it now reads.
  const unique = [...new Map(found.map((d) => [d.fields.ada, d] as const)).values()].reverse();
  report.decisions += unique.length;
  const recorded = await store.readStreams(unique.map((d) => streams.decision(d.fields.ada)));
  const appends: StreamAppend[] = [];
  for (const listed of unique) {
    const stream = streams.decision(listed.fields.ada);
    const history = recorded.get(stream) ?? [];
    const state = stateOf(history);
    let observed = listed;
    if (state.kind === 'known' && state.versionId !== listed.fields.versionId) {
      // A new version: its details and version log say what it corrects, from Diavgeia itself.
      const [details, log] = await Promise.all([diavgeia.decision(listed.fields.ada), diavgeia.versionLog(listed.fields.ada)]);
      const current = details ?? listed;
      const entry = log.find((v) => v.versionId === current.fields.versionId);
      observed = { ...current, correctedVersionId: current.correctedVersionId ?? entry?.correctedVersionId ?? null };
    }
    const events = observeDecision(state, observed);
    if (events.length === 0) continue;
    for (const e of events) {
      if (e.type === 'DecisionPublished') report.published++;
      else if (e.type === 'DecisionCorrected') report.corrected++;
      else report.revoked++;
    }
    const at = observed.fields.submittedAt;
    appends.push({
      stream,
      expectedRevision: history.length === 0 ? 'no_stream' : history[history.length - 1]!.revision,
      events: events.map((e) => ({ id: eventId(at, `diavgeia:${observed.fields.ada}:${observed.fields.versionId}:${e.type}`), type: e.type, data: e.data, metadata })),
    });
  }
  return appends;
};
