// Read model: each decision of Diavgeia as it now reads (the last version), with its amounts per ΚΑΕ and its
// sponsors; a natural person is a row with neither name nor ΑΦΜ, since the events carry neither.
import type { DecisionEvent, DecisionFields } from '../../domain/index.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const DECISIONS = 'od_diavgeia_decisions';
export const DECISION_AMOUNTS = 'od_diavgeia_amounts';
export const DECISION_SPONSORS = 'od_diavgeia_sponsors';

const DECISION_TYPES: ReadonlySet<string> = new Set<DecisionEvent['type']>(['DecisionPublished', 'DecisionCorrected', 'DecisionRevoked']);

/** A ΚΑΕ by its digits alone: the ledger writes "20-6011.001", Diavgeia "20-6011.001", "20.6011.001" or "206011001". */
export const kaeDigits = (kae: string): string => kae.replace(/\D/g, '');

export const decisionsProjection: Projection = {
  name: 'diavgeia-decisions',
  version: 1,
  tables: [DECISIONS, DECISION_AMOUNTS, DECISION_SPONSORS],
  create: (t: Tables) => `
CREATE TABLE ${t[DECISIONS]} (
  ada text PRIMARY KEY,
  version_id text NOT NULL,
  versions int NOT NULL,
  protocol_number text NOT NULL,
  subject text NOT NULL,
  issue_date date NOT NULL,
  decision_type text NOT NULL,
  organization_id text NOT NULL,
  financial_year int,
  amount numeric(16,2),
  revoked boolean NOT NULL,
  submitted_at timestamptz NOT NULL
);
CREATE TABLE ${t[DECISION_AMOUNTS]} (
  ada text NOT NULL,
  line int NOT NULL,
  kae text NOT NULL,
  kae_digits text NOT NULL,
  amount numeric(16,2) NOT NULL,
  PRIMARY KEY (ada, line)
);
CREATE TABLE ${t[DECISION_SPONSORS]} (
  ada text NOT NULL,
  line int NOT NULL,
  afm text,
  name text,
  natural_person boolean NOT NULL,
  amount numeric(16,2),
  PRIMARY KEY (ada, line)
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[DECISIONS]} (financial_year, decision_type);
CREATE INDEX ON ${t[DECISIONS]} (issue_date);`,
  async apply(tx, t, events) {
    // The batch folded first: a decision published and corrected in one batch is written once, as it ends.
    const latest = new Map<string, { fields: DecisionFields; versions: number }>();
    const revoked = new Set<string>();
    for (const event of events) {
      if (!DECISION_TYPES.has(event.type)) continue;
      const e = { type: event.type, data: event.data } as DecisionEvent;
      if (e.type === 'DecisionRevoked') revoked.add(e.data.ada);
      else latest.set(e.data.ada, { fields: e.data, versions: (latest.get(e.data.ada)?.versions ?? 0) + 1 });
    }
    if (latest.size > 0) {
      const rows = [...latest.values()];
      const adas = rows.map((r) => r.fields.ada);
      await tx.query(`DELETE FROM ${t[DECISION_AMOUNTS]} WHERE ada = ANY($1::text[])`, [adas]);
      await tx.query(`DELETE FROM ${t[DECISION_SPONSORS]} WHERE ada = ANY($1::text[])`, [adas]);
      const col = <T>(pick: (f: DecisionFields) => T): T[] => rows.map((r) => pick(r.fields));
      await tx.query(
        `INSERT INTO ${t[DECISIONS]} (ada, version_id, versions, protocol_number, subject, issue_date, decision_type, organization_id, financial_year, amount, revoked, submitted_at)
         SELECT r.ada, r.version_id, r.versions, r.protocol_number, r.subject, r.issue_date, r.decision_type, r.organization_id, r.financial_year, r.amount, false, r.submitted_at
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::int[], $10::numeric[], $11::timestamptz[])
              AS r(ada, version_id, versions, protocol_number, subject, issue_date, decision_type, organization_id, financial_year, amount, submitted_at)
         ON CONFLICT (ada) DO UPDATE SET version_id = EXCLUDED.version_id, versions = ${t[DECISIONS]}.versions + EXCLUDED.versions,
           protocol_number = EXCLUDED.protocol_number, subject = EXCLUDED.subject, issue_date = EXCLUDED.issue_date, decision_type = EXCLUDED.decision_type,
           organization_id = EXCLUDED.organization_id, financial_year = EXCLUDED.financial_year, amount = EXCLUDED.amount, submitted_at = EXCLUDED.submitted_at`,
        [adas, col((f) => f.versionId), rows.map((r) => r.versions), col((f) => f.protocolNumber), col((f) => f.subject), col((f) => f.issueDate), col((f) => f.decisionTypeId),
          col((f) => f.organizationId), col((f) => f.financialYear), col((f) => f.amount), col((f) => f.submittedAt)],
      );
      const amounts = rows.flatMap((r) => r.fields.kaeAmounts.map((k, line) => ({ ada: r.fields.ada, line, ...k })));
      if (amounts.length > 0) {
        await tx.query(
          `INSERT INTO ${t[DECISION_AMOUNTS]} (ada, line, kae, kae_digits, amount) SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::numeric[])`,
          [amounts.map((a) => a.ada), amounts.map((a) => a.line), amounts.map((a) => a.kae), amounts.map((a) => kaeDigits(a.kae)), amounts.map((a) => a.amount)],
        );
      }
      const sponsors = rows.flatMap((r) => r.fields.sponsors.map((s, line) => ({ ada: r.fields.ada, line, ...s })));
      if (sponsors.length > 0) {
        await tx.query(
          `INSERT INTO ${t[DECISION_SPONSORS]} (ada, line, afm, name, natural_person, amount) SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::boolean[], $6::numeric[])`,
          [sponsors.map((s) => s.ada), sponsors.map((s) => s.line), sponsors.map((s) => s.afm), sponsors.map((s) => s.name), sponsors.map((s) => s.naturalPerson), sponsors.map((s) => s.amount)],
        );
      }
    }
    if (revoked.size > 0) await tx.query(`UPDATE ${t[DECISIONS]} SET revoked = true WHERE ada = ANY($1::text[])`, [[...revoked]]);
  },
};
