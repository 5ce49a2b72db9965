import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { GovernmentEntity } from '../core/governments/government.entity';
import { PublishedVersionEntity } from '../core/questionnaire/published-version.entity';
import { Foundation1764300000000 } from './migrations/1764300000000-Foundation';

export const ENTITIES = [GovernmentEntity, PublishedVersionEntity];
export const MIGRATIONS = [Foundation1764300000000];

/** One definition of the database for the app, the CLI and the tests: the schema always comes from migrations. */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  return {
    type: 'sqlite',
    database: db.path,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    enableWAL: true,
    busyTimeout: 10000,
    logging: ['error', 'warn'],
  };
}
