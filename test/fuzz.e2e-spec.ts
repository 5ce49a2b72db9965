import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Database, OPEN_READONLY } from 'sqlite3';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { sqliteFileFor } from '../src/config/app-config';
import { INDICATOR_GROUP_MODULES } from '../src/indicators';
import { ADMIN, auth, createEdition, createUser, enrol, login, PASSWORD, samplePdf } from './support/lifecycle';
import {
  FILE_NAMES,
  type FuzzKind,
  junkFile,
  malformedForm,
  malformedHeaders,
  malformedJsonBody,
  malformedParam,
  malformedQuery,
  MIME_TYPES,
  nastyString,
  PAGE_QUERY_NAMES,
  type Schema,
} from './support/malformed-requests';
import { listRoutes } from './support/routes';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';
import { formSignIn } from './support/form-sign-in';

/** How many requests of each kind: 10,200 in all. */
const COUNTS: Record<FuzzKind, number> = { bodies: 3600, queries: 2000, paths: 2000, headers: 1600, multipart: 1000 };
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const CONCURRENCY = 8;
const MAX_UPLOAD_MB = '0.05';

/**
 * Tables left out of the before/after comparison, because a refused request is meant to change them:
 * `sign_ins` records every sign-in attempt, failed ones included (the fuzz sends thousands to the sign-in routes).
 */
const EXCLUDED_TABLES = new Set(['sign_ins']);

/** Lets the test list the app's routes (Nest's DiscoveryService). */
@Module({ imports: [DiscoveryModule] })
class RouteDiscoveryModule {}

interface Identity {
  readonly name: string;
  /** The role the access rules know, or null for anonymous. */
  readonly role: string | null;
  readonly headers: Record<string, string>;
  /** The CSRF token of a browser session: sent only where a request cannot act (see `mayAct`). */
  readonly csrf?: string;
}

interface FuzzRoute {
  readonly method: string;
  readonly path: string;
  readonly params: readonly string[];
  readonly query: readonly string[];
  readonly roles: 'public' | readonly string[];
  readonly page: boolean;
  /** The JSON body's schema, when the route takes JSON (API routes, from the OpenAPI document). */
  readonly json?: Schema;
  readonly multipart?: readonly string[];
}

interface FuzzRequest {
  readonly kind: FuzzKind;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string | FormData;
}

/** Every table's rows (the sign-in log aside), and the files kept under DATA_DIR with their sizes. */
async function digest(databasePath: string, dataDir: string): Promise<Record<string, string>> {
  const db = new Database(databasePath, OPEN_READONLY);
  const all = (sql: string) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) =>
      db.all(sql, (e: Error | null, rows: Record<string, unknown>[]) => (e ? reject(e) : resolve(rows))),
    );
  const result: Record<string, string> = {};
  try {
    const tables = await all(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
    for (const { name } of tables) {
      if (EXCLUDED_TABLES.has(String(name))) continue;
      const rows = await all(`SELECT * FROM "${String(name)}"`);
      const lines = rows.map((r) =>
        JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
      );
      result[`table ${String(name)}`] = lines.sort().join('\n');
    }
  } finally {
    db.close();
  }
  return { ...result, files: filesDigest(dataDir) };
}

/** The same digest on PostgreSQL, through the app's own connection (its schema's tables). */
async function postgresDigest(ds: DataSource, dataDir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const tables = (await ds.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )) as { name: string }[];
  for (const { name } of tables) {
    if (EXCLUDED_TABLES.has(name)) continue;
    const rows = (await ds.query(`SELECT * FROM "${name}"`)) as Record<string, unknown>[];
    result[`table ${name}`] = rows
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
      .sort()
      .join('\n');
  }
  return { ...result, files: filesDigest(dataDir) };
}

/** The database's digest, whichever database the app runs on. */
const digestOf = (app: RunningApp) =>
  app.config.database.type === 'postgres'
    ? postgresDigest(app.app.get(DataSource), app.config.dataDir)
    : digest(sqliteFileFor(app.config.database, 'the database digest'), app.config.dataDir);

/** The files kept under DATA_DIR with their sizes. */
function filesDigest(dataDir: string): string {
  return readdirSync(dataDir, { recursive: true })
    .map(String)
    .filter((f) => !f.endsWith('.sqlite-wal') && !f.endsWith('.sqlite-shm') && statSync(join(dataDir, f)).isFile())
    .map((f) => `${f} ${statSync(join(dataDir, f)).size}`)
    .sort()
    .join('\n');
}

/** Signs in through the sign-in form: the session cookie and the page's CSRF token. */
async function browserSession(app: RunningApp, email: string): Promise<{ cookie: string; csrf: string }> {
  return formSignIn(app, email, PASSWORD);
}

