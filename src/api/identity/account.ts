// The citizen's account as the identity context's application service: login (register on first), the
// account as the person sees it, contact preferences, language, download (GDPR Art. 15) and erasure
// (Art. 17). The account is read from its own stream, not from a read model, so a page right after a login or
// a change shows it at once; personal fields are sealed on the way in and opened on the way out.
import { createHash, randomBytes } from 'node:crypto';
import type { CitizenEvent, CitizenState, ErasureObstacle, Language, SubjectKind, TaxisNetDetails } from '../../domain/index.ts';
import {
  chooseLanguage,
  citizenStream,
  eraseCitizen,
  foldCitizen,
  normaliseEmail,
  normalisePhone,
  recordLogin,
  registerCitizen,
  removeEmail,
  requestEmail,
  setPhone,
  verifyEmail,
} from '../../domain/index.ts';
import { ExpectedRevisionConflict } from '../../eventstore/errors.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { EventStore, RecordedEvent } from '../../eventstore/port.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import type { ActingBy } from '../shared/sessions/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { CitizenLogin, TaxisNetIdentity } from './port.ts';
import { SUBJECTS } from './tables.ts';
import { subjectOf } from './subjects.ts';

export interface CitizenServices {
  readonly store: EventStore;
  readonly client: SqlClient;
  readonly schema: string;
  readonly keyring: Keyring;
  /** OPENDIMOS_PUBLIC_URL: links in e-mails and TaxisNet's redirect URI are made from it. */
  readonly publicUrl: string;
  /** TaxisNet (or its development stand-in); null when citizen login is not available here. */
  readonly login: CitizenLogin | null;
  /** The development stand-in is mounted: every page says so. */
  readonly standIn: boolean;
  /** What other contexts keep by law about a subject; any answer blocks erasure. */
  readonly erasureObstacles?: readonly ((subjectId: string) => Promise<readonly ErasureObstacle[]>)[];
  /** Run once an erasure is recorded and the key destroyed: sessions end, queued messages go. */
  readonly onErased?: readonly ((subjectId: string) => Promise<void>)[];
  readonly now?: () => Date;
}

/** How long a link to confirm an e-mail address holds. */
export const EMAIL_LINK_HOURS = 24;

export interface AccountView {
  readonly subjectId: string;
  readonly kind: SubjectKind;
  readonly details: TaxisNetDetails;
  /** The address notices go to (verified), and one waiting for its link to be followed, if any. */
  readonly email: string | null;
  readonly pendingEmail: { readonly address: string; readonly expiresAt: string } | null;
  readonly phone: string | null;
  readonly language: Language;
  readonly registeredAt: string;
  readonly lastLoginAt: string | null;
  readonly logins: number;
  /** Every event of the account, opened: what the municipality holds, as it was recorded. */
  readonly history: readonly { readonly type: string; readonly at: string; readonly data: Readonly<Record<string, unknown>> }[];
}

/** The subject's display name: "Μαρία Παπαδοπούλου", or the company's name. */
export const displayName = (view: Pick<AccountView, 'details'>): string =>
  [view.details.firstName, view.details.lastName].filter((part) => part.length > 0).join(' ');

const nowIso = (services: CitizenServices): string => (services.now?.() ?? new Date()).toISOString();
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

interface Loaded {
  readonly state: CitizenState;
  readonly revision: number;
  readonly events: readonly RecordedEvent[];
}

const load = async (services: Pick<CitizenServices, 'store'>, subjectId: string): Promise<Loaded> => {
  const events = await services.store.readStream(citizenStream(subjectId));
  const state = foldCitizen(events.map((e) => ({ type: e.type, data: e.data }) as CitizenEvent));
  return { state, revision: events.length - 1, events };
};

// Each lost race means another change landed, so N changes at once (a company's ΑΦΜ used by several of its
// staff, a double click) need at most N - 1 retries; past this many the conflict is reported.
const APPEND_ATTEMPTS = 8;

/**
 * Who made a change, for the events' metadata: the subject itself, or (`by`) a representative acting for it,
 * named with the grant they act under.
 */
const metadataOf = (subjectId: string, by: ActingBy | null | undefined): Record<string, string> =>
  by ? { actor: `citizen:${by.subjectId}`, actingFor: `citizen:${subjectId}`, representation: by.representationId } : { actor: `citizen:${subjectId}` };

/** Decides on the current stream and appends; a concurrent change to the same account is decided again. */
const decideAndAppend = async (
  services: CitizenServices,
  subjectId: string,
  decide: (state: CitizenState, loaded: Loaded) => Promise<CitizenEvent[]> | CitizenEvent[],
  by?: ActingBy | null,
): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    const loaded = await load(services, subjectId);
    const events = await decide(loaded.state, loaded);
    if (events.length === 0) return;
    try {
      await services.store.append(
        citizenStream(subjectId),
        events.map((e) => ({ type: e.type, data: e.data, metadata: metadataOf(subjectId, by) })),
        { expectedRevision: loaded.revision < 0 ? 'no_stream' : loaded.revision },
      );
      return;
    } catch (error) {
      if (attempt + 1 >= APPEND_ATTEMPTS || !(error instanceof ExpectedRevisionConflict)) throw error;
    }
  }
};

