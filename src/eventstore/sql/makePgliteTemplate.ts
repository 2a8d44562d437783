// Writes pgliteTemplate.tar.gz: an empty PGlite database cluster, just as initdb leaves it, from which a new
// data directory is made instead of running initdb at first start. initdb inside PGlite peaks at 810-925 MiB
// and takes ~10 s here; loading this 4.5 MB file peaks at ~360 MiB and takes ~2 s. Run it again whenever
// @electric-sql/pglite is upgraded (test/eventstore/pgliteTemplate.test.ts fails until then, and a template
// that will not load falls back to initdb):
//   node --import tsx src/eventstore/sql/makePgliteTemplate.ts
import { writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_TEMPLATE } from './pgliteProtocol.ts';

const db = await PGlite.create({ dataDir: 'memory://' });
await db.query('SELECT 1');
const dump = await db.dumpDataDir('gzip');
await db.close();
await writeFile(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
process.stdout.write(`${PGLITE_TEMPLATE.pathname}: γράφτηκε / written (${dump.size} bytes)\n`);
