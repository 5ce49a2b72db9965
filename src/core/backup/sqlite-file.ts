import { Database, OPEN_READONLY, OPEN_READWRITE } from 'sqlite3';

/**
 * One SQLite file opened directly, outside TypeORM: the backup reads a snapshot of the running engine's
 * database, and the restore must know whether anyone still has the database open.
 */
export class SqliteFile {
  private constructor(private readonly db: Database) {}

  /** Opens an existing file (never creates one: a wrong path must not become an empty database). */
  static open(path: string, mode: 'read' | 'write' = 'write'): Promise<SqliteFile> {
    const flags = mode === 'read' ? OPEN_READONLY : OPEN_READWRITE;
    return new Promise((resolve, reject) => {
      const db = new Database(path, flags, (e) => (e ? reject(e) : resolve(new SqliteFile(db))));
    });
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows as T[]))),
    );
  }

  run(sql: string, params: unknown[] = []): Promise<void> {
    return new Promise((resolve, reject) => this.db.run(sql, params, (e) => (e ? reject(e) : resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((e) => (e ? reject(e) : resolve())));
  }

  /** Runs `work` on the file and closes it whatever happens. */
  static async with<T>(path: string, mode: 'read' | 'write', work: (db: SqliteFile) => Promise<T>): Promise<T> {
    const db = await SqliteFile.open(path, mode);
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }

  /**
   * Whether another connection has the file open (a running engine holds a shared lock on a WAL database
   * for as long as it is open): taking the exclusive lock, without waiting, fails then.
   */
  static async inUse(path: string): Promise<boolean> {
    return SqliteFile.with(path, 'write', async (db) => {
      await db.run('PRAGMA locking_mode = EXCLUSIVE');
      try {
        await db.run('BEGIN EXCLUSIVE');
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
        throw e;
      }
      await db.run('COMMIT');
      return false;
    });
  }

  /** `PRAGMA integrity_check`: 'ok', or the problems SQLite found. */
  async integrity(): Promise<string> {
    const rows = await this.all<{ integrity_check: string }>('PRAGMA integrity_check');
    return rows.map((r) => r.integrity_check).join('; ');
  }
}