/** The newest TaxisNet details of a stream, opened; null when none can be read. */
const latestDetails = async (services: CitizenServices, subjectId: string, events: readonly RecordedEvent[]): Promise<TaxisNetDetails | null> => {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = { type: events[i]!.type, data: events[i]!.data } as CitizenEvent;
    if ((event.type === 'CitizenRegistered' || event.type === 'CitizenLoggedIn') && event.data.sealed) {
      return services.keyring.open<TaxisNetDetails>(subjectId, event.data.sealed);
    }
  }
  return null;
};

const detailsOf = (identity: TaxisNetIdentity): TaxisNetDetails => ({
  taxid: identity.taxid,
  userId: identity.userId,
  lastName: identity.lastName,
  firstName: identity.firstName,
  fatherName: identity.fatherName,
  motherName: identity.motherName,
  birthYear: identity.birthYear,
});

const sameDetails = (a: TaxisNetDetails, b: TaxisNetDetails): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What the subject's own account says it is; null without an account (never made, or erased). */
export const accountKind = async (services: Pick<CitizenServices, 'store'>, subjectId: string): Promise<SubjectKind | null> => {
  const { state } = await load(services, subjectId);
  return state.status === 'active' ? state.kind : null;
};

/**
 * A person or company TaxisNet has just identified: their subject (made on the first login, one for an ΑΦΜ
 * even when two first logins race), a login recorded, and TaxisNet's details again when they changed.
 */
export const logIn = async (services: CitizenServices, identity: TaxisNetIdentity): Promise<{ readonly subjectId: string; readonly registered: boolean }> => {
  const subjectId = await subjectOf(services, identity.taxid);
  const details = detailsOf(identity);
  let registered = false;
  await decideAndAppend(services, subjectId, async (state, loaded) => {
    const at = nowIso(services);
    // Decided afresh on each attempt: a first login that lost the race to register is a plain login.
    registered = state.status === 'none';
    if (state.status === 'none') {
      const sealed = await services.keyring.seal(subjectId, details);
      return [...registerCitizen(state, { subjectId, kind: identity.kind, at, sealed }), ...recordLogin({ ...state, status: 'active', subjectId }, { at, changedDetails: null })];
    }
    const known = await latestDetails(services, subjectId, loaded.events);
    const changed = known && sameDetails(known, details) ? null : await services.keyring.seal(subjectId, details);
    return recordLogin(state, { at, changedDetails: changed });
  });
  return { subjectId, registered };
};

/** The account as its subject sees it; null when there is none (never made, or erased). */
export const loadAccount = async (services: Pick<CitizenServices, 'store' | 'keyring' | 'now'>, subjectId: string): Promise<AccountView | null> => {
  const { state, events } = await load(services, subjectId);
  if (state.status !== 'active' || state.kind === null) return null;
  let details: TaxisNetDetails | null = null;
  let email: string | null = null;
  let pending: { address: string; expiresAt: string; tokenHash: string } | null = null;
  let phone: string | null = null;
  let lastLoginAt: string | null = null;
  let logins = 0;
  const history: { type: string; at: string; data: Record<string, unknown> }[] = [];
  for (const recorded of events) {
    const event = { type: recorded.type, data: recorded.data } as CitizenEvent;
    const { subjectId: _subject, ...plain } = event.data as { subjectId: string; sealed?: string | null } & Record<string, unknown>;
    const opened = typeof plain.sealed === 'string' ? await services.keyring.open<Record<string, unknown>>(subjectId, plain.sealed) : null;
    const { sealed: _sealed, ...rest } = plain;
    // The link's token opens the account's e-mail change: it is not shown, even to its owner.
    const { token: _token, ...shown } = opened ?? {};
    history.push({ type: event.type, at: String(event.data.at), data: { ...rest, ...shown } });
    switch (event.type) {
      case 'CitizenRegistered':
        details = opened as unknown as TaxisNetDetails;
        break;
      case 'CitizenLoggedIn':
        logins += 1;
        lastLoginAt = event.data.at;
        if (opened) details = opened as unknown as TaxisNetDetails;
        break;
      case 'ContactEmailRequested':
        pending = opened ? { address: String(opened.email), expiresAt: event.data.expiresAt, tokenHash: event.data.tokenHash } : null;
        break;
      case 'ContactEmailVerified':
        if (pending && pending.tokenHash === event.data.tokenHash) email = pending.address;
        pending = null;
        break;
      case 'ContactEmailRemoved':
        email = null;
        pending = null;
        break;
      case 'ContactPhoneSet':
        phone = opened ? String(opened.phone) : null;
        break;
      default:
        break;
    }
  }
  // A key destroyed under a live stream (an erasure interrupted before its event) reads as no account.
  if (details === null) return null;
  const pendingEmail = pending && Date.parse(pending.expiresAt) > (services.now?.() ?? new Date()).getTime() ? { address: pending.address, expiresAt: pending.expiresAt } : null;
  return {
    subjectId,
    kind: state.kind,
    details,
    email,
    pendingEmail,
    phone,
    language: state.language,
    registeredAt: history[0]?.at ?? '',
    lastLoginAt,
    logins,
    history,
  };
};

