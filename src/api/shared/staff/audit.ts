// The audit trail the administrator reads (/office/audit): who did what to which account, who logged in
// or failed to, and who looked at whose personal data, newest first. Staff events write their rows as they
// are recorded; other rooms (the people search) add theirs with `recordLookup`.
import type { SqlExecutor } from '../../../eventstore/sql/client.ts';
import { staffTables } from './staffTable.ts';

export interface AuditEntry {
  readonly entry: number;
  readonly at: Date;
  /** `cli:<user>`, `staff:<id>`, `address:<ip>`. */
  readonly actor: string;
  /** The event type, e.g. `StaffLoggedIn`, or `PersonalDataViewed`. */
  readonly action: string;
  /** The staff account concerned, if any. */
  readonly staffId: string | null;
  /** Whose data was looked at (a citizen's subject id), if any. */
  readonly subject: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export const AUDIT_PAGE_SIZE = 50;

/** A staff member looked at someone's personal data: one row, with what they looked for. */
export const recordLookup = async (
  db: SqlExecutor,
  schema: string,
  lookup: { readonly staffId: string; readonly subject: string; readonly what: string; readonly at?: Date },
): Promise<void> => {
  await db.query(`INSERT INTO ${staffTables(schema).audit} (at, actor, action, staff_id, subject, detail) VALUES ($1, $2, 'PersonalDataViewed', $3, $4, $5)`, [
    lookup.at ?? new Date(),
    `staff:${lookup.staffId}`,
    lookup.staffId,
    lookup.subject,
    JSON.stringify({ what: lookup.what }),
  ]);
};

interface Row {
  readonly entry: string | number;
  readonly at: Date | string;
  readonly actor: string;
  readonly action: string;
  readonly staff_id: string | null;
  readonly subject: string | null;
  readonly detail: Record<string, unknown> | string;
}

/** One page of the trail, newest first; `page` counts from 1. `more` says whether an older page exists. */
export const auditPage = async (db: SqlExecutor, schema: string, page: number, size = AUDIT_PAGE_SIZE): Promise<{ readonly entries: AuditEntry[]; readonly more: boolean }> => {
  const rows = await db.query<Row>(`SELECT entry, at, actor, action, staff_id, subject, detail FROM ${staffTables(schema).audit} ORDER BY at DESC, entry DESC LIMIT $1 OFFSET $2`, [
    size + 1,
    (Math.max(1, page) - 1) * size,
  ]);
  return {
    more: rows.length > size,
    entries: rows.slice(0, size).map((r) => ({
      entry: Number(r.entry),
      at: new Date(r.at),
      actor: r.actor,
      action: r.action,
      staffId: r.staff_id,
      subject: r.subject,
      detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
    })),
  };
};
