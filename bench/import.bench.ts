// Issue 3: a 100,000-row file through the whole import into PostgreSQL, against a raw multi-row INSERT of
// the same number of events; the same file into PGlite; and the peak memory of importing 1,000,000 rows.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ledgerEventSchemas } from '../src/domain/index.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { createPgliteClient } from '../src/eventstore/sql/pgliteClient.ts';
import type { SqlClient } from '../src/eventstore/sql/client.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { importFile } from '../src/ingest/importFile.ts';
import { writeTransactionsFile } from './importFiles.ts';
import type { Bench, BenchContext } from './support.ts';
import { movement, now, rate, seconds } from './support.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';

const importInto = async (client: SqlClient, schema: string, path: string, rows: number): Promise<number> => {
  await migrateDatabase(client, schema);
  const store = await openSqlEventStore({ client, schema, schemas: ledgerEventSchemas });
  try {
    const start = now();
    const report = await importFile(store, createReadStream(path), { kind: 'transactions', fileName: 'bench.csv', actor: 'bench' });
    if (!report.accepted || report.imported !== rows) throw new Error(`import refused: ${JSON.stringify(report).slice(0, 500)}`);
    return rows / seconds(start);
  } finally {
    await store.close();
  }
};

const rawInsertRate = async (databaseUrl: string, rows: number): Promise<number> => {
  const raw = new pg.Client({ connectionString: databaseUrl });
  await raw.connect();
  await raw.query(`CREATE TABLE raw_import (id uuid, stream text, revision bigint, type text, data json, metadata json)`);
  const insert = async (from: number) => {
    const params: unknown[] = [];
    const values = Array.from({ length: 1_000 }, (_, k) => {
      params.push(crypto.randomUUID(), 'fiscalYear-2025', from + k, 'PaymentMade', JSON.stringify(movement(from + k)), '{}');
      return `($${k * 6 + 1}, $${k * 6 + 2}, $${k * 6 + 3}, $${k * 6 + 4}, $${k * 6 + 5}, $${k * 6 + 6})`;
    });
    await raw.query(`INSERT INTO raw_import VALUES ${values.join(', ')}`, params);
  };
  const result = await rate(rows, async () => {
    for (let from = 0; from < rows; from += 1_000) await insert(from);
  });
  await raw.end();
  return result;
};

/** Peak RSS of `opendimos import` on a file, in a process of its own (GNU time's maximum resident size). */
const peakRssMiB = (databaseUrl: string, path: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const bin = fileURLToPath(new URL('../bin/opendimos.js', import.meta.url));
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'import', path, '--json'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, OPENDIMOS_SCHEMA: 'bench_rss' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      const kib = Number(stderr.trim().split('\n').pop());
      if (code !== 0 || !Number.isFinite(kib)) reject(new Error(`import exited ${code}: ${stderr.slice(-500)}`));
      else resolve(kib / 1024);
    });
  });

export const importBench: Bench = {
  name: 'import',
  async run(context: BenchContext) {
    const dir = await mkdtemp(join(tmpdir(), 'opendimos-bench-'));
    try {
      const rows = context.quick ? 20_000 : 100_000;
      const file = join(dir, 'transactions.csv');
      await writeTransactionsFile(file, rows);
      const pgRate = await importInto(createPgClient({ connectionString: context.databaseUrl }), 'bench_import', file, rows);
      const rawRate = await rawInsertRate(context.databaseUrl, rows);
      context.log(`import: PostgreSQL ${pgRate.toFixed(0)} rows/s, raw INSERT ${rawRate.toFixed(0)} rows/s`);
      const pglite = await createPgliteClient();
      const pgliteRate = await importInto(pglite, 'bench_import', file, rows);
      await pglite.close();
      context.log(`import: PGlite ${pgliteRate.toFixed(0)} rows/s`);
      const bigRows = context.quick ? 200_000 : 1_000_000;
      const big = join(dir, 'big.csv');
      await writeTransactionsFile(big, bigRows);
      const start = now();
      const rss = await peakRssMiB(context.databaseUrl, big);
      context.log(`import: ${bigRows} rows in ${seconds(start).toFixed(0)} s, peak RSS ${rss.toFixed(0)} MiB`);
      return [
        { name: `import-${rows / 1000}k`, unit: 'rows/s', ours: pgRate, peer: rawRate, peerName: 'raw multi-row INSERT of as many events', target: 0.33, note: 'PostgreSQL, whole import: parse, validate, decide, append' },
        { name: `import-${rows / 1000}k-pglite`, unit: 'rows/s', ours: pgliteRate },
        { name: `import-${bigRows / 1000}k-peak-rss`, unit: 'MiB', ours: rss, target: 512, targetKind: 'value-at-most', note: 'whole CLI process, PostgreSQL' },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