/**
 * A company a representative acts for before it ever logged in itself: its account is opened with what the
 * grant says of it (ΑΦΜ, name), by the representative; its own first TaxisNet login later records what
 * TaxisNet says. Nothing happens when the account exists.
 */
export const openRepresentedAccount = (
  services: CitizenServices,
  companySubjectId: string,
  company: { readonly taxid: string; readonly name: string },
  by: ActingBy,
): Promise<void> =>
  decideAndAppend(
    services,
    companySubjectId,
    async (state) => {
      if (state.status !== 'none') return [];
      const details: TaxisNetDetails = { taxid: company.taxid, userId: '', lastName: company.name, firstName: '', fatherName: '', motherName: '', birthYear: null };
      return registerCitizen(state, { subjectId: companySubjectId, kind: 'company', at: nowIso(services), sealed: await services.keyring.seal(companySubjectId, details) });
    },
    by,
  );

/** Records a new address for notices, not yet verified; the outbox sends the link to it. */
export const askToVerifyEmail = async (services: CitizenServices, subjectId: string, text: string, by?: ActingBy | null): Promise<void> => {
  const email = normaliseEmail(text);
  const token = randomBytes(32).toString('base64url');
  await decideAndAppend(services, subjectId, async (state) => {
    const at = services.now?.() ?? new Date();
    const expiresAt = new Date(at.getTime() + EMAIL_LINK_HOURS * 3_600_000).toISOString();
    const sealed = await services.keyring.seal(subjectId, { email, token });
    return requestEmail(state, { at: at.toISOString(), tokenHash: sha256(token), expiresAt, sealed });
  }, by);
};

export const confirmEmail = (services: CitizenServices, subjectId: string, token: string): Promise<void> =>
  decideAndAppend(services, subjectId, (state) => verifyEmail(state, { at: nowIso(services), tokenHash: sha256(token) }));

export const forgetEmail = (services: CitizenServices, subjectId: string, by?: ActingBy | null): Promise<void> =>
  decideAndAppend(services, subjectId, (state) => removeEmail(state, { at: nowIso(services) }), by);

/** A phone for notices; an empty text removes it. Async so that a bad number rejects, as every refusal here does. */
export const changePhone = async (services: CitizenServices, subjectId: string, text: string, by?: ActingBy | null): Promise<void> => {
  const phone = text.trim() === '' ? null : normalisePhone(text);
  return decideAndAppend(
    services,
    subjectId,
    async (state) => setPhone(state, { at: nowIso(services), sealed: phone === null ? null : await services.keyring.seal(subjectId, { phone }) }),
    by,
  );
};

export const changeLanguage = (services: CitizenServices, subjectId: string, language: string, by?: ActingBy | null): Promise<void> =>
  decideAndAppend(services, subjectId, (state) => chooseLanguage(state, { at: nowIso(services), language }), by);

/**
 * Erases the account where nothing the law keeps stands against it: the erasure is recorded, the subject's
 * key destroyed (every personal field in the log becomes unreadable), the ΑΦΜ's lookup row deleted, then the
 * other rooms forget the subject (sessions, queued messages). The read models drop the subject as the
 * erasure event reaches them.
 */
export const eraseAccount = async (services: CitizenServices, subjectId: string): Promise<void> => {
  const obstacles = (await Promise.all((services.erasureObstacles ?? []).map((check) => check(subjectId)))).flat();
  await decideAndAppend(services, subjectId, (state) => eraseCitizen(state, { at: nowIso(services), obstacles }));
  await services.keyring.shred(subjectId);
  await services.client.query(`DELETE FROM ${table(services.schema, SUBJECTS)} WHERE subject_id = $1`, [subjectId]);
  for (const forget of services.onErased ?? []) await forget(subjectId);
};

/** Everything held on the subject, for "download my data" (GDPR Art. 15), as JSON. */
export const accountExport = (view: AccountView, exportedAt: string) => ({
  format: 'opendimos-personal-data/1',
  exportedAt,
  controller: { el: 'Δήμος Ληξουρίου', en: 'Municipality of Lixouri' },
  subject: { kind: view.kind, ...view.details },
  contact: { email: view.email, pendingEmail: view.pendingEmail?.address ?? null, phone: view.phone, language: view.language },
  account: { registeredAt: view.registeredAt, lastLoginAt: view.lastLoginAt, logins: view.logins },
  purposes: {
    el: 'Ταυτοποίηση μέσω TaxisNet για τις ηλεκτρονικές υπηρεσίες του Δήμου και ειδοποιήσεις στα στοιχεία επικοινωνίας που δώσατε (ΓΚΠΔ άρθρο 6 παρ. 1 ε).',
    en: "Identification through TaxisNet for the Municipality's online services, and notices to the contact details you gave (GDPR Art. 6(1)(e)).",
  },
  history: view.history,
});
