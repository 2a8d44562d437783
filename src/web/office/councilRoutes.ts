// The office's council routes, for the secretariat (`secretary`) alone: any other member of staff is refused
// (403) and a visitor sent to the login. Every action is a POST with the session's CSRF token, decided on the
// body's or the session's stream as `staff:<id>` (src/api/council/stream.ts): a refusal of the decider is
// shown beside its form in Greek and English and nothing is appended. A vote POSTed asking for JSON (the
// page's script) is answered in JSON, the same decision.
import multipart from '@fastify/multipart';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decideOnBody, decideOnSession, keepCouncilDocument, loadBody, loadSession, MAX_COUNCIL_DOCUMENT_BYTES } from '../../api/council/index.ts';
import type { StaffMember } from '../../api/shared/staff/index.ts';
import type { AgendaItem, Body, BodyClassification, BodyEvent, DecisionNumbered, ItemResolved, Majority, PostRole, Session, SessionEvent, SessionKind, VoteOption } from '../../domain/index.ts';
import {
  admitUrgentItem,
  assignPost,
  attachDocument,
  castVote,
  closeSession,
  conveneSession,
  correctVote,
  establishBody,
  evolveBody,
  evolveSession,
  formFaction,
  isDomainError,
  joinMember,
  leaveMember,
  postDecision,
  publishMinutes,
  recordArrival,
  recordDeparture,
  resolveItem,
  takeItem,
  vacatePost,
} from '../../domain/index.ts';
import type { EventStore } from '../../eventstore/port.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import { athensDate } from '../shared/format.ts';
import type { Page, Visit } from '../shared/page.ts';
import type { LangPages } from '../shared/pageRoutes.ts';
import { councilBodies, listSessions } from '../../projections/council/index.ts';
import type { Notices, Refusal } from './council.ts';
import { AGENDA_ROWS, councilBodyPage, councilHomePage, councilNotFoundPage, councilOfficeText, councilSessionPage, MAJORITIES, POST_ROLES, SESSION_KINDS, VOTE_OPTIONS } from './council.ts';
import { forbiddenPage } from './pages.ts';

export interface CouncilOfficeServices {
  readonly store: EventStore;
  readonly client: SqlClient;
  readonly schema: string;
  readonly now?: () => Date;
}

export interface CouncilPagesDeps {
  readonly services: CouncilOfficeServices;
  readonly render: (reply: FastifyReply, visit: Visit, page: Page) => FastifyReply;
  readonly memberOf: (request: FastifyRequest) => Promise<StaffMember | null>;
}

export const mayKeepCouncil = (member: StaffMember): boolean => member.roles.includes('secretary');

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_PARAM = { type: 'string', pattern: SLUG.source, maxLength: 60 } as const;
const SESSION_PARAM = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const bodyParams = { type: 'object', properties: { bodyId: SLUG_PARAM }, required: ['bodyId'] } as const;
const sessionParams = { type: 'object', properties: { sessionId: SESSION_PARAM }, required: ['sessionId'] } as const;

type Form = Readonly<Record<string, unknown>>;

