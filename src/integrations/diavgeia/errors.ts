// What can go wrong talking to Diavgeia, each with the words a clerk or an operator reads (Greek, then English).
// A sync stops at the first of them and writes nothing of the page it was reading; the next run resumes.

export type DiavgeiaFailure = 'unreachable' | 'timeout' | 'status' | 'malformed' | 'paging';

export class DiavgeiaError extends Error {
  override readonly name = 'DiavgeiaError';
  constructor(
    readonly failure: DiavgeiaFailure,
    readonly messageEl: string,
    readonly messageEn: string,
    /** The HTTP status, when there was an answer. */
    readonly status: number | null = null,
  ) {
    super(`${messageEl} / ${messageEn}`);
  }
}

export const isDiavgeiaError = (error: unknown): error is DiavgeiaError => error instanceof DiavgeiaError;

export const diavgeiaErrors = {
  unreachable: (url: string, reason: string) => new DiavgeiaError('unreachable', `Η Διαύγεια δεν απαντά (${url}): ${reason}`, `Diavgeia cannot be reached (${url}): ${reason}`),
  timeout: (url: string, ms: number) => new DiavgeiaError('timeout', `Η Διαύγεια δεν απάντησε σε ${ms} ms (${url})`, `Diavgeia did not answer within ${ms} ms (${url})`),
  status: (url: string, status: number) => new DiavgeiaError('status', `Η Διαύγεια απάντησε ${status} (${url})`, `Diavgeia answered ${status} (${url})`, status),
  malformed: (url: string, what: string) =>
    new DiavgeiaError('malformed', `Η απάντηση της Διαύγειας δεν είναι έγκυρη (${url}): ${what}· δεν γράφτηκε τίποτα`, `Diavgeia's answer is malformed (${url}): ${what}; nothing was written`),
  paging: (url: string, what: string) =>
    new DiavgeiaError('paging', `Η Διαύγεια σελιδοποίησε λάθος (${url}): ${what}· δεν γράφτηκε τίποτα`, `Diavgeia paged its answer wrongly (${url}): ${what}; nothing was written`),
} as const;