type OpenApi = {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, Schema> };
};

/** A schema with its `$ref`s replaced by the components they name (one level is all the generators look at). */
function resolve(schema: any, doc: OpenApi, depth = 0): Schema | undefined {
  if (!schema || depth > 4) return schema;
  if (schema.$ref) return resolve(doc.components?.schemas?.[String(schema.$ref).split('/').pop()!], doc, depth + 1);
  const properties = schema.properties
    ? Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, doc, depth + 1)!]))
    : undefined;
  return { ...schema, properties, items: schema.items ? resolve(schema.items, doc, depth + 1) : undefined };
}

/** The routes to fuzz: every route the app serves, with what the OpenAPI document says of the API's. */
function fuzzRoutes(app: RunningApp, doc: OpenApi): FuzzRoute[] {
  return listRoutes(app.app).map((r) => {
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const operation = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
    const content = operation?.requestBody?.content ?? {};
    const roles = r.rule && 'public' in r.rule ? 'public' : (r.rule?.roles ?? []);
    const page = !r.path.startsWith('/api/');
    const multipart = content['multipart/form-data']?.schema;
    return {
      method: r.method,
      path: r.path,
      params,
      roles,
      page,
      query: page
        ? PAGE_QUERY_NAMES
        : (operation?.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => String(p.name)),
      json: content['application/json'] ? resolve(content['application/json'].schema, doc) : undefined,
      multipart: multipart
        ? Object.keys(resolve(multipart, doc)?.properties ?? {})
        : page && r.method === 'POST'
          ? ['data', 'file', 'letterOfIntent', 'certificate', 'completedAt']
          : undefined,
    };
  });
}

const allowed = (route: FuzzRoute, identity: Identity) =>
  route.roles === 'public' || (identity.role !== null && route.roles.includes(identity.role));

/** How a connection ends when the server refuses a request before reading it all (413, 431). */
const CLOSED = /^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/;

/** Pages that act on any form, even an empty one: signing out, renewing the session. */
const ACTS_WITHOUT_INPUT = new Set(['/sair', '/sessao/renovar']);

/** Answers that render a PDF with Chromium: seconds each, and they keep what they render. */
const RENDERS = /\.pdf$/;

