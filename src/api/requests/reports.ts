// «Αναφορά προβλήματος» from the site, as an application service: a report is checked, kept as a sealed
// draft (under the citizen's own subject, or a fresh one for a citizen without an account) while the nearby
// requests are shown, then recorded — at once for a TaxisNet account, or for anyone else only once the link
// sent to their e-mail is opened (nothing is public before). Against floods: at most so many reports waiting
// per e-mail a day and per client address an hour, and the same report again within minutes is the one
// already waiting. Every lookup of an e-mail, an address or a report's content goes by a keyed hash.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ReporterContact, RequestLocation, RequestType } from '../../domain/index.ts';
import { initialRequest, streams, submitRequest } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { EventStore } from '../../eventstore/port.ts';
import type { SqlClient, SqlExecutor } from '../../eventstore/sql/client.ts';
import { enqueueMessages, renderEmail } from '../../notify/index.ts';
import { table } from '../../projections/shared/tables.ts';
import { requestTypeOf } from './catalogue.ts';
import type { Photo } from './photos.ts';
import { dropPhotos, photoUrl, publishPhotos, storePhotos } from './photos.ts';
import { reportErrors } from './reportErrors.ts';
import { PENDING_REPORTS } from './reportTables.ts';

/** How long the e-mail link holds, as the account's own e-mail link. */
export const REPORT_LINK_HOURS = 24;
/** A draft waits this long for «no, it is another». */
const DRAFT_MINUTES = 60;
/** An expired row is kept (unreadable: its key is destroyed) this long, so its link says «expired», not «unknown». */
const EXPIRED_KEPT_DAYS = 7;
/** The same report again within this time is the one already waiting. */
export const SAME_REPORT_MINUTES = 10;

export interface ReportLimits {
  /** Reports waiting for their link, per e-mail address, in 24 hours. */
  readonly perEmailPerDay: number;
  /** Reports without an account, per client address, in an hour. */
  readonly perClientPerHour: number;
}

export const DEFAULT_REPORT_LIMITS: ReportLimits = { perEmailPerDay: 5, perClientPerHour: 10 };

export interface ReportServices {
  readonly store: EventStore;
  readonly client: SqlClient;
  readonly schema: string;
  readonly keyring: Keyring;
  readonly publicUrl: string;
  readonly types: readonly RequestType[];
  readonly now?: () => Date;
  readonly limits?: ReportLimits;
}

/** What the citizen wrote, checked: sealed whole while it waits. */
export interface ReportDraft {
  readonly serviceCode: string;
  readonly description: string;
  readonly location: RequestLocation;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly photos: number;
  readonly contact: ReporterContact;
  readonly lang: 'el' | 'en';
}

export interface PendingReport {
  readonly requestId: string;
  readonly subjectId: string;
  readonly account: boolean;
  readonly stage: 'draft' | 'pending';
  readonly draft: ReportDraft;
}

interface Row {
  request_id: string;
  subject_id: string;
  account: boolean;
  stage: 'draft' | 'pending';
  sealed: string;
  expires_at: Date | string;
}

const nowOf = (s: ReportServices): Date => s.now?.() ?? new Date();
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');
const pending = (s: ReportServices): string => table(s.schema, PENDING_REPORTS);
const limitsOf = (s: ReportServices): ReportLimits => s.limits ?? DEFAULT_REPORT_LIMITS;

export const clientHash = (s: ReportServices, address: string): string => s.keyring.lookupHash('report-client', address);
const emailHash = (s: ReportServices, email: string): string => s.keyring.lookupHash('report-email', email.toLowerCase());

/** The same problem at the same spot: the type, the words (case and spaces aside) and the place to about 10 m. */
const fingerprintOf = (s: ReportServices, d: ReportDraft): string =>
  s.keyring.lookupHash(
    'report-fingerprint',
    JSON.stringify([d.serviceCode, d.description.toLowerCase().replace(/\s+/g, ' '), d.location.lat?.toFixed(4) ?? null, d.location.long?.toFixed(4) ?? null, d.location.address?.toLowerCase() ?? null]),
  );

const count = async (db: SqlExecutor, sql: string, params: readonly unknown[]): Promise<number> => Number((await db.query<{ n: string | number }>(sql, params))[0]?.n ?? 0);

/**
 * A citizen without an account may send one more: the limits per client address (an hour) and per e-mail (a
 * day); throws the refusal otherwise. Checked before any photo is decoded, so a flood costs little.
 */
