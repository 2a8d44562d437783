// Who reported which request (personal): one row per reporter of a request, from the `reporter-<id>` streams,
// for the reporter's own page (/my/requests), the e-mails that tell them of its progress and the office's
// case page. The contact stays sealed here as it is in the event: opened with the subject's key only where
// it is needed (an e-mail being written, a department's clerk), so an erasure (the key destroyed, or the
// citizen's rows dropped) leaves nothing readable. Never joined into a public read model.
import type { CitizenErased, ReporterRecorded } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Projection, Tables } from '../shared/projection.ts';
import { table } from '../shared/tables.ts';
import { REQUESTS } from './requestsProjection.ts';

export const REQUEST_REPORTERS = 'od_request_reporters';
export const REQUEST_REPORTERS_PROJECTION = 'request-reporters';

/** ReporterRecorded as written by the site for a citizen with a TaxisNet account (`account: true`); absent is false. */
type Recorded = ReporterRecorded['data'] & { readonly account?: boolean };

export const reportersProjection: Projection = {
  name: REQUEST_REPORTERS_PROJECTION,
  version: 1,
  tables: [REQUEST_REPORTERS],
  create: (t: Tables) => `
CREATE TABLE ${t[REQUEST_REPORTERS]} (
  request_id text NOT NULL,
  subject_id text NOT NULL,
  -- A citizen's own account (the subject is theirs); false for a contact given without one (a subject of its own).
  account boolean NOT NULL,
  sealed text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (request_id, subject_id)
);`,
  // A citizen's requests (/my/requests), newest first.
  indexes: (t: Tables) => `CREATE INDEX ON ${t[REQUEST_REPORTERS]} (subject_id, recorded_at DESC);`,
  async apply(tx, t, events) {
    const reporters = t[REQUEST_REPORTERS]!;
    for (const event of events) {
      if (event.type === 'ReporterRecorded') {
        const d = event.data as Recorded;
        await tx.query(`INSERT INTO ${reporters} (request_id, subject_id, account, sealed, recorded_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
          d.requestId,
          d.subjectId,
          d.account === true,
          d.sealed,
          d.at,
        ]);
      } else if (event.type === 'CitizenErased') {
        await tx.query(`DELETE FROM ${reporters} WHERE subject_id = $1`, [(event.data as CitizenErased['data']).subjectId]);
      }
    }
  },
};

export interface Reporter {
  readonly requestId: string;
  readonly subjectId: string;
  readonly account: boolean;
  readonly sealed: string;
}

interface ReporterRow {
  request_id: string;
  subject_id: string;
  account: boolean;
  sealed: string;
}

const reporterOf = (r: ReporterRow): Reporter => ({ requestId: r.request_id, subjectId: r.subject_id, account: r.account, sealed: r.sealed });

/**
 * Who is to hear of a request: its own reporters and those of the requests merged into it (their problem is
 * this one now).
 */
export const reportersToTell = async (db: SqlExecutor, schema: string, requestId: string): Promise<Reporter[]> => {
  const rows = await db.query<ReporterRow>(
    `SELECT p.request_id, p.subject_id, p.account, p.sealed FROM ${table(schema, REQUEST_REPORTERS)} p
     WHERE p.request_id = $1 OR p.request_id IN (SELECT request_id FROM ${table(schema, REQUESTS)} WHERE merged_into = $1)
     ORDER BY p.recorded_at, p.subject_id`,
    [requestId],
  );
  return rows.map(reporterOf);
};

/** The reporters of this one request (the office's case page). */
export const reportersOf = async (db: SqlExecutor, schema: string, requestId: string): Promise<Reporter[]> =>
  (await db.query<ReporterRow>(`SELECT request_id, subject_id, account, sealed FROM ${table(schema, REQUEST_REPORTERS)} WHERE request_id = $1 ORDER BY recorded_at, subject_id`, [requestId])).map(
    reporterOf,
  );

/** The ids of the requests a subject reported, newest first: a citizen's own list, from the session's subject only. */
export const requestIdsReportedBy = async (db: SqlExecutor, schema: string, subjectId: string): Promise<string[]> =>
  (await db.query<{ request_id: string }>(`SELECT request_id FROM ${table(schema, REQUEST_REPORTERS)} WHERE subject_id = $1 ORDER BY recorded_at DESC LIMIT 500`, [subjectId])).map((r) => r.request_id);
