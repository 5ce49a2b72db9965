import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';

export interface SqliteDatabaseConfig {
  readonly type: 'sqlite';
  /** Absolute path of the SQLite file. */
  readonly path: string;
}

export interface PostgresDatabaseConfig {
  readonly type: 'postgres';
  /** postgres://user:password@host:port/database, as given (the driver reads it). */
  readonly url: string;
  /** The schema the engine's tables live in (`?schema=` of the URL); unset: the server's search_path. */
  readonly schema?: string;
  /** Connections each app process keeps open (DATABASE_POOL_SIZE, 10 by default). */
  readonly poolSize: number;
}

export type DatabaseConfig = SqliteDatabaseConfig | PostgresDatabaseConfig;

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** Where the engine keeps files (evidence, keys, generated PDFs). */
  readonly dataDir: string;
  /** Where the questionnaire versions are (`assessments/` by default). */
  readonly assessmentsDir: string;
  /** The first administrator, created at first start when none exists. */
  readonly admin?: { readonly email: string; readonly password: string };
  /** Signs access tokens; without it a random secret is kept under DATA_DIR. */
  readonly jwtSecret?: string;
  /** smtp://user:pass@host:port; without it, e-mails stay in the in-app outbox. */
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  /** Public address of the app, for links in e-mails. */
  readonly publicUrl: string;
  /** Largest accepted upload, in bytes. */
  readonly maxUploadBytes: number;
  /** Handlebars templates of the certificate and report. */
  readonly templatesDir: string;
  /** The Chromium that renders PDFs. */
  readonly chromiumPath: string;
  /** How many browser pages render PDFs at once. */
  readonly renderPages: number;
  /** Seals a batch prints as pages of one document and records in one transaction. */
  readonly certificateBatchSize: number;
  /** PostgreSQL: how often (ms) a process looks for batches another process started, to take part in them. */
  readonly batchJoinMs: number;
  /** How many days the sign-in record keeps an attempt (its address and browser); null keeps them all. */
  readonly signInRetentionDays: number | null;
  /** Load the demonstration data at start (DEMO_DATA=1). */
  readonly demoData: boolean;
  /**
   * The demo users' password (DEMO_PASSWORD). Unset, it is the public one of the README, and the demo is then
   * served on a loopback address only.
   */
  readonly demoPassword?: string;
  /** Where the engine's clock starts (CLOCK_START), for demos and tests on another day; unset: the system clock. */
  readonly clockStart?: Date;
  /**
   * The sign-language widget (VLibras), which loads from the federal government's servers (VLIBRAS=1).
   * Off by default: the pages must work on a closed network.
   */
  readonly vlibras: boolean;
  /**
   * Which proxies in front of the engine to believe about the client's address and protocol (TRUST_PROXY):
   * none (the default), all (`true`), the nearest N hops, or a list of addresses and ranges.
   */
  readonly trustProxy: TrustProxy;
  /** Autosaves arriving together share one transaction (GROUP_COMMIT=on, the default; off: one each). */
  readonly groupCommit: boolean;
}

