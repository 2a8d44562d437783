// Issuing an approved application's document: a number of the year's protocol, the PDF laid out by the
// site's renderer, signed (PAdES) with the municipality's certificate, kept, and its digest made public.
// The protocol register is one stream per year whose revision is the number: taken at the revision last
// seen, so two issuers (two nodes) can never take the same number and none is skipped. A number taken by a
// process that then died before the document was kept stays in the register, naming its document id; the
// register has no gap, and the document simply does not exist (the verify page answers "unknown").
import { createHash, randomUUID } from 'node:crypto';
import type { Application, IssuedDetails, ServiceDefinition } from '../../domain/index.ts';
import { applicationsErrors, recordDocument, streams } from '../../domain/index.ts';
import { isExpectedRevisionConflict } from '../../eventstore/errors.ts';
import { table } from '../../projections/shared/tables.ts';
import { displayName, loadAccount } from '../identity/index.ts';
import { athensDateOf } from '../debts/index.ts';
import type { DocumentContent } from './documentContent.ts';
import type { ApplicationsServices } from './services.ts';
import { nowOf } from './services.ts';
import { loadApplication } from './stream.ts';
import { ISSUED_FILES } from './tables.ts';
import { codeHashOf, newVerificationCode, normalisedCode } from './verificationCode.ts';

/** The last revision seen of each year's register, per process: the next number is tried there first. */
const lastSeen = new Map<string, number>();
/** One issuer at a time per year in a process: contention is then only between nodes. */
const queues = new Map<string, Promise<unknown>>();

const serialised = <T>(key: string, work: () => Promise<T>): Promise<T> => {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(key, next.catch(() => undefined));
  return next;
};

/** Takes the next protocol number of `year` for the document. */
export const takeProtocolNumber = (services: Pick<ApplicationsServices, 'store'>, year: number, documentId: string, service: string, at: string): Promise<number> => {
  const stream = streams.protocol(year);
  return serialised(stream, async () => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      let revision = lastSeen.get(stream) ?? -1;
      if (attempt > 0 || !lastSeen.has(stream)) {
        const tail = await services.store.readStream(stream, { fromRevision: revision + 1 });
        revision = tail.at(-1)?.revision ?? revision;
      }
      const protocolNumber = revision + 2;
      try {
        await services.store.append(stream, [{ type: 'ProtocolNumberAssigned', data: { year, protocolNumber, documentId, service, at }, metadata: { actor: 'applications' } }], {
          expectedRevision: revision < 0 ? 'no_stream' : revision,
        });
        lastSeen.set(stream, revision + 1);
        return protocolNumber;
      } catch (error) {
        if (!isExpectedRevisionConflict(error)) throw error;
        lastSeen.delete(stream);
      }
    }
    throw new Error(`protocol ${stream}: no number after 50 attempts`);
  });
};

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export interface Issued {
  readonly documentId: string;
  readonly sha256: string;
  readonly verificationCode: string;
}

/**
 * Issues the document of an approved application and answers it; an application whose document is already
 * issued answers that one (a retry issues nothing twice).
 */
export const issueDocument = async (
  services: ApplicationsServices,
  service: ServiceDefinition,
  applicationId: string,
  values: Readonly<Record<string, string>>,
  facts: DocumentContent['facts'],
): Promise<Issued> => {
  const { state, revision } = await loadApplication(services.store, applicationId);
  if (state.submitted === null) throw applicationsErrors.OD_APPLICATION_UNKNOWN();
  if (state.status === 'issued' && state.documentId) return issuedOf(services, state);
  if (state.status !== 'approved') throw applicationsErrors.OD_APPLICATION_NOT_APPROVED();
  const subjectId = state.submitted.subjectId;
  const account = await loadAccount(services, subjectId);
  const holder = { kind: state.submitted.applicantKind, name: account ? displayName(account) : '', taxid: account?.details.taxid ?? '' };
  const issuedAt = nowOf(services);
  const year = Number(athensDateOf(issuedAt).slice(0, 4));
  const documentId = randomUUID();
  const protocolNumber = await takeProtocolNumber(services, year, documentId, service.code, issuedAt.toISOString());
  const verificationCode = newVerificationCode();
  const unsigned = await services.render({
    service,
    year,
    protocolNumber,
    issuedAt,
    holder,
    values,
    facts,
    verificationCode,
    verifyUrl: `${services.publicUrl.replace(/\/$/, '')}/verify/${verificationCode}`,
    developmentSignature: services.signer.development,
  });
  const signed = await services.signer.sign(unsigned, {
    reason: `${service.document.title.el} / ${service.document.title.en}`,
    location: 'Ληξούρι / Lixouri',
    name: services.signer.signer.commonName,
  });
  const sha256 = sha256Of(signed);
  await services.client.query(`INSERT INTO ${table(services.schema, ISSUED_FILES)} (document_id, application_id, subject_id, pdf) VALUES ($1, $2, $3, $4)`, [
    documentId,
    applicationId,
    subjectId,
    Buffer.from(signed),
  ]);
  const details: IssuedDetails = { verificationCode, holder: holder.name };
  const events = recordDocument(state, {
    documentId,
    year,
    protocolNumber,
    sha256,
    codeHash: codeHashOf(services.keyring, normalisedCode(verificationCode)!),
    issuedAt: issuedAt.toISOString(),
    sealed: await services.keyring.seal(subjectId, details),
  });
  // The personal record and the public digest in one unit: never a public digest without its application.
  await services.store.appendMany([
    { stream: streams.application(applicationId), events: events.map((e) => ({ type: e.type, data: e.data, metadata: { actor: 'applications' } })), expectedRevision: revision },
    {
      stream: streams.document(documentId),
      expectedRevision: 'no_stream',
      events: [
        {
          type: 'DocumentIssued',
          data: { documentId, service: service.code, year, protocolNumber, sha256, issuedAt: issuedAt.toISOString(), developmentSignature: services.signer.development },
          metadata: { actor: 'applications' },
        },
      ],
    },
  ]);
  return { documentId, sha256, verificationCode };
};

const issuedOf = async (services: ApplicationsServices, state: Application): Promise<Issued> => {
  const events = await services.store.readStream(streams.application(state.submitted!.applicationId));
  const issued = events.find((e) => e.type === 'ApplicationDocumentIssued')!.data as { documentId: string; sha256: string; sealed: string };
  const details = await services.keyring.open<IssuedDetails>(state.submitted!.subjectId, issued.sealed);
  return { documentId: issued.documentId, sha256: issued.sha256, verificationCode: details?.verificationCode ?? '' };
};

/** The signed PDF of a document, only to its holder (a citizen's session) or to staff (`subjectId` null). */
export const issuedPdf = async (services: Pick<ApplicationsServices, 'client' | 'schema'>, applicationId: string, subjectId: string | null): Promise<Buffer | null> => {
  const [row] = await services.client.query<{ pdf: Buffer | Uint8Array }>(
    `SELECT pdf FROM ${table(services.schema, ISSUED_FILES)} WHERE application_id = $1 AND ($2::text IS NULL OR subject_id = $2)`,
    [applicationId, subjectId],
  );
  return row ? Buffer.from(row.pdf) : null;
};
