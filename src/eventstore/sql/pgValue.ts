// One prepared statement answering one value, with the least work on both ends: for the statement run on
// every append. node-postgres's own query asks the server to describe the row (RowDescription) and builds a
// typed result object for every call; for one value in text neither is needed. Measured with one writer
// appending one event at a time: ~35 µs less CPU in this process per append, and less on the server.
import pg from 'pg';
import type { Connection, Submittable } from 'pg';

// Statements this module prepared on each connection. node-postgres keeps its own list for its queries;
// ours use their own names and never share one with its queries.
const preparedOn = new WeakMap<Connection, Set<string>>();

class ValueQuery implements Submittable {
  private value: string | null = null;
  private failed = false;
  private connection: Connection | null = null;
  readonly answer: Promise<string | null>;
  private resolve!: (value: string | null) => void;
  private reject!: (error: unknown) => void;

  constructor(
    private readonly name: string,
    private readonly text: string,
    private readonly params: readonly (string | null)[],
  ) {
    this.answer = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: Connection): void {
    this.connection = connection;
    const stream = connection.stream as typeof connection.stream & { cork?: () => void; uncork?: () => void };
    // All messages leave in one packet.
    stream.cork?.();
    try {
      if (!preparedOn.get(connection)?.has(this.name)) {
        // After an error we cannot tell whether an earlier Parse of ours took: close it first (closing a
        // statement that does not exist is no error), then prepare.
        connection.close({ type: 'S', name: this.name }, false);
        connection.parse({ name: this.name, text: this.text, types: [] }, false);
      }
      connection.bind({ statement: this.name, values: this.params as (string | null)[] }, false);
      connection.execute({}, false);
      connection.sync();
    } finally {
      stream.uncork?.();
    }
  }

  // The messages node-postgres hands the active query; without Describe no RowDescription arrives.
  handleRowDescription(): void {}
  handleDataRow(message: { fields: (string | null)[] }): void {
    if (this.value === null) this.value = message.fields[0] ?? null;
  }
  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}
  handleError(error: unknown): void {
    this.failed = true;
    this.reject(error);
  }
  handleReadyForQuery(): void {
    if (this.failed) return;
    if (this.connection) {
      let names = preparedOn.get(this.connection);
      if (!names) preparedOn.set(this.connection, (names = new Set()));
      names.add(this.name);
    }
    this.resolve(this.value);
  }
}

/** Runs the named statement on `client` and answers the first column of its first row as text. */
export const queryValue = (client: pg.ClientBase, name: string, text: string, params: readonly (string | null)[]): Promise<string | null> =>
  client.query(new ValueQuery(name, text, params)).answer;

/** A failure of the statement itself (the connection is fine), as opposed to a broken connection. */
export const isStatementError = (error: unknown): boolean => error instanceof pg.DatabaseError;
