// The line to the service on the site (issue 19, part 5): the supplier's pages, and the pieces the statement
// page and the office's pages draw with.
export type { ThreadText } from './threadMessages.ts';
export { threadText } from './threadMessages.ts';
export { csrfInput, messageForm, messagesList, threadPage, threadsPage, threadsSection, threadTable, topicLabel } from './threadPages.ts';
export { filesOf, registerThreadUploads, supplierThreadsWeb } from './threads.ts';
