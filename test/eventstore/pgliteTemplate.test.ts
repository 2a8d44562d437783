// A new PGlite data directory is made from the empty cluster shipped in the repository, not by initdb
// (a third of the memory, a fifth of the time); one made by another PGlite version falls back to initdb.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PGlite } from '@electric-sql/pglite';
import { createPgliteThreadClient } from '../../src/eventstore/sql/pgliteThread.ts';

const inTempDir = async <T>(work: (dir: string) => Promise<T>): Promise<T> => {
  const root = await mkdtemp(join(tmpdir(), 'opendimos-template-'));
  try {
    return await work(join(root, 'data'));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
};

const stderrOf = async (work: () => Promise<void>): Promise<string> => {
  const write = process.stderr.write.bind(process.stderr);
  let seen = '';
  process.stderr.write = ((chunk: string | Uint8Array) => ((seen += String(chunk)), true));
  try {
    await work();
  } finally {
    process.stderr.write = write;
  }
  return seen;
};

test('the shipped template is an empty cluster of the PostgreSQL version the installed PGlite runs', async () => {
  const bare = await PGlite.create();
  const [{ version }] = (await bare.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`)).rows as [{ version: string }];
  await bare.close();
  await inTempDir(async (dir) => {
    const client = await createPgliteThreadClient({ dataDir: dir });
    try {
      assert.is((await readFile(join(dir, 'PG_VERSION'), 'utf8')).trim(), String(Math.floor(Number(version) / 10_000)), 'regenerate it: node --import tsx src/eventstore/sql/makePgliteTemplate.ts');
      assert.equal(await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`), [{ n: 0 }]);
      await client.exec('CREATE TABLE od_probe (n int); INSERT INTO od_probe VALUES (7);');
      assert.equal(await client.query('SELECT n FROM od_probe'), [{ n: 7 }]);
    } finally {
      await client.close();
    }
  });
});

test('a template that will not load is set aside: the directory is made by initdb, and it is said', async () => {
  await inTempDir(async (dir) => {
    const broken = join(dir, '..', 'broken.tar.gz');
    await writeFile(broken, 'not a cluster');
    let client: Awaited<ReturnType<typeof createPgliteThreadClient>> | null = null;
    const said = await stderrOf(async () => {
      client = await createPgliteThreadClient({ dataDir: dir, template: pathToFileURL(broken) });
    });
    try {
      assert.match(said, /The database template did not load, running initdb/);
      assert.equal(await client!.query('SELECT 1 AS one'), [{ one: 1 }]);
    } finally {
      await client!.close();
    }
  });
});

test.run();
