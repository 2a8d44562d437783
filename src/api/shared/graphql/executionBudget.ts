// One execution's share of the database: one of its statements at a time, in turn with every other
// execution's (a statement gate shared by all, so that a light query waits behind one heavy statement at
// most, not behind a whole heavy execution), all of them within its time, and none once its client has gone. On PostgreSQL each query is tagged with the execution's id in a
// leading comment, so that a stop cancels whatever of it is running (pg_cancel_backend on the backends whose
// current statement carries the tag) instead of letting it finish for nobody. PGlite runs one statement at a
// time and cannot cancel one: there the execution stops waiting and sends nothing more, and the limit on
// executions at once bounds what can pile up.
import { randomBytes } from 'node:crypto';
import type { QueryOptions, SqlClient, SqlExecutor } from '../../../eventstore/sql/client.ts';
import type { ExecutionGate } from './executionGate.ts';
import type { StopCode } from './executionStopped.ts';
import { ExecutionStopped } from './executionStopped.ts';

export interface ExecutionBudgetOptions {
  readonly client: SqlClient;
  /** From the start of the execution; past it, every query of the execution is stopped. */
  readonly timeoutMs: number;
  /** Queries of one execution in flight at once (twenty aliases must not take the whole pool). */
  readonly queriesAtOnce: number;
  /** Statements of all executions at once: each of this execution's waits its turn there. */
  readonly statements?: ExecutionGate;
  /** Aborts when the client goes away. */
  readonly signal?: AbortSignal;
}

export interface ExecutionBudget extends SqlExecutor {
  /** Stops the execution: queries in flight are cancelled, later ones refused. */
  readonly stop: (code: StopCode) => void;
  /** Resolves once no query of the execution is running any more (cancelled ones included). */
  readonly drained: () => Promise<void>;
}

/** How often a stop asks again for the cancel of queries still running (one may start after the first ask). */
const CANCEL_EVERY_MS = 50;
const CANCEL_ATTEMPTS = 100;

export const createExecutionBudget = ({ client, timeoutMs, queriesAtOnce, statements, signal }: ExecutionBudgetOptions): ExecutionBudget => {
  const tag = `/* od-gql-${randomBytes(8).toString('hex')} */`;
  let stopped: ExecutionStopped | null = null;
  // Ends this execution's waits for a statement turn when it stops.
  const stopping = new AbortController();
  let rejectStopped: (error: ExecutionStopped) => void = () => undefined;
  // Every query races this: a stop answers at once, whatever the database is still doing.
  const stoppedPromise = new Promise<never>((_, reject) => (rejectStopped = reject));
  stoppedPromise.catch(() => undefined);
  let inFlight = 0;
  const slots: (() => void)[] = [];
  let drainedWaiters: (() => void)[] = [];

  const settle = (): void => {
    inFlight -= 1;
    slots.shift()?.();
    if (inFlight === 0) {
      for (const resolve of drainedWaiters) resolve();
      drainedWaiters = [];
    }
  };

  const cancelRunning = async (): Promise<void> => {
    for (let attempt = 0; attempt < CANCEL_ATTEMPTS && inFlight > 0; attempt++) {
      await client
        .query(`SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE $1`, [`${tag}%`])
        .catch(() => undefined);
      if (inFlight > 0) await new Promise((r) => setTimeout(r, CANCEL_EVERY_MS));
    }
  };

  const stop = (code: StopCode): void => {
    if (stopped) return;
    stopped = new ExecutionStopped(code);
    clearTimeout(timer);
    signal?.removeEventListener('abort', gone);
    rejectStopped(stopped);
    stopping.abort();
    for (const wake of slots.splice(0)) wake();
    if (client.dialect === 'postgresql' && inFlight > 0) void cancelRunning();
  };
  const gone = () => stop('OD_CLIENT_GONE');
  const stoppedNow = (): ExecutionStopped | null => stopped;
  const timer = setTimeout(() => stop('OD_QUERY_TIMEOUT'), timeoutMs);
  signal?.addEventListener('abort', gone, { once: true });
  if (signal?.aborted) gone();

  const run = async <T>(send: (text: string) => Promise<T>, text: string, tagged: boolean): Promise<T> => {
    while (!stopped && inFlight >= queriesAtOnce) await new Promise<void>((resolve) => slots.push(resolve));
    if (stopped) throw stopped;
    inFlight += 1;
    let turn: () => void = () => undefined;
    try {
      if (statements) turn = await statements.acquire(stopping.signal);
    } catch (error) {
      settle();
      throw stopped ?? (error as Error);
    }
    // It may have stopped while this statement waited for its turn.
    const halted = stoppedNow();
    if (halted) {
      turn();
      settle();
      throw halted;
    }
    const work = send(tagged && client.dialect === 'postgresql' ? `${tag} ${text}` : text);
    const done = () => {
      turn();
      settle();
    };
    work.then(done, done);
    return Promise.race([work, stoppedPromise]);
  };

  return {
    query: <Row extends object>(text: string, params?: readonly unknown[], options?: QueryOptions) =>
      // A named statement keeps its text: the name was prepared with it.
      run((sql) => client.query<Row>(sql, params, options), text, options?.name === undefined),
    value: (text, params, options) => run((sql) => client.value(sql, params, options), text, false),
    exec: (script) => run((sql) => client.exec(sql), script, false),
    stop,
    drained: () => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => drainedWaiters.push(resolve))),
  };
};
