// A line to the service (γραμμή επικοινωνίας): one thread per document between a supplier and the finance
// department. The supplier opens it with a first message and may write again, which opens a closed thread
// anew; the office replies while it is open and closes it when the matter is settled.
import { einvoicesErrors, MAX_THREAD_FILES, MAX_THREAD_TEXT } from './errors.ts';
import type { SealedText } from '../identity/index.ts';
import type { ThreadAttachment, ThreadAuthor, ThreadEvent, ThreadTopic } from './events.ts';

export type ThreadState =
  | { readonly status: 'none' }
  | { readonly status: 'open' | 'closed'; readonly threadId: string; readonly subjectId: string; readonly topic: ThreadTopic; readonly messages: number };

export const noThread: ThreadState = { status: 'none' };

export const evolveThread = (state: ThreadState, event: ThreadEvent): ThreadState => {
  switch (event.type) {
    case 'ThreadOpened':
      return { status: 'open', threadId: event.data.threadId, subjectId: event.data.subjectId, topic: event.data.topic, messages: 0 };
    case 'ThreadMessagePosted':
      return state.status === 'none' ? state : { ...state, status: 'open', messages: state.messages + 1 };
    case 'ThreadClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
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

export const openThread = (state: ThreadState, command: { readonly threadId: string; readonly subjectId: string; readonly sellerTaxid: string; readonly topic: ThreadTopic; readonly first: PostMessage }): ThreadEvent[] => {
  if (state.status !== 'none') throw einvoicesErrors.OD_SUPPLIER_THREAD_UNKNOWN();
  const { threadId, subjectId, sellerTaxid, topic, first } = command;
  return [
    { type: 'ThreadOpened', data: { threadId, subjectId, sellerTaxid, topic, at: first.at } },
    ...postMessage({ status: 'open', threadId, subjectId, topic, messages: 0 }, first),
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
