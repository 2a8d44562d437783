// A line to the service (γραμμή επικοινωνίας): one thread per document (a commitment, payment order or payment
// of the supplier's ΑΦΜ, or an invoice it sent) between a supplier and the finance department. The supplier
// opens it with a first message and may write again, which opens a closed thread anew; the office replies
// while it is open, closes it when the matter is settled and may open it again.
import { refusals } from '../shared/errors.ts';
import { einvoicesErrors, MAX_THREAD_FILES, MAX_THREAD_TEXT } from './errors.ts';
import type { SealedText } from '../identity/index.ts';
import type { ThreadAttachment, ThreadAuthor, ThreadEvent, ThreadTopic } from './events.ts';

/** One attached file at most this large: a scanned page or an e-invoice's XML, not an archive. */
export const MAX_THREAD_FILE_BYTES = 5 * 1024 * 1024;

/** The thread's own refusals beyond einvoicesErrors': what is wrong with a file, who may not act. */
export const supplierThreadErrors = refusals({
  OD_SUPPLIER_THREAD_FILE_TYPE: {
    column: 'files',
    status: 400,
    el: (p: { readonly name: string }) => `«${p.name}»: επιτρέπονται μόνο αρχεία PDF, JPEG, PNG ή XML`,
    en: (p: { readonly name: string }) => `"${p.name}": only PDF, JPEG, PNG or XML files are accepted`,
  },
  OD_SUPPLIER_THREAD_FILE_TOO_LARGE: {
    column: 'files',
    status: 413,
    el: (p: { readonly name: string }) => `«${p.name}»: το αρχείο ξεπερνά τα ${MAX_THREAD_FILE_BYTES / 1024 / 1024} MB`,
    en: (p: { readonly name: string }) => `"${p.name}": the file is larger than ${MAX_THREAD_FILE_BYTES / 1024 / 1024} MB`,
  },
  OD_SUPPLIER_THREAD_FILE_INVALID: {
    column: 'files',
    status: 400,
    el: (p: { readonly name: string; readonly why: { readonly el: string; readonly en: string } }) => `«${p.name}»: ${p.why.el}`,
    en: (p: { readonly name: string; readonly why: { readonly el: string; readonly en: string } }) => `"${p.name}": ${p.why.en}`,
  },
  OD_SUPPLIER_THREAD_OPEN: { column: null, status: 409, el: () => 'Η συζήτηση είναι ήδη ανοιχτή', en: () => 'The conversation is already open' },
});

export type ThreadState =
  | { readonly status: 'none' }
  | { readonly status: 'open' | 'closed'; readonly threadId: string; readonly subjectId: string; readonly sellerTaxid: string; readonly topic: ThreadTopic; readonly messages: number };

export const noThread: ThreadState = { status: 'none' };

export const evolveThread = (state: ThreadState, event: ThreadEvent): ThreadState => {
  switch (event.type) {
    case 'ThreadOpened':
      return { status: 'open', threadId: event.data.threadId, subjectId: event.data.subjectId, sellerTaxid: event.data.sellerTaxid, topic: event.data.topic, messages: 0 };
    case 'ThreadMessagePosted':
      return state.status === 'none' ? state : { ...state, status: event.data.author.side === 'supplier' ? 'open' : state.status, messages: state.messages + 1 };
    case 'ThreadClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
    case 'ThreadReopened':
      return state.status === 'none' ? state : { ...state, status: 'open' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const foldThread = (events: readonly ThreadEvent[]): ThreadState => events.reduce(evolveThread, noThread);

/** A message's text as kept: trimmed, line ends as \n, 1 to 4,000 characters. */
export const messageText = (raw: string): string => {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') throw einvoicesErrors.OD_SUPPLIER_THREAD_TEXT_EMPTY();
  if ([...text].length > MAX_THREAD_TEXT) throw einvoicesErrors.OD_SUPPLIER_THREAD_TEXT_TOO_LONG();
  return text;
};

export const checkAttachmentCount = (count: number): void => {
  if (count > MAX_THREAD_FILES) throw einvoicesErrors.OD_SUPPLIER_THREAD_TOO_MANY_FILES();
};

export interface PostMessage {
  readonly messageId: string;
  readonly author: ThreadAuthor;
  /** Its text as messageText keeps it, sealed by the caller (sealing is not the domain's: it needs the keyring). */
  readonly sealed: SealedText;
  readonly attachments: readonly ThreadAttachment[];
  readonly at: string;
}

export interface OpenThread {
  readonly threadId: string;
  readonly subjectId: string;
  readonly sellerTaxid: string;
  readonly topic: ThreadTopic;
  readonly first: PostMessage;
}

export const openThread = (state: ThreadState, command: OpenThread): ThreadEvent[] => {
  if (state.status !== 'none') throw einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN();
  const { threadId, subjectId, sellerTaxid, topic, first } = command;
  // The supplier opens its own threads: a first message from the office has no one to answer.
  if (first.author.side !== 'supplier') throw einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN();
  return [
    { type: 'ThreadOpened', data: { threadId, subjectId, sellerTaxid, topic, at: first.at } },
    ...postMessage({ status: 'open', threadId, subjectId, sellerTaxid, topic, messages: 0 }, first),
  ];
};

export const postMessage = (state: ThreadState, message: PostMessage): ThreadEvent[] => {
  if (state.status === 'none') throw einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN();
  // The office answers open threads; the supplier's new message reopens a closed one.
  if (state.status === 'closed' && message.author.side === 'office') throw einvoicesErrors.OD_SUPPLIER_THREAD_CLOSED();
  checkAttachmentCount(message.attachments.length);
  return [{ type: 'ThreadMessagePosted', data: { threadId: state.threadId, messageId: message.messageId, author: message.author, sealed: message.sealed, attachments: message.attachments, at: message.at } }];
};

export const closeThread = (state: ThreadState, command: { readonly staffId: string; readonly at: string }): ThreadEvent[] => {
  if (state.status === 'none') throw einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN();
  if (state.status === 'closed') throw einvoicesErrors.OD_SUPPLIER_THREAD_CLOSED();
  return [{ type: 'ThreadClosed', data: { threadId: state.threadId, staffId: command.staffId, at: command.at } }];
};

export const reopenThread = (state: ThreadState, command: { readonly staffId: string; readonly at: string }): ThreadEvent[] => {
  if (state.status === 'none') throw einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN();
  if (state.status === 'open') throw supplierThreadErrors.OD_SUPPLIER_THREAD_OPEN();
  return [{ type: 'ThreadReopened', data: { threadId: state.threadId, staffId: command.staffId, at: command.at } }];
};
