// The line to the service, as commands on a thread's personal stream: the supplier opens a thread on one of
// its own documents (a commitment, payment order or payment of its ΑΦΜ in the ledger, found by ΑΔΑ or number)
// and writes in it; the finance department's staff reply, close and reopen. Files are checked before anything
// is kept, and kept before the event that names them; the text is sealed with the company's key. Another
// supplier's thread is not found, whatever the action.
import { randomUUID } from 'node:crypto';
import type { ThreadAttachment, ThreadAuthor, ThreadEvent, ThreadState, ThreadTopic } from '../../domain/index.ts';
import { closeThread, einvoicesErrors, foldThread, messageText, openThread, postMessage, reopenThread, supplierThreadStream } from '../../domain/index.ts';
import type { ExpectedRevision } from '../../eventstore/port.ts';
import { invoicesOf } from '../../projections/einvoices/index.ts';
import { supplierStatement } from '../../projections/suppliers/index.ts';
import type { SupplierPortalServices, SupplierSession } from '../suppliers/index.ts';
import type { SentFile } from './threadFiles.ts';
import { checkThreadFiles, dropThreadFiles, keepThreadFiles } from './threadFiles.ts';

/** What a supplier writes: the text and the files sent with it. */
export interface Writing {
  readonly text: string;
  readonly files: readonly SentFile[];
}

const nowOf = (services: Pick<SupplierPortalServices, 'now'>): Date => services.now?.() ?? new Date();

const normalised = (raw: string): string => raw.normalize('NFC').trim().toUpperCase().replace(/\s+/g, '');

/**
 * The document of the session's own ΑΦΜ the supplier names: a commitment, order or payment of the ledger by its
 * ΑΔΑ or its number (the latest year's when numbers repeat across years), else an e-invoice it sent, by its
 * number; another ΑΦΜ's, or none, is refused the same way.
 */
export const topicOf = async (services: SupplierPortalServices, who: SupplierSession, document: string): Promise<ThreadTopic> => {
  const wanted = normalised(document);
  if (wanted === '') throw einvoicesErrors.OD_SUPPLIER_THREAD_TOPIC_UNKNOWN();
  const years = await supplierStatement(services.client, services.schema, who.afm);
  for (const y of [...years].sort((a, b) => b.year - a.year)) {
    const found = y.documents.find((d) => (d.ada !== null && normalised(d.ada) === wanted) || normalised(d.document) === wanted);
    if (found) return { kind: found.type, ref: found.document, ada: found.ada, year: y.year };
  }
  const invoice = (await invoicesOf(services.client, services.schema, who.subjectId)).find((i) => normalised(i.number) === wanted);
  if (invoice) return { kind: 'invoice', ref: invoice.number, ada: null, year: invoice.year };
  throw einvoicesErrors.OD_SUPPLIER_THREAD_TOPIC_UNKNOWN();
};

interface Loaded {
  readonly state: ThreadState;
  readonly revision: ExpectedRevision;
}

const loadThread = async (services: SupplierPortalServices, threadId: string): Promise<Loaded> => {
  const recorded = await services.store.readStream(supplierThreadStream(threadId));
  const state = foldThread(recorded.map((e) => ({ type: e.type, data: e.data }) as ThreadEvent));
  return { state, revision: recorded.length === 0 ? 'no_stream' : recorded[recorded.length - 1]!.revision };
};

const appendThread = async (services: SupplierPortalServices, threadId: string, events: readonly ThreadEvent[], revision: ExpectedRevision, actor: string): Promise<void> => {
  await services.store.append(
    supplierThreadStream(threadId),
    events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { actor } })),
    { expectedRevision: revision },
  );
};

