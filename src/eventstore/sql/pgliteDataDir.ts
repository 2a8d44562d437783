// The PGlite data directory is this user's alone: directories 0700, files 0600. PGlite writes through
// Emscripten's NODEFS, which creates every file 0666 whatever the umask, so the modes are set again on
// every start (before opening: an old directory is reported once) and after opening (the files it made).
import type { Dirent } from 'node:fs';
import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/** Sets the modes under `dir` (and of `dir` itself); resolves to how many entries it had to change. */
export const secureDataDir = async (dir: string): Promise<number> => {
  let changed = 0;
  const fix = async (path: string, mode: number): Promise<void> => {
    const stats = await lstat(path).catch(() => null);
    if (stats === null || (stats.mode & 0o777) === mode) return;
    // A file PGlite removed meanwhile is no error.
    await chmod(path, mode).then(() => changed++, () => undefined);
  };
  const walk = async (path: string): Promise<void> => {
    await fix(path, DATA_DIR_MODE);
    const entries: Dirent[] = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = join(path, entry.name);
      // Sockets (the control socket) and links keep their own modes.
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) await fix(child, DATA_FILE_MODE);
    }
  };
  await walk(dir);
  return changed;
};

/** Creates the data directory when missing (0700) and says how many modes of an existing one were fixed. */
export const prepareDataDir = async (dir: string, notice: (line: string) => void): Promise<void> => {
  await mkdir(dir, { recursive: true, mode: DATA_DIR_MODE });
  const fixed = await secureDataDir(dir);
  if (fixed > 0) notice(`Διορθώθηκαν τα δικαιώματα ${fixed} αρχείων στο ${dir} (κατάλογοι 0700, αρχεία 0600) / Fixed permissions of ${fixed} files in ${dir} (directories 0700, files 0600)\n`);
};
