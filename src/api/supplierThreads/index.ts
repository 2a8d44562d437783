// The line to the service in the API (issue 19, part 5): a supplier's threads with the finance department, on
// its own session, and the commands the office's pages use; the files' table and its checks.
export type { CheckedFile, SentFile, StoredThreadFile } from './threadFiles.ts';
export { checkThreadFile, eraseThreadFiles, fileNameOf, THREAD_FILES, threadFile, threadFileNames, threadFilesMigrations } from './threadFiles.ts';
export type { OfficeActor, Writing } from './threads.ts';
export { closeAsOffice, openSupplierThread, postSupplierMessage, reopenAsOffice, replyAsOffice, topicOf } from './threads.ts';
export { sendThreadFile, supplierThreadRoutes, supplierThreadsApi } from './threadRoutes.ts';
