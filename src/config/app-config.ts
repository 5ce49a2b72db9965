import { isAbsolute, resolve } from 'node:path';

export interface DatabaseConfig {
  readonly type: 'sqlite';
  /** Absolute path of the SQLite file. */
  readonly path: string;
}

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** Where the engine keeps files (evidence, keys, generated PDFs). */
  readonly dataDir: string;
  /** Where the questionnaire versions are (`assessments/` by default). */
  readonly assessmentsDir: string;
}

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

  const host = env.HOST ?? '0.0.0.0';
  const dataDir = abs(env.DATA_DIR ?? 'data');
  const rawUrl = env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'migracidades.sqlite')}`;
  let database: DatabaseConfig | undefined;
  if (rawUrl.startsWith('sqlite:')) {
    const file = rawUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file.length === 0) problems.push('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/migracidades.sqlite');
    else database = { type: 'sqlite', path: abs(file) };
  } else if (/^postgres(ql)?:\/\//.test(rawUrl)) {
    problems.push('DATABASE_URL: PostgreSQL is not supported yet; use sqlite:<file> (the default)');
  } else {
    problems.push(`DATABASE_URL must look like sqlite:data/migracidades.sqlite, got "${rawUrl}"`);
  }

  const assessmentsDir = abs(env.ASSESSMENTS_DIR ?? 'assessments');
  if (problems.length > 0 || !database) throw new ConfigError(problems);
  return { port, host, database, dataDir, assessmentsDir };
}