export const checkReportLimits = async (s: ReportServices, client: string, email: string | null): Promise<void> => {
  const at = nowOf(s).getTime();
  const limits = limitsOf(s);
  const fromClient = await count(s.client, `SELECT count(*) AS n FROM ${pending(s)} WHERE client_hash = $1 AND NOT account AND created_at > $2`, [client, new Date(at - 3_600_000).toISOString()]);
  if (fromClient >= limits.perClientPerHour) throw reportErrors.OD_REPORT_TOO_MANY_FROM_ADDRESS({ max: limits.perClientPerHour });
  if (email === null) return;
  const forEmail = await count(s.client, `SELECT count(*) AS n FROM ${pending(s)} WHERE email_hash = $1 AND stage = 'pending' AND created_at > $2`, [emailHash(s, email), new Date(at - 86_400_000).toISOString()]);
  if (forEmail >= limits.perEmailPerDay) throw reportErrors.OD_REPORT_TOO_MANY_FOR_EMAIL({ max: limits.perEmailPerDay });
};

/** The report already waiting for its link with the same content, sent within SAME_REPORT_MINUTES; null if none. */
export const sameWaitingReport = async (s: ReportServices, draft: ReportDraft): Promise<string | null> => {
  const since = new Date(nowOf(s).getTime() - SAME_REPORT_MINUTES * 60_000).toISOString();
  const [row] = await s.client.query<{ request_id: string }>(`SELECT request_id FROM ${pending(s)} WHERE fingerprint = $1 AND stage = 'pending' AND NOT account AND created_at > $2 LIMIT 1`, [
    fingerprintOf(s, draft),
    since,
  ]);
  return row?.request_id ?? null;
};

/**
 * Keeps the report as a draft with its photos: under `subjectId` for an account, else a fresh subject of its
 * own (erasing it shreds only this report's contact). Answers the request's id and the draft's token.
 */
export const saveDraft = async (
  s: ReportServices,
  report: { readonly draft: ReportDraft; readonly photos: readonly Photo[]; readonly accountSubjectId: string | null; readonly client: string },
): Promise<{ readonly requestId: string; readonly token: string }> => {
  await purgeExpiredReports(s);
  const at = nowOf(s);
  const requestId = randomUUID();
  const subjectId = report.accountSubjectId ?? randomUUID();
  const token = newToken();
  await s.client.transaction(async (tx) => {
    const sealed = await s.keyring.seal(subjectId, report.draft, tx);
    await tx.query(
      `INSERT INTO ${pending(s)} (request_id, subject_id, account, stage, token_hash, sealed, email_hash, client_hash, fingerprint, created_at, expires_at)
       VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10)`,
      [
        requestId,
        subjectId,
        report.accountSubjectId !== null,
        sha256(token),
        sealed,
        report.draft.contact.email === null ? null : emailHash(s, report.draft.contact.email),
        report.client,
        fingerprintOf(s, report.draft),
        at.toISOString(),
        new Date(at.getTime() + DRAFT_MINUTES * 60_000).toISOString(),
      ],
    );
    await storePhotos(tx, s.schema, requestId, report.photos);
  });
  return { requestId, token };
};

export type Found = { readonly kind: 'found'; readonly report: PendingReport } | { readonly kind: 'expired' } | { readonly kind: 'unknown' };

/** The report a token opens (a draft's, or an e-mail link's), or why none. */
export const reportOfToken = async (s: ReportServices, token: string, stage: 'draft' | 'pending'): Promise<Found> => {
  if (token.length < 20 || token.length > 100) return { kind: 'unknown' };
  const [row] = await s.client.query<Row>(`SELECT request_id, subject_id, account, stage, sealed, expires_at FROM ${pending(s)} WHERE token_hash = $1 AND stage = $2`, [sha256(token), stage]);
  if (!row) return { kind: 'unknown' };
  if (new Date(row.expires_at).getTime() <= nowOf(s).getTime()) return { kind: 'expired' };
  const draft = await s.keyring.open<ReportDraft>(row.subject_id, row.sealed);
  if (!draft) return { kind: 'expired' };
  return { kind: 'found', report: { requestId: row.request_id, subjectId: row.subject_id, account: row.account, stage: row.stage, draft } };
};

/**
 * A draft of a citizen without an account goes on to wait for its link: a new token (the draft's is spent),
 * REPORT_LINK_HOURS to open it, and the e-mail in the outbox, in one transaction.
 */
