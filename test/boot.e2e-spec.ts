import { readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '../src/config/app-config';
import { QuestionnaireDefinitionError } from '../src/core/questionnaire/questionnaire-definition.error';
import { bootApp, copyAssessments, scratchDir, testConfig } from './support/test-app';

/** Boots, expecting a refusal; returns the error. */
async function refusedBoot(config: ReturnType<typeof testConfig>): Promise<Error> {
  try {
    const app = await bootApp(config);
    await app.close();
  } catch (e) {
    return e as Error;
  }
  throw new Error('the boot was expected to be refused');
}

describe('boot: published questionnaires are validated and immutable', () => {
  let dir: string;
  let cleanup: () => void;
  let assessments: string;
  let config: ReturnType<typeof testConfig>;

  beforeEach(() => {
    ({ dir, cleanup } = scratchDir());
    assessments = copyAssessments(dir);
    config = testConfig(dir, { ASSESSMENTS_DIR: assessments });
  });
  afterEach(() => cleanup());

  it('records each version hash at first boot and boots again on the same files', async () => {
    const first = await bootApp(config);
    await first.close();
    const second = await bootApp(config);
    expect((await second.request('GET', '/api/health')).body.questionnaireVersions).toBe(13);
    await second.close();
  });

  it('stops cleanly when stopped the moment it started (a rolling restart): no work is left on a closed database', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    try {
      for (let i = 0; i < 3; i++) await (await bootApp(config)).close();
      expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });

  it('refuses to boot when a published file was altered, naming the file', async () => {
    const first = await bootApp(config);
    await first.close();
    const file = join(assessments, 'governance', 'v1.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('weight: 4', 'weight: 5'));
    const error = await refusedBoot(config);
    expect(error).toBeInstanceOf(QuestionnaireDefinitionError);
    expect(error.message).toContain('assessments/governance/v1.yaml: published content changed');
    expect(error.message).toContain('publish the change as v2');
  });

  it('refuses to boot when a published file disappears', async () => {
    const first = await bootApp(config);
    await first.close();
    renameSync(join(assessments, 'protection', 'v2.yaml'), join(dir, 'v2.yaml.bak'));
    const error = await refusedBoot(config);
    expect(error.message).toContain('version 2 of "protection" was published on 2021-03-01 and its file is gone');
  });

  it('refuses to boot on a broken file, naming the file and the item, and records nothing', async () => {
    const file = join(assessments, 'health', 'v1.yaml');
    const source = readFileSync(file, 'utf8');
    const firstKey = /key: ([a-z0-9-]+)/.exec(source.slice(source.indexOf('items:')))![1];
    writeFileSync(file, source.replace(/type: yes-partial-no/, 'type: yes-or-no'));
    const error = await refusedBoot(config);
    expect(error.message).toContain(`assessments/health/v1.yaml: item "${firstKey}": type: must be one of`);

    // Fixed, the same files boot: the failed boot had published nothing.
    writeFileSync(file, source);
    const app = await bootApp(config);
    await app.close();
  });

  it('refuses a key map that forgets an item of the earlier version', async () => {
    const file = join(assessments, 'protection', 'v2.yaml');
    const source = readFileSync(file, 'utf8');
    const keyMapLine = /keyMap:\n {2}([a-z0-9-]+):.*\n/.exec(source)!;
    writeFileSync(file, source.replace(keyMapLine[0], 'keyMap:\n'));
    const error = await refusedBoot(config);
    expect(error.message).toContain(
      `assessments/protection/v2.yaml: item "${keyMapLine[1]}": keyMap must say what became of v1 item`,
    );
  });

  it('refuses a questionnaire folder that no module registers, and a module without questionnaires', async () => {
    mkdirSync(join(assessments, 'housing'));
    writeFileSync(join(assessments, 'housing', 'v1.yaml'), 'group: housing\n');
    rmSync(join(assessments, 'labour'), { recursive: true });
    const error = await refusedBoot(config);
    expect(error.message).toContain('no indicator group module registers "housing"');
    expect(error.message).toContain('group "labour" has no published version (v1.yaml)');
  });
});

describe('boot: configuration is validated with clear messages', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be a whole number'],
    [{ DATABASE_URL: 'postgres://u:p@localhost' }, 'DATABASE_URL needs the database name after the host'],
    [{ DATABASE_URL: 'postgres://localhost/mc' }, 'DATABASE_URL needs a user name'],
    [{ DATABASE_URL: 'postgres://u:secret@localhost:0/mc' }, 'DATABASE_URL: the port must be from 1 to 65535'],
    [{ DATABASE_URL: 'postgres://u:secret@localhost:99999/mc' }, '"postgres://u:***@localhost:99999/mc"'],
    [{ DATABASE_URL: 'postgres://u:p@localhost/mc?schema=Bad-Name' }, '?schema= must be a lower-case name'],
    [{ DATABASE_URL: 'postgres:u@localhost/mc' }, 'DATABASE_URL must start with postgres://'],
    [{ DATABASE_URL: 'postgres://u:p@localhost/mc', DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE must be'],
    [{ DATABASE_URL: 'mysql://localhost/mc' }, 'DATABASE_URL must look like sqlite:data/migracidades.sqlite'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL "sqlite:" needs a file path'],
    [{ BATCH_JOIN_MS: '50' }, 'BATCH_JOIN_MS must be a whole number of milliseconds from 100 to 60000, got "50"'],
    [{ SIGN_IN_RETENTION_DAYS: '0' }, 'SIGN_IN_RETENTION_DAYS must be a whole number of days, 1 or more, or "off"'],
    [{ SIGN_IN_RETENTION_DAYS: 'forever' }, 'SIGN_IN_RETENTION_DAYS must be a whole number of days'],
  ])('%j', (env, message) => {
    expect(() => loadConfig(env, '/srv/mc')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/srv/mc')).toThrow(message);
  });

  it('defaults to port 3000 and a SQLite file under data/', () => {
    expect(loadConfig({}, '/srv/mc')).toMatchObject({
      port: 3000,
      dataDir: '/srv/mc/data',
      database: { type: 'sqlite', path: '/srv/mc/data/migracidades.sqlite' },
      assessmentsDir: '/srv/mc/assessments',
      signInRetentionDays: 365,
    });
    expect(loadConfig({ SIGN_IN_RETENTION_DAYS: 'off' }, '/srv/mc').signInRetentionDays).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'sqlite:db/x.sqlite', DATA_DIR: '/var/mc' }, '/srv/mc')).toMatchObject({
      dataDir: '/var/mc',
      database: { path: '/srv/mc/db/x.sqlite' },
    });
  });

  it('reads a PostgreSQL address, its schema and pool size, and never shows its password in a message', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgresql://mc:pw@db.local:5433/mc?schema=engine', DATABASE_POOL_SIZE: '20' }),
    ).toMatchObject({
      database: { type: 'postgres', url: 'postgresql://mc:pw@db.local:5433/mc', schema: 'engine', poolSize: 20 },
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://mc:pw@127.0.0.1/mc' }).database).toEqual({
      type: 'postgres',
      url: 'postgres://mc:pw@127.0.0.1/mc',
      poolSize: 10,
    });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:secret@localhost:99999/mc' })).not.toThrow(/secret/);
  });

  it('refuses a DATA_DIR it cannot write to', async () => {
    const { dir, cleanup } = scratchDir();
    writeFileSync(join(dir, 'a-file'), '');
    const error = await refusedBoot(testConfig(dir, { DATA_DIR: join(dir, 'a-file', 'data') }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('DATA_DIR: cannot create or write to');
    cleanup();
  });
});
