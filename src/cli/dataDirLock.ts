// PGlite is one process's database: two processes opening one data directory would corrupt it. Whoever
// opens it directly holds this lock file (with its pid); a lock left by a dead process is taken over.
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export class DataDirBusy extends Error {
  readonly code = 'OD_DATA_DIR_BUSY';
  constructor(readonly pid: number) {
    super(`Τα δεδομένα τα κρατά η διεργασία ${pid} / The data directory is held by process ${pid}`);
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the lock of a data directory; resolves to its release. Throws DataDirBusy while another holds it. */
export const lockDataDir = async (dataDir: string): Promise<() => Promise<void>> => {
  // The data directory's own modes (pgliteDataDir.ts): this user's alone from the start.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'opendimos.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const file = await open(path, 'wx', 0o600);
      await file.writeFile(String(process.pid));
      await file.close();
      return () => unlink(path).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(path, 'utf8').catch(() => '0'));
      if (holder > 0 && holder !== process.pid && alive(holder)) throw new DataDirBusy(holder);
      await unlink(path).catch(() => undefined);
    }
  }
  throw new Error(`Cannot lock ${path}`);
};
