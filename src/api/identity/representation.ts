// Legal representation as the identity context's application service: staff with the admin role record a
// grant (the company, its representative, the basis and evidence, the days) and revoke it; a representative
// sees the companies they may act for today and starts acting for one. Decisions are the domain's, on the
// company's own stream; the read model (projections/identity) only lists. Each grant and revocation is also
// a row of the staff's audit trail, and a revocation ends every session acting under it on every node.
import { randomUUID } from 'node:crypto';
import type { CalendarDay, Grant, GrantInput, RepresentationEvent, RepresentationState } from '../../domain/index.ts';
import {
  actingGrant,
  checkGrant,
  decideGrant,
  foldRepresentation,
  grantEvent,
  grantHolds,
  identityErrors,
  noRepresentation,
  representationStream,
  revokeRepresentation as revoke,
  sealedParts,
} from '../../domain/index.ts';
import { ExpectedRevisionConflict } from '../../eventstore/errors.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { RepresentationRecord } from '../../projections/identity/index.ts';
import { representationRecord, representationsOf } from '../../projections/identity/index.ts';
import { table } from '../../projections/shared/tables.ts';
import { endSessionsActingUnder } from '../shared/sessions/index.ts';
import { STAFF_AUDIT } from '../shared/staff/index.ts';
import type { CitizenServices } from './account.ts';
import { accountKind, displayName, loadAccount, openRepresentedAccount } from './account.ts';
import { knownSubjectOf, subjectOf } from './subjects.ts';

export type RepresentationServices = Pick<CitizenServices, 'store' | 'client' | 'schema' | 'keyring' | 'now'>;

const MUNICIPAL_TIME_ZONE = 'Europe/Athens';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: MUNICIPAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day it is at the town hall (Europe/Athens), `YYYY-MM-DD`: grants hold by whole days there. */
export const municipalDay = (at: Date): CalendarDay => dayFormat.format(at);

/** The first instant after the day at the town hall: midnight in Athens, 21:00 or 22:00 UTC (summer, winter). */
export const endOfMunicipalDay = (day: CalendarDay): Date => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const summer = new Date(Date.UTC(y, m - 1, d + 1) - 3 * 3_600_000);
  return municipalDay(summer) === day ? new Date(summer.getTime() + 3_600_000) : summer;
};

const nowOf = (services: RepresentationServices): Date => services.now?.() ?? new Date();

interface Loaded {
  readonly state: RepresentationState;
  readonly revision: number;
}

const loadCompany = async (services: RepresentationServices, companySubjectId: string | null): Promise<Loaded> => {
  if (companySubjectId === null) return { state: noRepresentation, revision: -1 };
  const events = await services.store.readStream(representationStream(companySubjectId));
  return { state: foldRepresentation(events.map((e) => ({ type: e.type, data: e.data }) as RepresentationEvent)), revision: events.length - 1 };
};

const kindOf = (services: RepresentationServices, subjectId: string | null) => (subjectId === null ? Promise.resolve(null) : accountKind(services, subjectId));

