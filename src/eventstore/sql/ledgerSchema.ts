// The event store's database objects: one place names them, every query takes its names from here.
import { assertSchemaName, quoteIdent } from './client.ts';
import type { Migration } from './migrate.ts';

export interface LedgerNames {
  readonly schema: string;
  readonly events: string;
  readonly append: string;
  /** NOTIFY channel that carries the newest position after each commit. */
  readonly channel: string;
}

export const ledgerNames = (schema: string): LedgerNames => {
  const q = quoteIdent(assertSchemaName(schema));
  return { schema, events: `${q}.od_events`, append: `${q}.od_append`, channel: `od_events_${schema}` };
};

const appendFunction = (q: string, channel: string, lockKey: string): string => `
CREATE OR REPLACE FUNCTION ${q}.od_append(
  p_part_request int[], p_part_stream text[], p_part_expected text[],
  p_event_part int[], p_event_id uuid[], p_event_type text[], p_event_version int[],
  p_event_data text[], p_event_metadata text[])
RETURNS TABLE (part int, status text, revision bigint, first_position bigint, last_position bigint)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_last bigint;
  v_prev bytea;
  v_status text[];
  v_current bigint[];
  v_ids uuid[]; v_streams text[]; v_revisions bigint[]; v_types text[]; v_versions int[];
  v_data text[]; v_metadata text[];
  v_hashes bytea[] := '{}';
  v_count int;
BEGIN
  -- One writer at a time per ledger, until commit: positions are handed out in commit order, so a reader
  -- that sees position n has seen every position below it, and each hash has one well-defined predecessor.
  PERFORM pg_advisory_xact_lock(hashtext('${lockKey}'));
  SELECT e.position, e.hash INTO v_last, v_prev FROM ${q}.od_events e ORDER BY e.position DESC LIMIT 1;
  v_last := coalesce(v_last, 0);
  v_prev := coalesce(v_prev, decode(repeat('00', 32), 'hex'));

  WITH parts AS (
    SELECT p.request, p.stream, p.expected, p.ord::int AS ord
    FROM unnest(p_part_request, p_part_stream, p_part_expected) WITH ORDINALITY AS p(request, stream, expected, ord)
  ), known AS (
    SELECT e.part, count(*) AS total, count(x.id) AS existing,
           count(x.id) FILTER (WHERE x.stream <> p.stream) AS elsewhere
    FROM unnest(p_event_part, p_event_id) AS e(part, id)
    JOIN parts p ON p.ord = e.part
    LEFT JOIN ${q}.od_events x ON x.id = e.id
    GROUP BY e.part
  ), classified AS (
    SELECT p.ord, p.request, cur.revision AS current,
      CASE
        WHEN coalesce(k.existing, 0) > 0 AND k.existing = k.total AND k.elsewhere = 0 THEN 'duplicate'
        WHEN coalesce(k.existing, 0) > 0 THEN 'id_conflict'
        WHEN p.expected = 'any' THEN 'ok'
        WHEN p.expected = 'no_stream' THEN CASE WHEN cur.revision IS NULL THEN 'ok' ELSE 'conflict' END
        WHEN p.expected = 'stream_exists' THEN CASE WHEN cur.revision IS NOT NULL THEN 'ok' ELSE 'conflict' END
        WHEN cur.revision = p.expected::bigint THEN 'ok'
        ELSE 'conflict'
      END AS status
    FROM parts p
    LEFT JOIN known k ON k.part = p.ord  -- a part with no events only checks its expected revision
    LEFT JOIN LATERAL (SELECT max(x.revision) AS revision FROM ${q}.od_events x WHERE x.stream = p.stream) cur ON true
  ), decided AS (
    -- A request is all or nothing: one failing part aborts its other parts.
    SELECT c.ord, c.current,
      CASE WHEN c.status = 'ok' AND NOT bool_and(c.status IN ('ok', 'duplicate')) OVER (PARTITION BY c.request)
           THEN 'aborted' ELSE c.status END AS status
    FROM classified c
  )
  SELECT array_agg(d.status ORDER BY d.ord), array_agg(coalesce(d.current, -1) ORDER BY d.ord)
  INTO v_status, v_current FROM decided d;

  SELECT array_agg(e.id ORDER BY e.part, e.ord), array_agg(p_part_stream[e.part] ORDER BY e.part, e.ord),
         array_agg(v_current[e.part] + e.n ORDER BY e.part, e.ord), array_agg(e.type ORDER BY e.part, e.ord),
         array_agg(e.version ORDER BY e.part, e.ord), array_agg(e.data ORDER BY e.part, e.ord),
         array_agg(e.metadata ORDER BY e.part, e.ord)
  INTO v_ids, v_streams, v_revisions, v_types, v_versions, v_data, v_metadata
  FROM (
    SELECT e.*, row_number() OVER (PARTITION BY e.part ORDER BY e.ord) AS n
    FROM unnest(p_event_part, p_event_id, p_event_type, p_event_version, p_event_data, p_event_metadata)
         WITH ORDINALITY AS e(part, id, type, version, data, metadata, ord)
    WHERE v_status[e.part] = 'ok'
  ) e;
  v_count := coalesce(array_length(v_ids, 1), 0);

  -- Same text as hashChain.ts: previous hash, position, id, stream, revision, type, version, data, metadata.
  FOR i IN 1..v_count LOOP
    v_prev := sha256(convert_to(
      encode(v_prev, 'hex') || E'\\n' || (v_last + i)::text || E'\\n' || v_ids[i]::text || E'\\n' || v_streams[i] || E'\\n' ||
      v_revisions[i]::text || E'\\n' || v_types[i] || E'\\n' || v_versions[i]::text || E'\\n' || v_data[i] || E'\\n' || v_metadata[i],
      'UTF8'));
    v_hashes[i] := v_prev;
  END LOOP;

  INSERT INTO ${q}.od_events (position, id, stream, revision, type, schema_version, data, metadata, hash)
  SELECT v_last + t.ord, t.id, t.stream, t.revision, t.type, t.version, t.data::json, t.metadata::json, t.hash
  FROM unnest(v_ids, v_streams, v_revisions, v_types, v_versions, v_data, v_metadata, v_hashes)
       WITH ORDINALITY AS t(id, stream, revision, type, version, data, metadata, hash, ord);

  IF v_count > 0 THEN
    PERFORM pg_notify('${channel}', (v_last + v_count)::text);
  END IF;

  RETURN QUERY
  WITH counts AS (
    SELECT e.part, count(*) AS n FROM unnest(p_event_part) AS e(part) GROUP BY e.part
  ), parts AS (
    SELECT s.ord::int AS part, s.status, v_current[s.ord] AS current,
           CASE WHEN s.status = 'ok' THEN coalesce(c.n, 0) ELSE 0 END AS n
    FROM unnest(v_status) WITH ORDINALITY AS s(status, ord) LEFT JOIN counts c ON c.part = s.ord
  ), placed AS (
    SELECT p.*, (v_last + sum(p.n) OVER (ORDER BY p.part))::bigint AS last_pos FROM parts p
  )
  SELECT p.part, p.status, (p.current + p.n)::bigint,
         CASE WHEN p.n > 0 THEN p.last_pos - p.n + 1 END, CASE WHEN p.n > 0 THEN p.last_pos END
  FROM placed p ORDER BY p.part;
END
$fn$;`;

export const ledgerMigrations = (schema: string): Migration[] => {
  const names = ledgerNames(schema);
  return [
    {
      version: 1,
      name: 'events table, append-only guard, od_append',
      sql: (q) => `
CREATE TABLE ${q}.od_events (
  position bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  stream text NOT NULL,
  revision bigint NOT NULL,
  type text NOT NULL,
  schema_version int NOT NULL,
  data json NOT NULL,
  metadata json NOT NULL,
  hash bytea NOT NULL,
  UNIQUE (stream, revision)
);
CREATE FUNCTION ${q}.od_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'od_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER od_events_append_only BEFORE UPDATE OR DELETE ON ${q}.od_events
  FOR EACH ROW EXECUTE FUNCTION ${q}.od_refuse_change();
CREATE TRIGGER od_events_no_truncate BEFORE TRUNCATE ON ${q}.od_events
  FOR EACH STATEMENT EXECUTE FUNCTION ${q}.od_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON ${q}.od_events FROM PUBLIC;
${appendFunction(q, names.channel, `opendimos:append:${schema}`)}`,
    },
  ];
};
