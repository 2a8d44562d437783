// Why an execution was refused or stopped, with its code, HTTP status and message in Greek and English.

const STOPS = {
  OD_BUSY: {
    status: 503,
    el: 'Ο διακομιστής εκτελεί ήδη όσα ερωτήματα αντέχει· δοκιμάστε ξανά σε λίγο',
    en: 'The server is already running as many queries as it can; please retry shortly',
  },
  OD_QUERY_TIMEOUT: {
    status: 503,
    el: 'Το ερώτημα ξεπέρασε τον χρόνο που του αναλογεί και διακόπηκε· ζητήστε λιγότερα',
    en: 'The query ran out of its time and was stopped; ask for less',
  },
  OD_CLIENT_GONE: { status: 499, el: 'Ο πελάτης αποσυνδέθηκε· το ερώτημα διακόπηκε', en: 'The client went away; the query was stopped' },
} as const;

export type StopCode = keyof typeof STOPS;

export class ExecutionStopped extends Error {
  readonly status: number;
  readonly retryAfterSeconds: number | null;

  constructor(
    readonly code: StopCode,
    options: { readonly retryAfterSeconds?: number } = {},
  ) {
    const spec = STOPS[code];
    super(`${spec.el} / ${spec.en}`);
    this.name = 'ExecutionStopped';
    this.status = spec.status;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

export const isExecutionStopped = (error: unknown): error is ExecutionStopped => error instanceof ExecutionStopped;
