import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig, PostgresDatabaseConfig } from '../config/app-config';
import { GovernmentEntity } from '../core/governments/government.entity';
import { PublishedVersionEntity } from '../core/questionnaire/published-version.entity';
import { AnswerEntity } from '../core/assessment/answer.entity';
import { AssessmentEntity } from '../core/assessment/assessment.entity';
import { PriorityEntity } from '../core/assessment/priority.entity';
import { AuditEntryEntity } from '../core/audit/audit-entry.entity';
import { CertificateEntity } from '../core/certification/certificate.entity';
import { GoodPracticeEntity } from '../core/good-practices/good-practice.entity';
import { UserEntity } from '../core/auth/user.entity';
import { SignInEntity } from '../core/auth/sign-in.entity';
import { EditionEntity } from '../core/editions/edition.entity';
import { DeadlineExtensionEntity } from '../core/editions/deadline-extension.entity';
import { StoredFileEntity } from '../core/files/stored-file.entity';
import { FileOwnerEntity } from '../core/files/file-owner.entity';
import { NotificationEntity } from '../core/notifications/notification.entity';
import { Foundation1764300000000 } from './migrations/1764300000000-Foundation';
import { Lifecycle1764400000000 } from './migrations/1764400000000-Lifecycle';
import { Certificates1764500000000 } from './migrations/1764500000000-Certificates';
import { CertificateBatches1764600000000 } from './migrations/1764600000000-CertificateBatches';
import { GoodPractices1764700000000 } from './migrations/1764700000000-GoodPractices';
import { Population1764800000000 } from './migrations/1764800000000-Population';
import { ScoreFacts1765000000000 } from './migrations/1765000000000-ScoreFacts';
import { StatusList1765200000000 } from './migrations/1765200000000-StatusList';
import { NotificationTexts1765300000000 } from './migrations/1765300000000-NotificationTexts';
import { CalendarAndSeals1765100000000 } from './migrations/1765100000000-CalendarAndSeals';
import { Signatories1765400000000 } from './migrations/1765400000000-Signatories';
import { SessionsRevoked1765500000000 } from './migrations/1765500000000-SessionsRevoked';
import { ReviewQueueIndex1765550000000 } from './migrations/1765550000000-ReviewQueueIndex';
import { SignIns1765600000000 } from './migrations/1765600000000-SignIns';
import { FileOwners1765700000000 } from './migrations/1765700000000-FileOwners';
import { IdempotencyKeys1765800000000 } from './migrations/1765800000000-IdempotencyKeys';
import { types as pgTypes } from 'pg';
import { quietSqlite3 } from './quiet-sqlite3';
import { BatchClaims1765900000000 } from './migrations/1765900000000-BatchClaims';
import { JsonbColumns1766000000000 } from './migrations/1766000000000-JsonbColumns';

export const ENTITIES = [
  GovernmentEntity,
  PublishedVersionEntity,
  UserEntity,
  SignInEntity,
  EditionEntity,
  AssessmentEntity,
  AnswerEntity,
  PriorityEntity,
  StoredFileEntity,
  FileOwnerEntity,
  NotificationEntity,
  AuditEntryEntity,
  CertificateEntity,
  GoodPracticeEntity,
  DeadlineExtensionEntity,
];
export const MIGRATIONS = [
  Foundation1764300000000,
  Lifecycle1764400000000,
  Certificates1764500000000,
  CertificateBatches1764600000000,
  GoodPractices1764700000000,
  Population1764800000000,
  ScoreFacts1765000000000,
  CalendarAndSeals1765100000000,
  StatusList1765200000000,
  NotificationTexts1765300000000,
  Signatories1765400000000,
  SessionsRevoked1765500000000,
  ReviewQueueIndex1765550000000,
  SignIns1765600000000,
  FileOwners1765700000000,
  IdempotencyKeys1765800000000,
  BatchClaims1765900000000,
  JsonbColumns1766000000000,
];

/** One definition of the database for the app, the CLI and the tests: the schema always comes from migrations. */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: ['error' as const, 'warn' as const],
  };
  if (db.type === 'postgres') return { ...common, ...postgresOptions(db) };
  return { ...common, type: 'sqlite', driver: quietSqlite3(), database: db.path, enableWAL: true, busyTimeout: 10000 };
}

/** The 3802 (jsonb) and 114 (json) type ids of PostgreSQL. */
const JSON_TYPES = new Set([3802, 114]);

/**
 * Every connection talks UTC and finds the engine's tables first (`search_path`), so that raw SQL needs no schema
 * name. JSON comes back as its text, as from SQLite: TypeORM's simple-json then parses it (a JSON string such as
 * `"12"` would otherwise reach it already parsed, and be parsed again into a number), and raw queries read the
 * same on both databases.
 */
function postgresOptions(db: PostgresDatabaseConfig) {
  const settings = ['-c timezone=UTC', ...(db.schema ? [`-c search_path=${db.schema}`] : [])];
  return {
    type: 'postgres' as const,
    url: db.url,
    schema: db.schema,
    poolSize: db.poolSize,
    extra: {
      options: settings.join(' '),
      types: {
        getTypeParser: (oid: number, format?: string) =>
          JSON_TYPES.has(oid) ? (text: string) => text : pgTypes.getTypeParser(oid, format as 'text'),
      },
    },
  };
}

/**
 * Opens the database and brings its schema up to date. On PostgreSQL the schema of the URL is created when missing,
 * and the migrations run under an advisory lock, so that app processes starting together migrate once, in turn.
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  if (options.type !== 'postgres' || !options.migrationsRun) return new DataSource(options).initialize();
  const ds = await new DataSource({ ...options, migrationsRun: false }).initialize();
  try {
    await migrateUnderLock(ds, options.schema);
  } catch (e) {
    await ds.destroy();
    throw e;
  }
  return ds;
}

/** Any fixed number: with the schema's name, the key of the advisory lock the engine's migrations take. */
const MIGRATION_LOCK = 1_765_000_001;
/** The lock's two keys: schemas of one database (the tests' ones) migrate side by side. */
const LOCK_KEYS = '$1::integer, hashtext(COALESCE($2::text, current_schema()))';

async function migrateUnderLock(ds: DataSource, schema: string | undefined): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(${LOCK_KEYS})`, [MIGRATION_LOCK, schema ?? null]);
    if (schema) await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner
      .query(`SELECT pg_advisory_unlock(${LOCK_KEYS})`, [MIGRATION_LOCK, schema ?? null])
      .catch(() => undefined);
    await runner.release();
  }
}
