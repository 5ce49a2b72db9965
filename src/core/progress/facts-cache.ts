import type { DataSource } from 'typeorm';
import { asNumber, rawQuery } from '../../database/portable-sql';

/** Values computed from the facts tables, as they stand at one facts version. */
export interface FactsEntries {
  /** The value under `key`, computed once per facts version (a failed computation is not kept). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/**
 * Figures computed from the facts tables (`assessment_facts`, `group_facts`, …), kept while the database's
 * `facts_version` stays the same: the triggers that keep the facts bump it in the same transaction as any
 * change of scores. The version is read from the database (one indexed row) before anything is served, so a
 * change committed by any process of the deployment empties every process's cache at its next read: nothing
 * here outlives a change made elsewhere.
 */
export class FactsCache {
  private version = -1;
  private entries = new Map<string, Promise<unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  /** The entries valid now: emptied first if the facts changed since they were computed. */
  async current(): Promise<FactsEntries> {
    const [row] = await rawQuery<{ version: unknown }>(
      this.dataSource,
      `SELECT "version" FROM "facts_version" WHERE "id" = 1`,
    );
    const version = asNumber(row.version);
    if (version !== this.version) {
      this.version = version;
      this.entries = new Map();
    }
    const entries = this.entries;
    return {
      get: <T>(key: string, compute: () => Promise<T>): Promise<T> => {
        let value = entries.get(key) as Promise<T> | undefined;
        if (!value) {
          value = compute();
          entries.set(key, value);
          value.catch(() => entries.get(key) === value && entries.delete(key));
        }
        return value;
      },
    };
  }
}
