// `npm run bench`: runs the benchmarks against this machine's PostgreSQL, each with its peer in the same
// run, prints one `ratio NAME OURS/PEER` line per figure and records the results in BENCHMARKS.md.
// Options: names of benches to run (default all), --quick for smaller sizes while developing.
import { writeFile, readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { abuseBench } from './abuse.bench.ts';
import { applicationsBench } from './applications.bench.ts';
import { bankStatementBench } from './bankStatement.bench.ts';
import { debtsBench } from './debts.bench.ts';
import { diavgeiaBench } from './diavgeia.bench.ts';
import { embeddedBench } from './embedded.bench.ts';
import { eventStoreBench } from './eventstore.bench.ts';
import { importBench } from './import.bench.ts';
import { logBench } from './log.bench.ts';
import { loginBench } from './login.bench.ts';
import { readSideBench } from './readside.bench.ts';
import { requestPhotosBench } from './requestPhotos.bench.ts';
import { requestsBench } from './requests.bench.ts';
import { subscriptionsBench } from './subscriptions.bench.ts';
import { suppliersBench } from './suppliers.bench.ts';
import type { Bench, Figure } from './support.ts';
import { createDatabase, dropDatabase, passes } from './support.ts';

const benches: Bench[] = [eventStoreBench, importBench, readSideBench, subscriptionsBench, abuseBench, embeddedBench, loginBench, debtsBench, bankStatementBench, logBench, applicationsBench, requestsBench, requestPhotosBench, suppliersBench, diavgeiaBench];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
const ratioLine = (f: Figure) =>
  f.peer === undefined ? `value ${f.name} ${fmt(f.ours)} ${f.unit}` : `ratio ${f.name} ${(f.ours / f.peer).toFixed(2)}`;

const markdown = (results: { bench: string; figures: Figure[] }[]): string => {
  const lines = [
    `## Run of ${new Date().toISOString()}${quick ? ' (quick sizes)' : ''}`,
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL at ${new URL(serverUrl).host}.`,
    '',
    '| bench | figure | ours | peer | ratio | target | met |',
    '| --- | --- | ---: | ---: | ---: | ---: | :---: |',
  ];
  for (const { bench, figures } of results) {
    for (const f of figures) {
      const verdict = passes(f);
      const target = f.target === undefined ? '' : (f.targetKind ?? 'ratio-at-least') === 'ratio-at-least' ? `≥ ${f.target}×` : `${f.targetKind === 'value-at-most' ? '≤' : '≥'} ${fmt(f.target)}`;
      lines.push(
        `| ${bench} | ${f.name} | ${fmt(f.ours)} ${f.unit} | ${f.peer === undefined ? '' : `${fmt(f.peer)} (${f.peerName ?? 'peer'})`} | ${f.peer === undefined ? '' : `${(f.ours / f.peer).toFixed(2)}×`} | ${target} | ${verdict === null ? '' : verdict ? 'yes' : '**no**'} |`,
      );
      if (f.note) lines.push(`| | ↳ ${f.note} | | | | | |`);
    }
  }
  return lines.join('\n') + '\n';
};

const results: { bench: string; figures: Figure[] }[] = [];
for (const bench of benches.filter((b) => only.length === 0 || only.includes(b.name))) {
  // A database name is an identifier: a bench named with a hyphen (bank-statement) gets an underscore.
  const database = `opendimos_bench_${bench.name.replace(/-/g, '_')}`;
  const databaseUrl = await createDatabase(serverUrl, database);
  try {
    console.log(`# ${bench.name}`);
    const figures = await bench.run({ databaseUrl, quick, log: (line) => console.log(`  ${line}`) });
    for (const f of figures) console.log(ratioLine(f));
    results.push({ bench: bench.name, figures });
  } finally {
    await dropDatabase(serverUrl, database);
  }
}

const previous = await readFile('BENCHMARKS.md', 'utf8').catch(() => '# Benchmarks\n\nWritten by `npm run bench`; newest run first.\n');
const [head, ...runs] = previous.split(/\n(?=## Run of )/);
await writeFile('BENCHMARKS.md', [head!.trimEnd(), markdown(results), ...runs.slice(0, 11)].join('\n\n'));
const failed = results.flatMap((r) => r.figures).filter((f) => passes(f) === false);
if (failed.length > 0) console.log(`targets not met: ${failed.map((f) => f.name).join(', ')}`);
