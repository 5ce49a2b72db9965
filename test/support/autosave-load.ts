import { SqliteFile } from '../../src/core/backup/sqlite-file';
import { auth, createEdition, createUser, enrol } from './lifecycle';
import type { HttpClient } from './test-app';

/** An official autosaving one assessment. */
export interface Writer {
  readonly token: string;
  readonly assessmentId: string;
}

/** A save the server answered with 2xx: the version it gave and the value sent. */
export interface AckedSave {
  readonly assessmentId: string;
  readonly group: string;
  readonly itemKey: string;
  readonly version: number;
  readonly value: string;
  /** Date.now() when the answer arrived. */
  readonly at: number;
}

interface Item {
  readonly group: string;
  readonly itemKey: string;
}

const keyOf = (assessmentId: string, group: string, itemKey: string) => `${assessmentId}/${group}/${itemKey}`;

/** Officials of `count` governments of one state, each enrolled in `year` (an edition created here). */
export async function prepareWriters(
  app: HttpClient,
  admin: string,
  count: number,
  year: number,
  uf = 'SP',
): Promise<Writer[]> {
  await createEdition(app, admin, year);
  const governments = (await app.request('GET', `/api/governments?uf=${uf}&kind=municipality&limit=${count}`)).body
    .items as { ibgeCode: string }[];
  const writers: Writer[] = [];
  for (const [i, g] of governments.entries()) {
    const token = await createUser(app, admin, `autosave${i}@${uf.toLowerCase()}.test`, 'official', g.ibgeCode);
    writers.push({ token, assessmentId: (await enrol(app, token, year, g.ibgeCode)).id });
  }
  return writers;
}

/**
 * Several officials autosaving at once, as the diagnosis page does: each saves a new text into one of its
 * groups' note items (any text is valid, so every save can be told apart), sometimes two items in one
 * request, naming the version it changes. A failed or refused save (server down, closing, or a save whose
 * answer was lost) makes the writer ask the server what it has and go on from there.
 */
export class AutosaveLoad {
  /** Every acknowledged save, in the order the answers arrived. */
  readonly acked: AckedSave[] = [];
  /** Acknowledged saves the server did not have when a writer asked again (should stay empty). */
  readonly regressions: string[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly client: () => HttpClient,
    private readonly writers: readonly Writer[],
  ) {}

  start(): void {
    this.running = true;
    this.loops = this.writers.map((w, i) => this.loop(w, i));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** The highest acknowledged version of each item, with its value. */
  latest(until = Infinity): Map<string, AckedSave> {
    const latest = new Map<string, AckedSave>();
    for (const s of this.acked.filter((a) => a.at < until)) {
      const key = keyOf(s.assessmentId, s.group, s.itemKey);
      if ((latest.get(key)?.version ?? -1) < s.version) latest.set(key, s);
    }
    return latest;
  }

  private async loop(writer: Writer, index: number): Promise<void> {
    let state = await this.resync(writer);
    for (let seq = 0; this.running && state; seq++) {
      const items =
        seq % 5 === 4
          ? [state.items[seq % state.items.length], state.items[(seq + 1) % state.items.length]]
          : [state.items[seq % state.items.length]];
      const answers = items.map((it) => ({
        ...it,
        value: `writer ${index}, save ${seq}, ${it.itemKey}`,
        expectedVersion: state!.versions.get(keyOf(writer.assessmentId, it.group, it.itemKey)) ?? 0,
      }));
      const res = await this.client()
        .request('PUT', `/api/assessments/${writer.assessmentId}/answers`, { answers }, auth(writer.token))
        .catch(() => undefined);
      if (res && res.status >= 200 && res.status < 300) this.record(writer, answers, res.body.saved, state.versions);
      else state = await this.resync(writer);
    }
  }

  private record(
    writer: Writer,
    answers: { group: string; itemKey: string; value: string }[],
    saved: { group: string; itemKey: string; version: number }[],
    versions: Map<string, number>,
  ): void {
    const at = Date.now();
    for (const s of saved) {
      const value = answers.find((a) => a.group === s.group && a.itemKey === s.itemKey)!.value;
      versions.set(keyOf(writer.assessmentId, s.group, s.itemKey), s.version);
      this.acked.push({
        assessmentId: writer.assessmentId,
        group: s.group,
        itemKey: s.itemKey,
        version: s.version,
        value,
        at,
      });
    }
  }

  /** Asks the server (until it answers, or the load stops) for the writer's answers and their versions. */
  private async resync(writer: Writer): Promise<{ items: Item[]; versions: Map<string, number> } | undefined> {
    while (this.running) {
      const res = await this.client()
        .request('GET', `/api/assessments/${writer.assessmentId}`, undefined, auth(writer.token))
        .catch(() => undefined);
      if (res?.status === 200) return this.fromView(writer, res.body);
      await new Promise((r) => setTimeout(r, 100));
    }
    return undefined;
  }

  private fromView(
    writer: Writer,
    view: {
      groups: { group: string; items: { key: string; answer?: { version: number; value: unknown } | null }[] }[];
    },
  ) {
    const items: Item[] = [];
    const versions = new Map<string, number>();
    for (const g of view.groups) {
      for (const it of g.items) {
        if (it.key === `${g.group}-notes`) items.push({ group: g.group, itemKey: it.key });
        if (it.answer) versions.set(keyOf(writer.assessmentId, g.group, it.key), it.answer.version);
      }
    }
    for (const [key, save] of this.latest()) {
      if (key.startsWith(`${writer.assessmentId}/`) && (versions.get(key) ?? 0) < save.version)
        this.regressions.push(`${key}: version ${save.version} acknowledged, the server has ${versions.get(key) ?? 0}`);
    }
    return { items, versions };
  }
}

export interface SaveCheck {
  readonly acknowledged: number;
  readonly verified: number;
  readonly lost: string[];
}

/**
 * Checks acknowledged saves against a database file (the server stopped): each one is in the audit trail
 * with its version and value (written in the save's own transaction), and each item holds at least the
 * latest acknowledged version, with its value when no later save reached it.
 */
export async function checkSaves(databasePath: string, saves: readonly AckedSave[]): Promise<SaveCheck> {
  return SqliteFile.with(databasePath, 'write', async (db) => {
    const answers = new Map<string, { version: number; value: string | null }>();
    for (const r of await db.all<{ k: string; version: number; value: string | null }>(
      `SELECT assessment_id || '/' || group_slug || '/' || item_key AS k, version, value FROM answers`,
    ))
      answers.set(r.k, { version: r.version, value: r.value === null ? null : (JSON.parse(r.value) as string) });
    const trail = new Set<string>();
    for (const r of await db.all<{ entity_id: string; after: string }>(
      `SELECT entity_id, after FROM audit_log WHERE action = 'answer.save'`,
    )) {
      const after = JSON.parse(r.after) as { version: number; value: unknown };
      trail.add(`${r.entity_id}#${after.version}#${JSON.stringify(after.value)}`);
    }
    const lost: string[] = [];
    for (const s of saves) {
      const key = keyOf(s.assessmentId, s.group, s.itemKey);
      const row = answers.get(key);
      const inTrail = trail.has(`${key}#${s.version}#${JSON.stringify(s.value)}`);
      const held =
        row !== undefined && (row.version > s.version || (row.version === s.version && row.value === s.value));
      if (!inTrail || !held)
        lost.push(`${key} v${s.version} "${s.value}" (database: v${row?.version ?? 0} "${row?.value}")`);
    }
    return { acknowledged: saves.length, verified: saves.length - lost.length, lost };
  });
}