export type TrustProxy = boolean | number | readonly string[];

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Reads the configuration from the environment and refuses, with every problem listed, what would only
 * fail later. Relative paths are taken from the working directory.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));

  const rawPort = env.PORT ?? '3000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${rawPort}"`);
  }

  // This machine only, unless told: a server reachable from the network is a decision of its operator.
  const host = env.HOST ?? '127.0.0.1';
  const dataDir = abs(env.DATA_DIR ?? 'data');
  const rawUrl = env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'migracidades.sqlite')}`;
  let database: DatabaseConfig | undefined;
  if (rawUrl.startsWith('sqlite:')) {
    const file = rawUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file.length === 0)
      problems.push('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/migracidades.sqlite');
    else database = { type: 'sqlite', path: abs(file) };
  } else if (/^postgres(ql)?:/.test(rawUrl)) {
    database = parsePostgresUrl(rawUrl, env.DATABASE_POOL_SIZE ?? '10', problems);
  } else {
    problems.push(
      `DATABASE_URL must look like sqlite:data/migracidades.sqlite or postgres://user:password@host:5432/database, got "${redactPassword(rawUrl)}"`,
    );
  }

  const assessmentsDir = abs(env.ASSESSMENTS_DIR ?? 'assessments');

  let admin: AppConfig['admin'];
  if (env.ADMIN_EMAIL || env.ADMIN_PASSWORD) {
    if (!env.ADMIN_EMAIL || !/^[^@\s]+@[^@\s]+$/.test(env.ADMIN_EMAIL))
      problems.push('ADMIN_EMAIL must be an e-mail address when ADMIN_PASSWORD is set');
    if (!env.ADMIN_PASSWORD || env.ADMIN_PASSWORD.length < 12)
      problems.push('ADMIN_PASSWORD must have at least 12 characters');
    admin = { email: (env.ADMIN_EMAIL ?? '').toLowerCase(), password: env.ADMIN_PASSWORD ?? '' };
  }
  if (env.JWT_SECRET !== undefined && env.JWT_SECRET.length < 32)
    problems.push('JWT_SECRET must have at least 32 characters');
  if (env.SMTP_URL !== undefined && !/^smtps?:\/\/[^/]+/.test(env.SMTP_URL))
    problems.push(`SMTP_URL must look like smtp://user:password@host:587, got "${env.SMTP_URL}"`);
  const rawMax = env.MAX_UPLOAD_MB ?? '10';
  const maxUploadMb = Number(rawMax);
  if (!(maxUploadMb > 0 && maxUploadMb <= 100))
    problems.push(`MAX_UPLOAD_MB must be a number from 0 to 100, got "${rawMax}"`);

  const renderPages = Number(env.RENDER_PAGES ?? '2');
  if (!(Number.isInteger(renderPages) && renderPages >= 1 && renderPages <= 16))
    problems.push(`RENDER_PAGES must be a whole number from 1 to 16, got "${env.RENDER_PAGES}"`);

  const batchSize = Number(env.CERTIFICATE_BATCH_SIZE ?? '50');
  if (!(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 200))
    problems.push(`CERTIFICATE_BATCH_SIZE must be a whole number from 1 to 200, got "${env.CERTIFICATE_BATCH_SIZE}"`);

  const batchJoinMs = Number(env.BATCH_JOIN_MS ?? '2000');
  if (!(Number.isInteger(batchJoinMs) && batchJoinMs >= 100 && batchJoinMs <= 60_000))
    problems.push(`BATCH_JOIN_MS must be a whole number of milliseconds from 100 to 60000, got "${env.BATCH_JOIN_MS}"`);

  const retention = env.SIGN_IN_RETENTION_DAYS ?? '365';
  const signInRetentionDays = retention === 'off' ? null : Number(retention);
  if (signInRetentionDays !== null && !(Number.isInteger(signInRetentionDays) && signInRetentionDays >= 1))
    problems.push(
      `SIGN_IN_RETENTION_DAYS must be a whole number of days, 1 or more, or "off", got "${env.SIGN_IN_RETENTION_DAYS}"`,
    );

  let clockStart: Date | undefined;
  if (env.CLOCK_START !== undefined && env.CLOCK_START !== '') {
    clockStart = new Date(env.CLOCK_START);
    if (!/^\d{4}-\d{2}-\d{2}/.test(env.CLOCK_START) || Number.isNaN(clockStart.getTime())) {
      problems.push(
        `CLOCK_START must be an ISO date or time such as 2026-12-01 or 2026-12-01T09:00:00Z, got "${env.CLOCK_START}"`,
      );
    }
  }

  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);

  const demoData = env.DEMO_DATA === '1' || env.DEMO_DATA === 'true';
  const groupCommit = env.GROUP_COMMIT ?? 'on';
  if (!['on', 'off'].includes(groupCommit)) problems.push(`GROUP_COMMIT must be on or off, got "${groupCommit}"`);
  const demoPassword = env.DEMO_PASSWORD === '' ? undefined : env.DEMO_PASSWORD;
  if (demoPassword !== undefined && demoPassword.length < 12)
    problems.push('DEMO_PASSWORD must have at least 12 characters');
  if (demoData && demoPassword === undefined && !isLoopback(host)) {
    problems.push(
      `DEMO_DATA on HOST=${host}: the demo users' password is public (it is in the README), so the demo is served on ` +
        '127.0.0.1 only; set HOST=127.0.0.1, or DEMO_PASSWORD to a password of your own (12+ characters)',
    );
  }

  if (problems.length > 0 || !database) throw new ConfigError(problems);
  return {
    templatesDir: abs(env.TEMPLATES_DIR ?? 'templates'),
    chromiumPath: env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    renderPages,
    certificateBatchSize: batchSize,
    batchJoinMs,
    signInRetentionDays,
    port,
    host,
    database,
    dataDir,
    assessmentsDir,
    admin,
    jwtSecret: env.JWT_SECRET,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM ?? 'MigraCidades <nao-responda@migracidades.local>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    maxUploadBytes: Math.round(maxUploadMb * 1024 * 1024),
    demoData,
    demoPassword,
    clockStart,
    vlibras: env.VLIBRAS === '1' || env.VLIBRAS === 'true',
    trustProxy,
    groupCommit: groupCommit !== 'off',
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** postgres://user:password@host[:port]/database[?schema=name]: refused, naming the part, when it cannot work. */
function parsePostgresUrl(raw: string, rawPool: string, problems: string[]): PostgresDatabaseConfig | undefined {
  const shown = redactPassword(raw);
  const example = 'postgres://user:password@host:5432/database';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`DATABASE_URL is not a valid address ("${shown}"); it must look like ${example}`);
    return undefined;
  }
  const before = problems.length;
  if (!raw.startsWith(`${url.protocol}//`)) problems.push(`DATABASE_URL must start with postgres://, got "${shown}"`);
  if (url.hostname === '') problems.push(`DATABASE_URL needs a host, e.g. ${example}, got "${shown}"`);
  if (url.port !== '' && !(Number(url.port) >= 1 && Number(url.port) <= 65535))
    problems.push(`DATABASE_URL: the port must be from 1 to 65535, got "${shown}"`);
  if (url.pathname.replace(/^\//, '') === '' || url.pathname.slice(1).includes('/'))
    problems.push(`DATABASE_URL needs the database name after the host, e.g. ${example}, got "${shown}"`);
  if (url.username === '') problems.push(`DATABASE_URL needs a user name, e.g. ${example}, got "${shown}"`);
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema))
    problems.push(
      `DATABASE_URL: ?schema= must be a lower-case name of letters, digits and _ (up to 63, not starting with a digit), got "${schema}"`,
    );
  const poolSize = Number(rawPool);
  if (!/^\d+$/.test(rawPool) || poolSize < 1 || poolSize > 200)
    problems.push(`DATABASE_POOL_SIZE must be a whole number from 1 to 200, got "${rawPool}"`);
  if (problems.length > before) return undefined;
  url.searchParams.delete('schema');
  return { type: 'postgres', url: url.toString(), poolSize, ...(schema === undefined ? {} : { schema }) };
}