/** A refusal of the form's own, before the decider is asked (an id that is not a slug). */
class FormRefusal extends Error {
  constructor(
    readonly el: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const textOf = (form: Form, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

const slugOf = (form: Form, name: string): string => {
  const value = textOf(form, name);
  if (!SLUG.test(value) || value.length > 60) throw new FormRefusal(`Ο κωδικός «${value}» θέλει μικρά λατινικά γράμματα, ψηφία και παύλες`, `The id "${value}" needs lower-case Latin letters, digits and hyphens`);
  return value;
};

const oneOf = <K extends string>(values: readonly K[], value: string, field: string): K => {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new FormRefusal(`Μη έγκυρη τιμή στο πεδίο ${field}`, `Invalid value in ${field}`);
  return found;
};

const itemOf = (form: Form): number => {
  const n = Number(textOf(form, 'item'));
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new FormRefusal('Δεν δόθηκε θέμα', 'No item was given');
  return n;
};

/** The votes ticked on a form, `vote:<personId>` → option; an unticked member is absent from it. */
const votesOf = (form: Form): Map<string, VoteOption> => {
  const votes = new Map<string, VoteOption>();
  for (const [name, value] of Object.entries(form)) {
    if (!name.startsWith('vote:') || typeof value !== 'string' || value === '') continue;
    votes.set(name.slice('vote:'.length), oneOf(VOTE_OPTIONS, value, 'vote'));
  }
  return votes;
};

// A date and time control gives «2026-05-04» and «18:00»: the domain takes W3C with its zone, Greece's.
const ATHENS_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Athens', timeZoneName: 'longOffset' });
const startsAtOf = (date: string, time: string): string => {
  const local = `${date}T${time}`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || Number.isNaN(Date.parse(`${local}:00Z`))) return local;
  const zone = ATHENS_OFFSET.formatToParts(new Date(`${local}:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+02:00';
  return `${local}:00${zone.replace('GMT', '') || '+00:00'}`;
};

const agendaOf = (form: Form): AgendaItem[] => {
  const items: AgendaItem[] = [];
  for (let row = 1; row <= AGENDA_ROWS; row++) {
    const title = textOf(form, `title${row}`);
    if (title === '') continue;
    items.push({ number: items.length + 1, title, rapporteur: textOf(form, `rapporteur${row}`) || null, majority: oneOf(MAJORITIES, textOf(form, `majority${row}`) || 'simple', 'majority') });
  }
  return items;
};

/** The day before, for a term that ends as another begins (a change of faction). */
const dayBefore = (day: string): string => new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** A change of faction: the term ends the day before and a new one begins, with the posts the member held. */
const changeFaction = (body: Body, input: { personId: string; factionId: string | null; date: string }): BodyEvent[] => {
  const held = [...body.posts].filter(([, h]) => h.personId === input.personId).map(([role]) => role);
  const term = body.terms.find((t) => t.personId === input.personId && t.endDate === null);
  const events: BodyEvent[] = [...leaveMember(body, { personId: input.personId, endDate: dayBefore(input.date) })];
  let state = events.reduce(evolveBody, body);
  events.push(...joinMember(state, { personId: input.personId, name: term?.name ?? input.personId, factionId: input.factionId, startDate: input.date }));
  state = events.slice(1).reduce(evolveBody, state);
  for (const role of held) events.push(...assignPost(state, { role, personId: input.personId, startDate: input.date }));
  return events;
};

/** Several votes from one form, each decided on the state the ones before it leave: all or none. */
const castVotes = (session: Session, body: Body, item: number, votes: ReadonlyMap<string, VoteOption>): SessionEvent[] => {
  const events: SessionEvent[] = [];
  let state = session;
  for (const [personId, option] of votes) {
    const cast = castVote(state, body, { item, personId, option });
    state = cast.reduce(evolveSession, state);
    events.push(...cast);
  }
  return events;
};

interface PostedDocument {
  readonly bytes: Uint8Array;
  readonly name: string;
}

const documentOf = (form: Form, fallback: string): PostedDocument | null => {
  const file = form.document;
  if (!Buffer.isBuffer(file) || file.length === 0) return null;
  const name = textOf(form, 'name');
  return { bytes: new Uint8Array(file.buffer, file.byteOffset, file.byteLength), name: name === '' ? fallback : name.endsWith('.pdf') ? name : `${name}.pdf` };
};

/** The εισηγήσεις and minutes: one file a form, a byte over the limit at most, so a larger one is refused in our words. */
export const registerCouncilUploads = async (app: FastifyInstance): Promise<void> => {
  await app.register(multipart, { attachFieldsToBody: 'keyValues', throwFileSizeLimit: false, limits: { fileSize: MAX_COUNCIL_DOCUMENT_BYTES + 1, files: 1, fields: 10, fieldSize: 2_000, parts: 12 } });
};

export const registerCouncilPages = (app: FastifyInstance, pages: LangPages, deps: CouncilPagesDeps): void => {
  const { services, render, memberOf } = deps;
  const { at } = pages;
  const now = () => (services.now ?? (() => new Date()))();
  const today = () => athensDate(now());
  const actorOf = (member: StaffMember) => `staff:${member.staffId}`;
  const toLogin = (reply: FastifyReply) => reply.header('cache-control', 'no-store').redirect(at('/office/login'), 303);
  const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? '').includes('application/json');

  /** The secretary, or the answer already sent (a login redirect, the 403 page). */
  const secretary = async (request: FastifyRequest, reply: FastifyReply): Promise<StaffMember | null> => {
    const member = await memberOf(request);
    if (!member) {
      await toLogin(reply);
      return null;
    }
    if (!mayKeepCouncil(member)) {
      await render(reply, pages.visit(request), forbiddenPage(pages.visit(request)));
      return null;
    }
    return member;
  };

  const showHome = async (request: FastifyRequest, reply: FastifyReply, notices: Notices, status = 200) => {
    const visit = pages.visit(request);
    // The lists from the read side (a body just established shows once its projection has it); the newest sessions first.
    const bodies = (await councilBodies(services.client, services.schema)).map((b) => ({ bodyId: b.id, name: b.name }));
    const sessions = (await listSessions(services.client, services.schema)).reverse().map((s) => ({ sessionId: s.id, bodyName: s.bodyName, startsAt: s.startsAt, kind: s.kind }));
    return render(reply, visit, councilHomePage(visit, { csrfToken: request.session!.csrfToken, bodies, sessions, notices }, status));
  };

  const showBody = async (request: FastifyRequest, reply: FastifyReply, bodyId: string, notices: Notices, status = 200) => {
    const visit = pages.visit(request);
    const { state } = await loadBody(services.store, bodyId);
    if (state.bodyId === null) return render(reply, visit, councilNotFoundPage(visit));
    return render(reply, visit, councilBodyPage(visit, { csrfToken: request.session!.csrfToken, bodyId, body: state, today: today(), notices }, status));
  };

  const showSession = async (request: FastifyRequest, reply: FastifyReply, sessionId: string, notices: Notices, status = 200) => {
    const visit = pages.visit(request);
    const { state } = await loadSession(services.store, sessionId);
    if (state.convened === null) return render(reply, visit, councilNotFoundPage(visit));
    const body = await loadBody(services.store, state.convened.bodyId);
    return render(reply, visit, councilSessionPage(visit, { csrfToken: request.session!.csrfToken, sessionId, session: state, body: body.state, notices }, status));
  };

  /** A refusal as the page shows it, or the error again when it is none of ours. */
  const refusalOf = (error: unknown, form: string): { refusal: Refusal; status: number } => {
    if (error instanceof FormRefusal) return { refusal: { form, el: error.el, en: error.en }, status: 422 };
    if (isDomainError(error)) return { refusal: { form, el: error.messageEl, en: error.messageEn }, status: error.status };
    throw error;
  };

  app.get(at('/office/council'), async (request, reply) => {
    if (!(await secretary(request, reply))) return reply;
    return showHome(request, reply, { done: (request.query as { done?: string }).done === '1' });
  });

  app.post<{ Body: Form }>(at('/office/council/bodies'), async (request, reply) => {
    const member = await secretary(request, reply);
    if (!member) return reply;
    const form = request.body ?? {};
    try {
      const bodyId = slugOf(form, 'bodyId');
      const parent = textOf(form, 'parentId');
      const classification = oneOf<BodyClassification>(['council', 'committee', 'community'], textOf(form, 'classification'), 'classification');
      await decideOnBody(services.store, bodyId, actorOf(member), (body) =>
        establishBody(body, { bodyId, name: textOf(form, 'name'), nameEn: textOf(form, 'nameEn'), classification, parentId: parent === '' ? null : slugOf(form, 'parentId') }),
      );
      return reply.header('cache-control', 'no-store').redirect(at(`/office/council/bodies/${bodyId}?done=1`), 303);
    } catch (error) {
      const { refusal, status } = refusalOf(error, 'establish');
      return showHome(request, reply, { refusal }, status);
    }
  });

  app.get<{ Params: { bodyId: string } }>(at('/office/council/bodies/:bodyId'), { schema: { params: bodyParams } }, async (request, reply) => {
    if (!(await secretary(request, reply))) return reply;
    return showBody(request, reply, request.params.bodyId, { done: (request.query as { done?: string }).done === '1' });
  });

  /** A POST on a body: decided on its stream, then its page again, or the refusal beside the form. */
  const onBody = (action: string, decide: (body: Body, form: Form) => BodyEvent[]) =>
    app.post<{ Params: { bodyId: string }; Body: Form }>(at(`/office/council/bodies/:bodyId/${action}`), { schema: { params: bodyParams } }, async (request, reply) => {
      const member = await secretary(request, reply);
      if (!member) return reply;
      const { bodyId } = request.params;
      const { state } = await loadBody(services.store, bodyId);
      if (state.bodyId === null) return render(reply, pages.visit(request), councilNotFoundPage(pages.visit(request)));
      try {
        await decideOnBody(services.store, bodyId, actorOf(member), (body) => decide(body, request.body ?? {}));
        return reply.header('cache-control', 'no-store').redirect(at(`/office/council/bodies/${bodyId}?done=1`), 303);
      } catch (error) {
        const { refusal, status } = refusalOf(error, action);
        return showBody(request, reply, bodyId, { refusal }, status);
      }
    });

  const factionOf = (form: Form): string | null => (textOf(form, 'factionId') === '' ? null : textOf(form, 'factionId'));
  onBody('factions', (body, form) => formFaction(body, { factionId: slugOf(form, 'factionId'), name: textOf(form, 'name') }));
  onBody('members', (body, form) => joinMember(body, { personId: slugOf(form, 'personId'), name: textOf(form, 'name'), factionId: factionOf(form), startDate: textOf(form, 'date') }));
  onBody('leave', (body, form) => leaveMember(body, { personId: textOf(form, 'personId'), endDate: textOf(form, 'date') }));
  onBody('faction', (body, form) => changeFaction(body, { personId: textOf(form, 'personId'), factionId: factionOf(form), date: textOf(form, 'date') }));
  onBody('posts', (body, form) => assignPost(body, { role: oneOf<PostRole>(POST_ROLES, textOf(form, 'role'), 'role'), personId: textOf(form, 'personId'), startDate: textOf(form, 'date') }));
  onBody('vacate', (body, form) => vacatePost(body, { role: oneOf<PostRole>(POST_ROLES, textOf(form, 'role'), 'role'), endDate: textOf(form, 'date') }));

  app.post<{ Params: { bodyId: string }; Body: Form }>(at('/office/council/bodies/:bodyId/sessions'), { schema: { params: bodyParams } }, async (request, reply) => {
    const member = await secretary(request, reply);
    if (!member) return reply;
    const { bodyId } = request.params;
    const form = request.body ?? {};
    const sessionId = randomUUID();
    try {
      const kind = oneOf<SessionKind>(SESSION_KINDS, textOf(form, 'kind'), 'kind');
      const items = agendaOf(form);
      await decideOnSession(services.store, { sessionId, bodyId }, actorOf(member), (session, body) =>
        conveneSession(session, body, {
          sessionId,
          startsAt: startsAtOf(textOf(form, 'date'), textOf(form, 'time')),
          place: textOf(form, 'place') || null,
          remote: textOf(form, 'remote') === '1',
          kind,
          streamUrl: textOf(form, 'streamUrl') || null,
          items,
        }),
      );
      return reply.header('cache-control', 'no-store').redirect(at(`/office/council/sessions/${sessionId}?done=1`), 303);
    } catch (error) {
      const { refusal, status } = refusalOf(error, 'convene');
      if (status === 404) return render(reply, pages.visit(request), councilNotFoundPage(pages.visit(request)));
      return showBody(request, reply, bodyId, { refusal }, status);
    }
  });

  app.get<{ Params: { sessionId: string } }>(at('/office/council/sessions/:sessionId'), { schema: { params: sessionParams } }, async (request, reply) => {
    if (!(await secretary(request, reply))) return reply;
    return showSession(request, reply, request.params.sessionId, { done: (request.query as { done?: string }).done === '1' });
  });

  type Decision = SessionEvent[] | { readonly body: DecisionNumbered[]; readonly session: ItemResolved[] };
  type Decider = (session: Session, body: Body) => Decision;
  /**
   * A POST on a session: decided on its stream against its body. `prepare` reads the form (and keeps a posted
   * file, whose digest the event carries) before the streams are read; the refusal is named by the form and item.
   */
  const onSession = (action: string, prepare: (form: Form) => Decider | Promise<Decider>, answer?: (form: Form, visit: Visit) => Record<string, unknown>) =>
    app.post<{ Params: { sessionId: string }; Body: Form }>(at(`/office/council/sessions/:sessionId/${action}`), { schema: { params: sessionParams } }, async (request, reply) => {
      const member = await secretary(request, reply);
      if (!member) return reply;
      const { sessionId } = request.params;
      const visit = pages.visit(request);
      const form = request.body ?? {};
      if ((await loadSession(services.store, sessionId)).state.convened === null) return render(reply, visit, councilNotFoundPage(visit));
      const item = typeof form.item === 'string' ? form.item : '';
      try {
        const decide = await prepare(form);
        await decideOnSession(services.store, { sessionId }, actorOf(member), decide);
        if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ ok: true, ...(answer ? answer(form, visit) : {}) });
        return reply.header('cache-control', 'no-store').redirect(`${at(`/office/council/sessions/${sessionId}`)}?done=1${item === '' ? '' : `#item-${item}`}`, 303);
      } catch (error) {
        const { refusal, status } = refusalOf(error, item === '' ? action : `${action}-${item}`);
        if (wantsJson(request)) return reply.code(status).header('cache-control', 'no-store').send({ ok: false, el: refusal.el, en: refusal.en });
        return showSession(request, reply, sessionId, { refusal }, status);
      }
    });

  const stamp = () => now().toISOString();
  onSession('arrive', (form) => (session, body) => recordArrival(session, body, { personId: textOf(form, 'personId'), at: stamp() }));
  onSession('depart', (form) => (session) => recordDeparture(session, { personId: textOf(form, 'personId'), at: stamp() }));
  onSession('take', (form) => {
    const item = itemOf(form);
    return (session) => takeItem(session, { item, at: stamp() });
  });
  onSession(
    'votes',
    (form) => {
      const [item, votes] = [itemOf(form), votesOf(form)];
      if (votes.size === 0) throw new FormRefusal('Δεν σημειώθηκε καμία ψήφος', 'No vote was ticked');
      return (session, body) => castVotes(session, body, item, votes);
    },
    (form, visit) => {
      const [option] = votesOf(form).values();
      return { option: option ? councilOfficeText(visit).options[option] : '' };
    },
  );
  onSession('resolve', (form) => {
    const item = itemOf(form);
    return (session, body) => resolveItem(session, body, { item, summary: textOf(form, 'summary') || null });
  });
  onSession('ada', (form) => {
    const item = itemOf(form);
    return (session) => postDecision(session, { item, ada: textOf(form, 'ada') });
  });
  onSession('correct', (form) => {
    const [item, option] = [itemOf(form), oneOf(VOTE_OPTIONS, textOf(form, 'option'), 'option')];
    return (session, body) => correctVote(session, body, { item, personId: textOf(form, 'personId'), option, reason: textOf(form, 'reason') });
  });
  onSession('urgent', (form) => {
    const [majority, votes] = [oneOf<Majority>(MAJORITIES, textOf(form, 'majority'), 'majority'), votesOf(form)];
    return (session, body) => admitUrgentItem(session, body, { title: textOf(form, 'title'), rapporteur: textOf(form, 'rapporteur') || null, majority, votes });
  });
  onSession('close', () => (session) => closeSession(session, { at: stamp() }));

  /** The PDF posted with its form, checked and kept (the same bytes twice are one document). */
  const keptDocument = async (form: Form, fallback: string) => {
    const posted = documentOf(form, fallback);
    if (posted === null) throw new FormRefusal('Δεν επιλέχθηκε αρχείο PDF', 'No PDF file was chosen');
    return keepCouncilDocument(services, { bytes: posted.bytes, declaredName: posted.name });
  };
  onSession('documents', async (form) => {
    const item = itemOf(form);
    const document = await keptDocument(form, `εισήγηση-${item}.pdf`);
    return (session) => attachDocument(session, { item, document });
  });
  onSession('minutes', async (form) => {
    const document = await keptDocument(form, 'πρακτικά.pdf');
    return (session) => publishMinutes(session, { document });
  });
};