/** A row of the staff's audit trail for what a member did to whose data. */
const audit = (db: SqlExecutor, schema: string, entry: { readonly eventId: string; readonly staffId: string; readonly action: string; readonly subject: string; readonly at: string; readonly detail: Record<string, string> }) =>
  db.query(
    `INSERT INTO ${table(schema, STAFF_AUDIT)} (event_id, at, actor, action, staff_id, subject, detail) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
    [entry.eventId, entry.at, `staff:${entry.staffId}`, entry.action, entry.staffId, entry.subject, JSON.stringify(entry.detail)],
  );

// As for accounts: each lost race means another change to the company's stream landed.
const APPEND_ATTEMPTS = 8;

/**
 * Records that a person represents a company, as a member of staff read it from the evidence. Everything is
 * decided before anything is written: a refusal (a bad ΑΦΜ, a company representing, a duplicate) leaves no
 * subject, key, event or audit row behind.
 */
export const grantRepresentation = async (
  services: RepresentationServices,
  input: GrantInput,
  staffId: string,
): Promise<{ readonly representationId: string; readonly companySubjectId: string; readonly representativeSubjectId: string }> => {
  const now = nowOf(services);
  const terms = checkGrant(input, municipalDay(now));
  const representationId = randomUUID();
  for (let attempt = 0; ; attempt++) {
    const knownCompany = await knownSubjectOf(services, terms.companyTaxid);
    const knownRepresentative = await knownSubjectOf(services, terms.representativeTaxid);
    const loaded = await loadCompany(services, knownCompany);
    decideGrant(loaded.state, {
      terms,
      representativeSubjectId: knownRepresentative,
      companyKind: await kindOf(services, knownCompany),
      representativeKind: await kindOf(services, knownRepresentative),
    });
    const companySubjectId = knownCompany ?? (await subjectOf(services, terms.companyTaxid));
    const representativeSubjectId = knownRepresentative ?? (await subjectOf(services, terms.representativeTaxid));
    const parts = sealedParts(terms);
    const event = grantEvent({
      terms,
      representationId,
      companySubjectId,
      representativeSubjectId,
      grantedBy: `staff:${staffId}`,
      at: now.toISOString(),
      sealed: await services.keyring.seal(companySubjectId, parts.company),
      representativeSealed: await services.keyring.seal(representativeSubjectId, parts.representative),
    });
    const eventId = randomUUID();
    try {
      await services.store.append(representationStream(companySubjectId), [{ id: eventId, type: event.type, data: event.data, metadata: { actor: `staff:${staffId}` } }], {
        expectedRevision: loaded.revision < 0 ? 'no_stream' : loaded.revision,
      });
    } catch (error) {
      if (attempt + 1 >= APPEND_ATTEMPTS || !(error instanceof ExpectedRevisionConflict)) throw error;
      continue;
    }
    await audit(services.client, services.schema, {
      eventId,
      staffId,
      action: event.type,
      subject: companySubjectId,
      at: event.data.at,
      detail: { representationId, representative: representativeSubjectId },
    });
    return { representationId, companySubjectId, representativeSubjectId };
  }
};

/** Revokes a grant; every session acting under it ends at once. */
export const revokeRepresentation = async (services: RepresentationServices, representationId: string, staffId: string): Promise<void> => {
  const record = await representationRecord(services.client, services.schema, representationId);
  if (!record) throw identityErrors.OD_REPRESENTATION_UNKNOWN();
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadCompany(services, record.companySubjectId);
    const at = nowOf(services).toISOString();
    const [event] = revoke(loaded.state, { companySubjectId: record.companySubjectId, representationId, revokedBy: `staff:${staffId}`, at });
    const eventId = randomUUID();
    try {
      await services.store.append(representationStream(record.companySubjectId), [{ id: eventId, type: event!.type, data: event!.data, metadata: { actor: `staff:${staffId}` } }], {
        expectedRevision: loaded.revision,
      });
    } catch (error) {
      if (attempt + 1 >= APPEND_ATTEMPTS || !(error instanceof ExpectedRevisionConflict)) throw error;
      continue;
    }
    await endSessionsActingUnder(services.client, services.schema, representationId);
    await audit(services.client, services.schema, {
      eventId,
      staffId,
      action: event!.type,
      subject: record.companySubjectId,
      at,
      detail: { representationId, representative: record.representativeSubjectId },
    });
    return;
  }
};

const asGrant = (r: RepresentationRecord): Grant => ({
  representationId: r.representationId,
  representativeSubjectId: r.representativeSubjectId,
  validFrom: r.validFrom,
  validUntil: r.validUntil,
  revoked: r.revokedAt !== null,
});

/** The companies the person may act for today: their own grants only, from the session's subject. */
export const companiesRepresentedBy = async (services: RepresentationServices, representativeSubjectId: string): Promise<readonly RepresentationRecord[]> => {
  const today = municipalDay(nowOf(services));
  return (await representationsOf(services.client, services.schema, representativeSubjectId)).filter((r) => grantHolds(asGrant(r), today));
};

export interface ActingStart {
  readonly companySubjectId: string;
  /** The company's name as its account shows it. */
  readonly companyName: string;
  /** When the session must end with the grant; null: it holds until revoked. */
  readonly endsAt: Date | null;
}

/**
 * A representative starts acting for the company under a grant: decided on the company's stream (the grant
 * theirs, not revoked, holding today), the company's account opened if it never logged in itself.
 */
export const startActingFor = async (services: CitizenServices, representativeSubjectId: string, representationId: string): Promise<ActingStart> => {
  const record = await representationRecord(services.client, services.schema, representationId);
  if (!record || record.representativeSubjectId !== representativeSubjectId) throw identityErrors.OD_REPRESENTATION_NOT_ACTIVE();
  const { state } = await loadCompany(services, record.companySubjectId);
  const grant = actingGrant(state, { representationId, representativeSubjectId, today: municipalDay(nowOf(services)) });
  const by = { subjectId: representativeSubjectId, representationId };
  await openRepresentedAccount(services, record.companySubjectId, { taxid: record.companyTaxid, name: record.companyName }, by);
  const company = await loadAccount(services, record.companySubjectId);
  if (!company) throw identityErrors.OD_ACCOUNT_UNKNOWN();
  return { companySubjectId: record.companySubjectId, companyName: displayName(company), endsAt: grant.validUntil === null ? null : endOfMunicipalDay(grant.validUntil) };
};
