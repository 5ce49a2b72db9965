import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
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
import { BatchClaims1765900000000 } from './migrations/1765900000000-BatchClaims';

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
];

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