/** Files checked, the text checked and sealed, the files kept; on a refusal of the decision, the files go again. */
const withMessage = async (
  services: SupplierPortalServices,
  owner: { readonly subjectId: string; readonly threadId: string },
  author: ThreadAuthor,
  writing: Writing,
  decide: (message: { messageId: string; author: ThreadAuthor; sealed: string; attachments: ThreadAttachment[]; at: string }) => Promise<void>,
): Promise<void> => {
  const text = messageText(writing.text);
  const checked = await checkThreadFiles(writing.files);
  const sealed = await services.keyring.seal(owner.subjectId, { text });
  const attachments = await keepThreadFiles(services.client, services.schema, owner, checked);
  try {
    await decide({ messageId: randomUUID(), author, sealed, attachments, at: nowOf(services).toISOString() });
  } catch (error) {
    await dropThreadFiles(services.client, services.schema, attachments.map((a) => a.fileId));
    throw error;
  }
};

export const openSupplierThread = async (services: SupplierPortalServices, who: SupplierSession, input: Writing & { readonly document: string }): Promise<{ readonly id: string }> => {
  const topic = await topicOf(services, who, input.document);
  const threadId = randomUUID();
  await withMessage(services, { subjectId: who.subjectId, threadId }, { side: 'supplier' }, input, async (first) => {
    await appendThread(services, threadId, openThread({ status: 'none' }, { threadId, subjectId: who.subjectId, sellerTaxid: who.afm, topic, first }), 'no_stream', who.actor);
  });
  return { id: threadId };
};

/** The thread, if it is the session's own; another's is not found. */
const ownThread = async (services: SupplierPortalServices, who: SupplierSession, threadId: string): Promise<Loaded> => {
  const loaded = await loadThread(services, threadId);
  if (loaded.state.status === 'none' || loaded.state.subjectId !== who.subjectId) throw einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN();
  return loaded;
};

export const postSupplierMessage = async (services: SupplierPortalServices, who: SupplierSession, threadId: string, writing: Writing): Promise<void> => {
  const { state, revision } = await ownThread(services, who, threadId);
  if (state.status === 'none') throw einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN();
  await withMessage(services, { subjectId: state.subjectId, threadId }, { side: 'supplier' }, writing, (message) => appendThread(services, threadId, postMessage(state, message), revision, who.actor));
};

/** A staff member of the finance department acting on a thread: `staff:<id>` is the events' actor. */
export interface OfficeActor {
  readonly staffId: string;
}

const officeThread = async (services: SupplierPortalServices, threadId: string): Promise<Loaded & { readonly subjectId: string }> => {
  const loaded = await loadThread(services, threadId);
  if (loaded.state.status === 'none') throw einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN();
  return { ...loaded, subjectId: loaded.state.subjectId };
};

export const replyAsOffice = async (services: SupplierPortalServices, staff: OfficeActor, threadId: string, writing: Writing): Promise<void> => {
  const { state, revision, subjectId } = await officeThread(services, threadId);
  // Refused before any file is kept: the office does not write in a closed thread.
  postMessage(state, { messageId: '', author: { side: 'office', staffId: staff.staffId }, sealed: '', attachments: [], at: '' });
  await withMessage(services, { subjectId, threadId }, { side: 'office', staffId: staff.staffId }, writing, (message) =>
    appendThread(services, threadId, postMessage(state, message), revision, `staff:${staff.staffId}`),
  );
};

export const closeAsOffice = async (services: SupplierPortalServices, staff: OfficeActor, threadId: string): Promise<void> => {
  const { state, revision } = await officeThread(services, threadId);
  await appendThread(services, threadId, closeThread(state, { staffId: staff.staffId, at: nowOf(services).toISOString() }), revision, `staff:${staff.staffId}`);
};

export const reopenAsOffice = async (services: SupplierPortalServices, staff: OfficeActor, threadId: string): Promise<void> => {
  const { state, revision } = await officeThread(services, threadId);
  await appendThread(services, threadId, reopenThread(state, { staffId: staff.staffId, at: nowOf(services).toISOString() }), revision, `staff:${staff.staffId}`);
};