/** A database address fit for a message or a log: the password replaced by ***. */
export function redactPassword(raw: string): string {
  return raw.replace(/^([a-z]+:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

/** Where the data is, for a log line: the SQLite file, or the PostgreSQL address without its password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.type === 'sqlite') return db.path;
  return `${redactPassword(db.url)}${db.schema ? ` (schema ${db.schema})` : ''}`;
}

/** The SQLite file of a feature that works on the file itself; on PostgreSQL, what to use instead. */
export function sqliteFileFor(db: DatabaseConfig, feature: string): string {
  if (db.type === 'sqlite') return db.path;
  throw new ConfigError([
    `${feature} works on the SQLite file only; on PostgreSQL use its own tools (pg_dump to back up, pg_restore to restore)`,
  ]);
}

/** An address only this machine reaches. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The names proxy-addr (Fastify's `trustProxy`) knows for the private ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const family = isIP(address);
  if (family === 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** TRUST_PROXY: unset/false (no proxy), true, a number of hops, or a comma-separated list of addresses. */
function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    if (Number(value) <= 32) return Number(value);
  } else {
    const entries = value.split(',').map((e) => e.trim());
    if (entries.every((e) => PROXY_RANGE_NAMES.has(e) || isProxyAddress(e))) return entries;
  }
  problems.push(
    `TRUST_PROXY must be true, false, a number of proxy hops from 1 to 32, or a comma-separated list of addresses ` +
      `or ranges (e.g. 10.0.0.1,192.168.0.0/16 or loopback), got "${raw}"`,
  );
  return false;
}
