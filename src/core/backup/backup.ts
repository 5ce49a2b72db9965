import { existsSync, readdirSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { type AppConfig, sqliteFileFor } from '../../config/app-config';
import {
  type BackupManifest,
  DATABASE_COPY,
  databaseSidecars,
  FILES_COPY,
  listFiles,
  MANIFEST,
  MANIFEST_FORMAT,
  mkdirPrivate,
  readIfPresent,
  sha256,
  type StoredCopy,
  writePrivate,
} from './backup-files';
import { SqliteFile } from './sqlite-file';

export class BackupError extends Error {}

export interface BackupSummary {
  readonly dir: string;
  readonly rows: number;
  readonly tables: number;
  readonly files: number;
  readonly bytes: number;
  readonly lastMigration: string | null;
}

/**
 * A consistent copy of a running engine: the database first, as one snapshot (`VACUUM INTO` reads a single
 * transaction while the engine goes on writing), then the files under DATA_DIR. Stored files never change
 * once written and are removed only when no committed row refers to them, so every file the snapshot refers
 * to is still there to copy; files newer than the snapshot come along unreferenced, which is harmless.
 */
export async function backup(config: AppConfig, target: string): Promise<BackupSummary> {
  const dir = resolve(target);
  refuseTarget(config, dir);
  await mkdirPrivate(dir);
  const snapshot = join(dir, DATABASE_COPY);
  await snapshotDatabase(sqliteFileFor(config.database, 'backup'), snapshot);
  const facts = await databaseFacts(snapshot);
  const files = await copyDataDir(config, dir);
  refuseIncomplete(facts.referenced, files);
  const bytes = await readIfPresent(snapshot);
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    createdAt: new Date().toISOString(),
    lastMigration: facts.lastMigration,
    database: { path: DATABASE_COPY, sha256: sha256(bytes!), size: bytes!.byteLength, rows: facts.rows },
    files,
  };
  await writePrivate(join(dir, MANIFEST), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return {
    dir,
    rows: Object.values(facts.rows).reduce((a, b) => a + b, 0),
    tables: Object.keys(facts.rows).length,
    files: files.length,
    bytes: files.reduce((a, f) => a + f.size, 0),
    lastMigration: facts.lastMigration,
  };
}

function refuseTarget(config: AppConfig, dir: string): void {
  const database = sqliteFileFor(config.database, 'backup');
  if (!existsSync(database)) throw new BackupError(`No database at ${database}`);
  const inside = (parent: string) => dir === parent || dir.startsWith(parent + sep);
  if (inside(config.dataDir)) throw new BackupError(`The backup folder ${dir} must be outside DATA_DIR`);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new BackupError(`The backup folder ${dir} is not empty`);
}

async function snapshotDatabase(database: string, into: string): Promise<void> {
  await SqliteFile.with(database, 'write', async (db) => {
    // The engine may hold the write lock for a moment: wait for it rather than fail.
    await db.run('PRAGMA busy_timeout = 30000');
    await db.run('VACUUM INTO ?', [into]);
  });
  await chmod(into, 0o600);
}

interface DatabaseFacts {
  readonly rows: Record<string, number>;
  readonly lastMigration: string | null;
  /** The stored files the rows refer to, as paths under DATA_DIR. */
  readonly referenced: string[];
}

async function databaseFacts(snapshot: string): Promise<DatabaseFacts> {
  return SqliteFile.with(snapshot, 'read', async (db) => {
    const tables = await db.all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    );
    const rows: Record<string, number> = {};
    for (const { name } of tables) {
      rows[name] = (await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`))[0].n;
    }
    const [last] = await db.all<{ name: string }>(`SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1`);
    const stored = await db.all<{ sha256: string }>(`SELECT sha256 FROM stored_files`);
    return {
      rows,
      lastMigration: last?.name ?? null,
      referenced: stored.map((s) => storedFilePath(s.sha256)),
    };
  });
}

/** Where the content-addressed store keeps a file, relative to DATA_DIR (see ContentAddressedStore). */
export const storedFilePath = (sha: string) => `files/${sha.slice(0, 2)}/${sha}`;

/** Copies DATA_DIR but the database (already snapshot) and files being written (not yet under their name). */
async function copyDataDir(config: AppConfig, dir: string): Promise<StoredCopy[]> {
  const skipped = new Set(databaseSidecars(sqliteFileFor(config.database, 'backup')));
  // The content-addressed store writes `.<sha>.<random>.tmp` before renaming: those are not files yet.
  const paths = await listFiles(config.dataDir, (p) => skipped.has(p) || /(^|[/\\])\.[^/\\]*\.tmp$/.test(p));
  const copied: StoredCopy[] = [];
  for (const path of paths) {
    const bytes = await readIfPresent(join(config.dataDir, path));
    if (!bytes) continue;
    await writePrivate(join(dir, FILES_COPY, path), bytes);
    copied.push({ path, sha256: sha256(bytes), size: bytes.byteLength });
  }
  return copied;
}

function refuseIncomplete(referenced: readonly string[], files: readonly StoredCopy[]): void {
  const have = new Map(files.map((f) => [f.path, f.sha256]));
  const missing = referenced.filter((p) => have.get(p) !== p.slice(p.lastIndexOf('/') + 1));
  if (missing.length > 0) {
    throw new BackupError(
      `${missing.length} stored file(s) the database refers to are missing or altered under DATA_DIR, e.g. ${missing[0]}`,
    );
  }
}