export const askForConfirmation = async (s: ReportServices, report: PendingReport): Promise<void> => {
  const email = report.draft.contact.email;
  if (email === null) throw reportErrors.OD_REPORT_EMAIL_REQUIRED();
  const at = nowOf(s);
  const token = newToken();
  const lang = report.draft.lang;
  const link = `${s.publicUrl}${lang === 'en' ? '/en' : ''}/requests/confirm?token=${token}`;
  const type = requestTypeOf(s.types, report.draft.serviceCode);
  const name = type?.name ?? { el: report.draft.serviceCode, en: report.draft.serviceCode };
  await s.client.transaction(async (tx) => {
    await tx.query(`UPDATE ${pending(s)} SET stage = 'pending', token_hash = $2, expires_at = $3 WHERE request_id = $1`, [
      report.requestId,
      sha256(token),
      new Date(at.getTime() + REPORT_LINK_HOURS * 3_600_000).toISOString(),
    ]);
    await enqueueMessages(
      tx,
      s.schema,
      [
        {
          key: `report-confirm:${report.requestId}`,
          channel: 'email',
          subjectId: report.subjectId,
          to: email,
          email: renderEmail({
            el: {
              subject: `Επιβεβαιώστε την αναφορά σας «${name.el}»`,
              greeting: 'Καλημέρα σας,',
              paragraphs: [
                `Λάβαμε την αναφορά σας «${name.el}» στην ηλεκτρονική πύλη του Δήμου Ληξουρίου. Για να καταχωριστεί και να τη δει η υπηρεσία, ανοίξτε τον σύνδεσμο μέσα σε ${REPORT_LINK_HOURS} ώρες και πατήστε «Επιβεβαίωση».`,
                'Αν δεν την κάνατε εσείς, αγνοήστε αυτό το μήνυμα: δεν θα καταχωριστεί τίποτα.',
              ],
              action: { label: 'Επιβεβαίωση της αναφοράς', url: link },
              signature: 'Δήμος Ληξουρίου',
            },
            en: {
              subject: `Confirm your report "${name.en}"`,
              greeting: 'Hello,',
              paragraphs: [
                `We received your report "${name.en}" on the Municipality of Lixouri's online portal. For it to be recorded and seen by the service, open the link within ${REPORT_LINK_HOURS} hours and press "Confirm".`,
                'If it was not you, ignore this message: nothing will be recorded.',
              ],
              action: { label: 'Confirm the report', url: link },
              signature: 'Municipality of Lixouri',
            },
          }),
        },
      ],
      at,
    );
  });
};

/** Takes a waiting report out of the table (once: a second taker finds nothing). */
const claim = async (s: ReportServices, requestId: string): Promise<boolean> =>
  (await s.client.query(`DELETE FROM ${pending(s)} WHERE request_id = $1 RETURNING request_id`, [requestId])).length === 1;

/**
 * Records the report: RequestSubmitted (its first photo's address as media_url) and ReporterRecorded with the
 * contact sealed under the report's subject (`account: true` for a TaxisNet account's), its photos shown.
 * False when another request took it first (a double click).
 */
export const recordReport = async (s: ReportServices, report: PendingReport, actor: string): Promise<boolean> => {
  if (!(await claim(s, report.requestId))) return false;
  const { draft, requestId, subjectId } = report;
  const type = requestTypeOf(s.types, draft.serviceCode);
  if (!type) throw new Error(`recordReport: the request type ${draft.serviceCode} is no longer in the catalogue`);
  const at = nowOf(s);
  const events = submitRequest(initialRequest(), {
    requestId,
    serviceCode: type.code,
    description: draft.description,
    ...draft.location,
    mediaUrl: draft.photos > 0 ? photoUrl(s.publicUrl, requestId, 1) : null,
    attributes: draft.attributes,
    agency: `${type.agency.el} / ${type.agency.en}`,
    requestedAt: at.toISOString(),
    expectedAt: type.expectedDays === null ? null : new Date(at.getTime() + type.expectedDays * 86_400_000).toISOString(),
  });
  await s.store.append(streams.request(requestId), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor } })), { expectedRevision: 'no_stream' });
  const sealed = await s.keyring.seal(subjectId, draft.contact);
  await s.store.append(
    streams.reporter(requestId),
    [{ type: 'ReporterRecorded', data: { requestId, subjectId, at: at.toISOString(), sealed, ...(report.account ? { account: true as const } : {}) }, metadata: { actor } }],
    { expectedRevision: 'no_stream' },
  );
  await publishPhotos(s.client, s.schema, requestId, at);
  return true;
};

/**
 * Forgets what expired: a report's key is destroyed at once (its content unreadable) and its photos deleted;
 * the row itself stays EXPIRED_KEPT_DAYS so that its link says it expired.
 */
export const purgeExpiredReports = async (s: ReportServices): Promise<void> => {
  const at = nowOf(s);
  const expired = await s.client.query<{ request_id: string; subject_id: string; account: boolean }>(
    `UPDATE ${pending(s)} SET sealed = '' WHERE expires_at <= $1 AND sealed <> '' RETURNING request_id, subject_id, account`,
    [at.toISOString()],
  );
  for (const row of expired) {
    if (!row.account) await s.keyring.shred(row.subject_id);
    await dropPhotos(s.client, s.schema, row.request_id);
  }
  await s.client.query(`DELETE FROM ${pending(s)} WHERE expires_at <= $1`, [new Date(at.getTime() - EXPIRED_KEPT_DAYS * 86_400_000).toISOString()]);
};

/** A draft left (the citizen supported another request instead): gone, with its photos. */
export const dropDraft = async (s: ReportServices, report: PendingReport): Promise<void> => {
  if (!(await claim(s, report.requestId))) return;
  await dropPhotos(s.client, s.schema, report.requestId);
  if (!report.account) await s.keyring.shred(report.subjectId);
};
