import { existsSync, readdirSync, statSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type AppConfig, sqliteFileFor } from '../../config/app-config';
import { MIGRATIONS } from '../../database/data-source-options';
import {
  type BackupManifest,
  DATABASE_COPY,
  databaseSidecars,
  FILES_COPY,
  MANIFEST,
  MANIFEST_FORMAT,
  mkdirPrivate,
  readIfPresent,
  removeAll,
  sha256,
  writePrivate,
} from './backup-files';
import { BackupError } from './backup';
import { SqliteFile } from './sqlite-file';

export interface RestoreSummary {
  readonly files: number;
  readonly rows: number;
  readonly lastMigration: string | null;
  readonly createdAt: string;
}

/**
 * Puts a backup back under DATA_DIR and DATABASE_URL, after checking every byte against its manifest. The
 * engine must be stopped: a database someone has open is refused, and so is a target that holds data,
 * unless `force` (which replaces the database and what the backup holds under DATA_DIR).
 */
export async function restore(config: AppConfig, source: string, force: boolean): Promise<RestoreSummary> {
  const dir = resolve(source);
  const manifest = await readManifest(dir);
  await verifyCopies(dir, manifest);
  await refuseTarget(config, manifest, force);
  await mkdirPrivate(config.dataDir);
  for (const f of manifest.files) {
    await writePrivate(join(config.dataDir, f.path), await readFile(join(dir, FILES_COPY, f.path)));
  }
  await putDatabase(join(dir, DATABASE_COPY), sqliteFileFor(config.database, 'restore'));
  return {
    files: manifest.files.length,
    rows: Object.values(manifest.database.rows).reduce((a, b) => a + b, 0),
    lastMigration: manifest.lastMigration,
    createdAt: manifest.createdAt,
  };
}

async function readManifest(dir: string): Promise<BackupManifest> {
  const text = await readIfPresent(join(dir, MANIFEST));
  if (!text) throw new BackupError(`No ${MANIFEST} in ${dir}: not a backup, or an unfinished one`);
  const manifest = JSON.parse(text.toString('utf8')) as BackupManifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new BackupError(`${MANIFEST}: unknown format "${manifest.format}"`);
  const known = MIGRATIONS.map((m) => m.name);
  if (manifest.lastMigration !== null && !known.includes(manifest.lastMigration)) {
    throw new BackupError(
      `The backup's schema ends with migration ${manifest.lastMigration}, which this engine does not know: restore it with the engine version that made it`,
    );
  }
  return manifest;
}

/** Every file as the manifest lists it (size and SHA-256), and paths that stay inside their folder. */
async function verifyCopies(dir: string, manifest: BackupManifest): Promise<void> {
  const copies = [
    { at: join(dir, DATABASE_COPY), ...manifest.database },
    ...manifest.files.map((f) => ({ at: join(dir, FILES_COPY, f.path), ...f })),
  ];
  for (const c of copies) {
    if (c.path.split('/').some((part) => part === '..' || part === '') || c.path.startsWith('/'))
      throw new BackupError(`${MANIFEST}: unsafe path "${c.path}"`);
    const bytes = await readIfPresent(c.at);
    if (!bytes) throw new BackupError(`Missing from the backup: ${c.path}`);
    if (bytes.byteLength !== c.size || sha256(bytes) !== c.sha256)
      throw new BackupError(`Altered since the backup was made (size or SHA-256 differ): ${c.path}`);
  }
}

async function refuseTarget(config: AppConfig, manifest: BackupManifest, force: boolean): Promise<void> {
  const database = sqliteFileFor(config.database, 'restore');
  if (existsSync(database) && statSync(database).size > 0 && (await SqliteFile.inUse(database))) {
    throw new BackupError(`The database ${database} is open (is the engine running?): stop it before restoring`);
  }
  const holds = [database, ...readdirIfAny(config.dataDir).map((name) => join(config.dataDir, name))].filter((p) =>
    existsSync(p),
  );
  if (holds.length === 0) return;
  if (!force) {
    throw new BackupError(
      `The target holds data (${holds[0]}${holds.length > 1 ? ` and ${holds.length - 1} more` : ''}): restore into an empty DATA_DIR, or add --force to replace it`,
    );
  }
  const tops = new Set(manifest.files.map((f) => f.path.split('/')[0]));
  await removeAll([...databaseSidecars(database), ...[...tops].map((t) => join(config.dataDir, t))]);
}

const readdirIfAny = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

/** Copies the database beside its place, checks it, then renames it in (no stale WAL may be left to replay). */
async function putDatabase(copy: string, database: string): Promise<void> {
  await mkdir(dirname(database), { recursive: true, mode: 0o700 });
  const temp = `${database}.restoring`;
  await copyFile(copy, temp);
  await chmod(temp, 0o600);
  const integrity = await SqliteFile.with(temp, 'write', (db) => db.integrity());
  if (integrity !== 'ok') throw new BackupError(`The backup's database fails its integrity check: ${integrity}`);
  await removeAll(databaseSidecars(database).concat(`${temp}-wal`, `${temp}-shm`, `${temp}-journal`));
  await rename(temp, database);
}
