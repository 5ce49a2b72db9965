import { createHash } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** What a backup folder holds, written last: a folder without it is an unfinished backup. */
export interface BackupManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly createdAt: string;
  /** The schema's last migration, so that a restore refuses a backup from a newer engine. */
  readonly lastMigration: string | null;
  readonly database: StoredCopy & { readonly rows: Record<string, number> };
  /** Everything under DATA_DIR but the database, by path relative to it (kept under `data/` in the backup). */
  readonly files: readonly StoredCopy[];
}

export interface StoredCopy {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

export const MANIFEST_FORMAT = 'migracidades-backup/1';
export const MANIFEST = 'manifest.json';
export const DATABASE_COPY = 'database.sqlite';
export const FILES_COPY = 'data';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every regular file under `root`, as paths relative to it with '/' separators, skipping what `skip` names. */
export async function listFiles(root: string, skip: (absolute: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (skip(path)) continue;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  await walk(root);
  return found.sort();
}

/** Writes a file only its owner can read (0600, in 0700 folders), synced, appearing under its name whole. */
export async function writePrivate(path: string, bytes: Uint8Array): Promise<void> {
  await mkdirPrivate(dirname(path));
  const temp = `${path}.${process.pid}.partial`;
  const file = await open(temp, 'w', 0o600);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
  await chmod(temp, 0o600);
  await rename(temp, path);
}

/** Creates a folder and its missing parents below `path` as 0700. */
export async function mkdirPrivate(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
}

/** Reads a file and its hash, or undefined when it is gone (a file removed by a rolled-back upload). */
export async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The database file and what SQLite keeps beside it. */
export const databaseSidecars = (path: string) => [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];

export async function removeAll(paths: readonly string[]): Promise<void> {
  for (const p of paths) await rm(p, { recursive: true, force: true });
}
