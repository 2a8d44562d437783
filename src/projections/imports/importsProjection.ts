// Read model: the import log (which file, when, how many movements, with what outcome), shown publicly.
// Who ran the import stays in the event log; the public log says what came in, not which clerk.
import type { ImportRecorded } from '../../domain/index.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const IMPORTS = 'od_imports';

export const importsProjection: Projection = {
  name: 'imports',
  version: 1,
  tables: [IMPORTS],
  create: (t: Tables) => `
CREATE TABLE ${t[IMPORTS]} (
  import_id text PRIMARY KEY,
  position bigint NOT NULL,
  kind text NOT NULL,
  file_name text NOT NULL,
  sha256 text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  rows int NOT NULL,
  imported int NOT NULL,
  duplicates int NOT NULL,
  rejected int NOT NULL,
  outcome text NOT NULL
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[IMPORTS]} (position);`,
  async apply(tx, t, events) {
    for (const recorded of events) {
      if (recorded.type !== 'ImportRecorded') continue;
      const d = recorded.data as ImportRecorded['data'];
      await tx.query(
        `INSERT INTO ${t[IMPORTS]} (import_id, position, kind, file_name, sha256, started_at, finished_at, rows, imported, duplicates, rejected, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (import_id) DO NOTHING`,
        [d.importId, recorded.position, d.kind, d.fileName, d.sha256, d.startedAt, d.finishedAt, d.rows, d.imported, d.duplicates, d.rejected, d.outcome],
      );
    }
  },
};
