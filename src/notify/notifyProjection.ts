// Events become outbox rows in the projection runner's transaction, with its checkpoint: a batch either
// commits its messages and its position together or neither, so no event's messages are lost or doubled.
//
// The outbox itself is a migrated table (outboxTable.ts), never this projection's: a rebuild swaps a
// projection's tables for fresh ones, and must not forget what was already sent. A rebuild replays the
// log through the rules, and every key already in the outbox is skipped. Keep `version` as it is when a
// rule is added: the new rule then speaks of events from now on, not of the whole history. The one table
// the projection owns, od_notify_events (which event gave how many messages, no personal data), also
// tells `apply` the schema it runs in, since the runner hands it table names, not the schema.
import type { ProjectedEvent } from '../eventstore/port.ts';
import type { SqlExecutor } from '../eventstore/sql/client.ts';
import type { Projection, Tables } from '../projections/shared/projection.ts';
import { enqueueMessages } from './enqueueMessages.ts';
import type { OutboundMessage } from './message.ts';

/** Which messages an event calls for (none for most); `tx` is the runner's transaction, to read what it needs. */
export type NotificationRule = (event: ProjectedEvent, tx: SqlExecutor) => Promise<readonly OutboundMessage[]>;

export const NOTIFY_EVENTS = 'od_notify_events';

/** The schema out of a qualified name `"schema"."table"` (schema names are validated lower-case words). */
const schemaOf = (tables: Tables): string => {
  const match = /^"([a-z_][a-z0-9_]*)"\./.exec(tables[NOTIFY_EVENTS] ?? '');
  if (!match) throw new Error(`notify: cannot tell the schema from ${String(tables[NOTIFY_EVENTS])}`);
  return match[1]!;
};

export const notifyProjection = (rules: readonly NotificationRule[]): Projection => ({
  name: 'notify',
  version: 1,
  tables: [NOTIFY_EVENTS],
  create: (t) => `CREATE TABLE ${t[NOTIFY_EVENTS]} (event_id text PRIMARY KEY, position bigint NOT NULL, messages int NOT NULL);`,
  indexes: () => '',
  async apply(tx, t, events) {
    const messages: OutboundMessage[] = [];
    const counted: { id: string; position: number; count: number }[] = [];
    for (const event of events) {
      let count = 0;
      for (const rule of rules) {
        const produced = await rule(event, tx);
        messages.push(...produced);
        count += produced.length;
      }
      if (count > 0) counted.push({ id: event.id, position: event.position, count });
    }
    if (messages.length === 0) return;
    await enqueueMessages(tx, schemaOf(t), messages);
    await tx.query(
      `INSERT INTO ${t[NOTIFY_EVENTS]} (event_id, position, messages) SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[]) ON CONFLICT (event_id) DO NOTHING`,
      [counted.map((c) => c.id), counted.map((c) => c.position), counted.map((c) => c.count)],
    );
  },
});