describe('fuzz: malformed requests to every route never answer 5xx and change no data', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let routes: FuzzRoute[];
  let identities: Identity[];
  let real: Record<string, string>;
  let doc: OpenApi;

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    const env = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, MAX_UPLOAD_MB };
    app = await bootApp(testConfig(scratch.dir, env), [...INDICATOR_GROUP_MODULES, RouteDiscoveryModule]);
    const admin = await login(app, ADMIN.email, ADMIN.password);
    const staff = {
      admin,
      reviewer: await createUser(app, admin, 'revisora@oim.test', 'reviewer'),
      certifier: await createUser(app, admin, 'certificadora@ufrgs.test', 'certifier'),
    };
    const year = new Date().getUTCFullYear();
    const official = await createUser(app, staff.admin, 'focal@poa.test', 'official', '4314902');
    const other = await createUser(app, staff.admin, 'focal@recife.test', 'official', '2611606');
    await createEdition(app, staff.admin, year);
    const assessment = await enrol(app, official, year, '4314902');
    const form = new FormData();
    form.append('file', new Blob([samplePdf('Lei municipal')], { type: 'application/pdf' }), 'lei.pdf');
    const sha = (await app.upload(`/api/assessments/${assessment.id}/evidence`, form, auth(official))).body.file;
    real = {
      id: assessment.id,
      sha256: sha,
      year: String(year),
      ano: String(year),
      ibgeCode: '4314902',
      ibge: '4314902',
      slug: 'governance',
      key: 'focal-body',
      version: '1',
    };
    const officialPage = await browserSession(app, 'focal@poa.test');
    const reviewerPage = await browserSession(app, 'revisora@oim.test');
    identities = [
      { name: 'anonymous', role: null, headers: {} },
      { name: 'official', role: 'official', headers: auth(official) },
      { name: 'official of another government', role: 'official', headers: auth(other) },
      { name: 'reviewer', role: 'reviewer', headers: auth(staff.reviewer) },
      { name: 'certifier', role: 'certifier', headers: auth(staff.certifier) },
      {
        name: 'admin',
        role: 'admin',
        headers: auth(await login(app, 'admin@migracidades.test', 'admin-password-123')),
      },
      {
        name: 'official (browser)',
        role: 'official',
        headers: { cookie: officialPage.cookie },
        csrf: officialPage.csrf,
      },
      {
        name: 'reviewer (browser)',
        role: 'reviewer',
        headers: { cookie: reviewerPage.cookie },
        csrf: reviewerPage.csrf,
      },
    ];
    doc = (await app.request('GET', '/api/docs/openapi.json')).body as OpenApi;
    routes = fuzzRoutes(app, doc);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('takes the API routes from the OpenAPI document, which lists every one of them', () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const apiRoutes = routes.filter((r) => !r.page).map((r) => `${r.method} ${r.path}`);
    expect(apiRoutes.filter((r) => !documented.includes(r))).toEqual([]);
    expect(routes.filter((r) => r.page).length).toBeGreaterThan(20);
  });

  it('answers at least 10,000 malformed requests with 4xx (or a success that changes nothing)', async () => {
    const before = await digestOf(app);
    const requests = (Object.keys(COUNTS) as FuzzKind[]).flatMap((kind, i) =>
      fc.sample(requestOf(kind), { numRuns: COUNTS[kind], seed: SEED + i }),
    );
    const failures: string[] = [];
    const unreadable: string[] = [];
    let closed = 0;
    const counts: Record<FuzzKind, number> = { bodies: 0, queries: 0, paths: 0, headers: 0, multipart: 0 };
    await pool(requests, CONCURRENCY, async (r) => {
      const { status, text } = await send(r);
      counts[r.kind]++;
      if (status === -2) unreadable.push(`${r.kind} ${r.method} ${r.url.slice(0, 100)}: ${text}`);
      if (status === -1) closed++;
      if (status >= 500) failures.push(`${status} ${r.kind} ${r.method} ${r.url.slice(0, 200)}: ${text.slice(0, 200)}`);
    });
    const after = await digestOf(app);
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const fmt = (n: number) => n.toLocaleString('en');
    // eslint-disable-next-line no-console
    console.log(
      `fuzz: ${fmt(total)} inputs tried (bodies ${fmt(counts.bodies)}, queries ${fmt(counts.queries)}, ` +
        `paths ${fmt(counts.paths)}, headers ${fmt(counts.headers)}, multipart ${fmt(counts.multipart)}), ` +
        `${failures.length} 5xx, ${changed.length === 0 ? 'data unchanged' : `data changed: ${changed.join(', ')}`}` +
        ` (seed ${SEED}; ${fmt(closed)} refused by closing the connection before reading them whole; ` +
        `tables left out: ${[...EXCLUDED_TABLES].join(', ')})`,
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(unreadable.slice(0, 20)).toEqual([]);
    // What changed, row by row: the rows that appeared.
    const appeared = changed.flatMap((k) => after[k].split('\n').filter((row) => !before[k].split('\n').includes(row)));
    expect(appeared.slice(0, 5)).toEqual([]);
    expect(changed).toEqual([]);
  }, 600_000);

  /** Runs `work` on every item, `size` at a time. */
  async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < items.length) await work(items[next++]);
    };
    await Promise.all(Array.from({ length: size }, worker));
  }

  async function send(r: FuzzRequest): Promise<{ status: number; text: string }> {
    try {
      const res = await fetch(app.baseUrl + r.url, {
        method: r.method,
        headers: r.headers,
        body: r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body,
        redirect: 'manual',
      });
      return { status: res.status, text: await res.text() };
    } catch (e) {
      // The client refusing to send (a header it will not write), or the server closing the connection on
      // a request it refused before reading it whole (over 1 MB, headers over 16 KB): no status to read.
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
      return { status: CLOSED.test(cause) ? -1 : -2, text: cause };
    }
  }

  /**
   * Whether every request of this kind to this route carries input that the route refuses: a malformed JSON
   * body (unknown fields are refused), a multipart upload of junk, or a random form to a page of no parameters
   * that needs its fields (the pages that act on an empty form are left out).
   */
  const refusedInput = (kind: FuzzKind, route: FuzzRoute) =>
    route.page
      ? kind === 'bodies' && route.params.length === 0 && !ACTS_WITHOUT_INPUT.has(route.path)
      : (kind === 'bodies' && !!route.json) || (kind === 'multipart' && !!route.multipart);

  /**
   * Whether a request could do what its route does: a state-changing route (or one that renders a PDF), called
   * by someone it allows, with real parameters, and no input it is sure to refuse. Such a request is sent by
   * someone the route refuses instead: a fuzzed request must be one that is refused.
   */
  const mayAct = (kind: FuzzKind, route: FuzzRoute, identity: Identity, realParams: boolean) =>
    (route.method !== 'GET' || RENDERS.test(route.path)) &&
    allowed(route, identity) &&
    realParams &&
    (RENDERS.test(route.path) || !refusedInput(kind, route));

  function requestOf(kind: FuzzKind): fc.Arbitrary<FuzzRequest> {
    const candidates = routes.filter((r) => {
      if (kind === 'bodies') return r.method !== 'GET';
      if (kind === 'paths') return r.params.length > 0;
      if (kind === 'multipart') return !!r.multipart;
      return true;
    });
    return fc
      .record({
        route: fc.constantFrom(...candidates),
        identity: fc.constantFrom(...identities),
        csrf: fc.boolean(),
        params: fc.array(fc.option(malformedParam(), { freq: 2 }), { minLength: 4, maxLength: 4 }),
      })
      .chain(({ route, identity, csrf, params }) => {
        const malformed: (string | null)[] = route.params.map((_p, i) => (kind === 'paths' ? params[i] : null));
        if (kind === 'paths' && !malformed.some((m) => m !== null)) malformed[0] = '%zz';
        const realParams = malformed.every((m, i) => m === null && real[route.params[i]] !== undefined);
        const who = mayAct(kind, route, identity, realParams) ? refusedIdentity(route) : identity;
        const withCsrf = csrf && who === identity && !!identity.csrf;
        const path = route.path.replace(/:(\w+)/g, (_m, name: string) => {
          const i = route.params.indexOf(name);
          return malformed[i] ?? real[name] ?? 'unknown';
        });
        return partsOf(kind, route, refusedInput(kind, route)).map(({ query, headers, body }) => ({
          kind,
          method: route.method,
          url: `${path}${query ? `?${query}` : ''}`,
          headers: {
            ...(route.page ? { accept: 'text/html' } : {}),
            ...who.headers,
            ...(withCsrf ? { 'x-csrf-token': identity.csrf! } : {}),
            ...headers,
          },
          body,
        }));
      });
  }

  /** Someone the route refuses, so that a request which would otherwise act is answered 401 or 403. */
  function refusedIdentity(route: FuzzRoute): Identity {
    const refused = identities.find((i) => !allowed(route, i) && !i.csrf);
    // A public route that acts on no input (sign-out): a browser without its CSRF token.
    return refused ?? { name: 'browser without token', role: null, headers: { cookie: 'mc_csrf=a' } };
  }

  /** The varied part of a request; `strict`: only the bodies `refusedInput` counts on (JSON, or a page's form). */
  function partsOf(
    kind: FuzzKind,
    route: FuzzRoute,
    strict: boolean,
  ): fc.Arbitrary<{ query?: string; headers: Record<string, string>; body?: string | FormData }> {
    const jsonBody = malformedJsonBody(route.json).map((body) => ({ 'content-type': 'application/json', body }));
    const formBody = malformedForm().map((body) => ({ 'content-type': 'application/x-www-form-urlencoded', body }));
    const body = strict
      ? route.page
        ? formBody
        : jsonBody
      : route.page
        ? fc.oneof(formBody, jsonBody)
        : fc.oneof({ weight: 4, arbitrary: jsonBody }, formBody);
    const noBody = fc.constant({ 'content-type': undefined, body: undefined });
    switch (kind) {
      case 'bodies':
        return body.map(({ body: b, ...type }) => ({ headers: clean(type), body: b }));
      case 'queries':
        return malformedQuery(route.query).map((query) => ({ query, headers: {} }));
      case 'paths':
        return (route.method === 'GET' ? noBody : body).map(({ body: b, ...type }) => ({
          headers: clean(type),
          body: b,
        }));
      case 'headers':
        return fc
          .tuple(malformedHeaders(), route.method === 'GET' ? noBody : body)
          .map(([headers, { body: b, ...type }]) => ({ headers: { ...clean(type), ...headers }, body: b }));
      case 'multipart':
        return multipartOf(route.multipart ?? ['file']).map((form) => ({ headers: {}, body: form }));
    }
  }

  function multipartOf(fields: readonly string[]): fc.Arbitrary<FormData> {
    const maxBytes = Number(MAX_UPLOAD_MB) * 1024 * 1024;
    const part = fc.record({
      name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: nastyString() }),
      file: fc.option(
        fc.record({
          bytes: junkFile(maxBytes),
          name: fc.constantFrom(...FILE_NAMES),
          type: fc.constantFrom(...MIME_TYPES),
        }),
        { freq: 2 },
      ),
      text: fc.oneof(nastyString(), malformedJsonBody(undefined)),
    });
    return fc.array(part, { minLength: 0, maxLength: 25 }).map((parts) => {
      const form = new FormData();
      for (const p of parts) {
        if (p.file) form.append(p.name, new Blob([p.file.bytes], { type: p.file.type }), p.file.name);
        else form.append(p.name, p.text);
      }
      return form;
    });
  }
});

const clean = (headers: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
