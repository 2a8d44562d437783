// What every benchmark shares: a fresh PostgreSQL database per run, timing, and the result lines.
import pg from 'pg';

export interface Figure {
  readonly name: string;
  /** What the figure counts, e.g. "events/s". */
  readonly unit: string;
  readonly ours: number;
  /** The peer measured in the same run, when the figure has one. */
  readonly peer?: number;
  readonly peerName?: string;
  /** Minimum ratio ours/peer (or an absolute bound, see `targetKind`) the issue asks for. */
  readonly target?: number;
  readonly targetKind?: 'ratio-at-least' | 'value-at-least' | 'value-at-most';
  readonly note?: string;
}

export interface BenchContext {
  /** A database created for this run and dropped after it. */
  readonly databaseUrl: string;
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

export interface Bench {
  readonly name: string;
  readonly run: (context: BenchContext) => Promise<Figure[]>;
}

export const seconds = (startNs: bigint): number => Number(process.hrtime.bigint() - startNs) / 1e9;
export const now = (): bigint => process.hrtime.bigint();

/** Runs `work` and returns how many units per second it achieved. */
export const rate = async (units: number, work: () => Promise<void>): Promise<number> => {
  const start = now();
  await work();
  return units / seconds(start);
};

/** Runs `count` async tasks with at most `concurrency` in flight. */
export const inParallel = async (count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
};

export const createDatabase = async (serverUrl: string, name: string): Promise<string> => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

export const dropDatabase = async (serverUrl: string, name: string): Promise<void> => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
};

export const passes = (f: Figure): boolean | null => {
  if (f.target === undefined) return null;
  switch (f.targetKind ?? 'ratio-at-least') {
    case 'ratio-at-least':
      return f.peer !== undefined && f.ours / f.peer >= f.target;
    case 'value-at-least':
      return f.ours >= f.target;
    case 'value-at-most':
      return f.ours <= f.target;
  }
};

/** A realistic movement payload (~250 bytes of JSON), the same for us and the peer. */
export const movement = (i: number) => ({
  year: 2025,
  kae: `20-6011.${String(i % 1000).padStart(3, '0')}`,
  document: `E-${i}`,
  date: '2025-03-04',
  amount: `${(i % 100_000) + 1}.50`,
  ada: '7394ΩΞΧ-ΠΔΖ',
  counterparty: { naturalPerson: false, afm: '094014201', name: 'ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ ΠΑΛΙΚΗΣ Α.Ε.' },
  description: 'Προμήθεια υλικών καθαριότητας για τις ανάγκες του Δήμου',
});
