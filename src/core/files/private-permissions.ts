import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;
/** What SQLite keeps beside the database file. */
const DATABASE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * Keeps the engine's data to its own user: from now on everything it creates is 0600 (folders 0700), SQLite's
 * -wal and -shm included, and what an earlier version left readable by others is tightened now. Folders are
 * tightened only inside DATA_DIR: the database's own folder may be shared (e.g. /var/lib) and is left alone.
 */
export function keepDataPrivate(dataDir: string, databasePath: string | undefined): void {
  // Worker threads share the process's umask and may not set it; the main thread sets it for all.
  if (isMainThread) process.umask(0o077);
  tightenTree(resolve(dataDir));
  if (databasePath) for (const suffix of DATABASE_COMPANIONS) tighten(`${databasePath}${suffix}`, FILE_MODE);
}

function tightenTree(dir: string): void {
  if (!tighten(dir, FOLDER_MODE)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tightenTree(path);
    else if (entry.isFile()) tighten(path, FILE_MODE);
  }
}

/** Sets the mode if the group or others have any access; false if the path is not there (or is a link). */
function tighten(path: string, mode: number): boolean {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  if (stats.isSymbolicLink()) return false;
  if ((stats.mode & 0o077) === 0) return true;
  try {
    chmodSync(path, mode);
  } catch (e) {
    // Another user's file (a copy made as root): the engine can still run, but the operator should know.
    process.emitWarning(
      `Could not make ${path} private (${(e as NodeJS.ErrnoException).code}): it stays readable by others`,
    );
  }
  return true;
}
