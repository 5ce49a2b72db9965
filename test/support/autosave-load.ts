import { withDatabaseClient } from './database-client';
import { ADMIN, auth, createEdition, createUser, enrol, login } from './lifecycle';
import { bootApp, type HttpClient, type RunningApp, scratchDir, testConfig } from './test-app';

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

/** The app booted for a describe block, and its administrator's token. */
export interface SavesApp {
  readonly app: RunningApp;
  readonly admin: string;
}

/**
 * Boots the app on its test database, with its administrator signed in, in the calling describe block's
 * beforeAll (closed in its afterAll): the setup of the suites that fire concurrent saves at one booted app.
 */
export function bootForSaves(): () => SavesApp {
  let app: RunningApp | undefined;
  let admin: string | undefined;
  let cleanup: (() => void) | undefined;
  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    app = await bootApp(testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }));
    admin = await login(app, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });
  return () => ({ app: app!, admin: admin! });
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

/** A SQLite file's path, or a database address (`sqlite:<file>`, `postgres://…?schema=`). */
const asDatabaseUrl = (database: string) =>
  /^(sqlite:|postgres(ql)?:\/\/)/.test(database) ? database : `sqlite:${database}`;

/** What the database holds: each answer's version and value, and the saves in the audit trail. */
async function readSaved(database: string) {
  return withDatabaseClient(asDatabaseUrl(database), async (db) => {
    const answers = new Map<string, { version: number; value: string | null }>();
    for (const r of await db.all<{
      assessment_id: string;
      group_slug: string;
      item_key: string;
      version: number;
      value: string | null;
    }>(`SELECT assessment_id, group_slug, item_key, version, CAST(value AS TEXT) AS value FROM answers`))
      answers.set(keyOf(r.assessment_id, r.group_slug, r.item_key), {
        version: Number(r.version),
        value: r.value === null ? null : (JSON.parse(r.value) as string),
      });
    const trail = new Set<string>();
    for (const r of await db.all<{ entity_id: string; after: string }>(
      `SELECT entity_id, CAST(after AS TEXT) AS after FROM audit_log WHERE action = 'answer.save'`,
    )) {
      const after = JSON.parse(r.after) as { version: number; value: unknown };
      trail.add(`${r.entity_id}#${after.version}#${JSON.stringify(after.value)}`);
    }
    return { answers, trail };
  });
}

/**
 * Checks acknowledged saves against the database (the server stopped), read with its own client (sqlite3 for a
 * file, pg for PostgreSQL): each one is in the audit trail with its version and value (written in the save's own
 * transaction), and each item holds at least the latest acknowledged version, with its value when no later save
 * reached it. `database`: a SQLite file's path or a database address.
 */
export async function checkSaves(database: string, saves: readonly AckedSave[]): Promise<SaveCheck> {
  const { answers, trail } = await readSaved(database);
  const lost: string[] = [];
  for (const s of saves) {
    const key = keyOf(s.assessmentId, s.group, s.itemKey);
    const row = answers.get(key);
    const inTrail = trail.has(`${key}#${s.version}#${JSON.stringify(s.value)}`);
    const held = row !== undefined && (row.version > s.version || (row.version === s.version && row.value === s.value));
    if (!inTrail || !held)
      lost.push(`${key} v${s.version} "${s.value}" (database: v${row?.version ?? 0} "${row?.value}")`);
  }
  return { acknowledged: saves.length, verified: saves.length - lost.length, lost };
}
