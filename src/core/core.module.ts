import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { dataSourceOptions, openDataSource } from '../database/data-source-options';
import { serializeTransactions } from '../database/serialize-transactions';
import { Clock } from './clock/clock';
import { DashboardModule } from './dashboard/dashboard.module';
import { ExportsModule } from './exports/exports.module';
import { GoodPracticesModule } from './good-practices/good-practices.module';
import { GovernmentsModule } from './governments/governments.module';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { IdempotencyModule } from './http/idempotency.module';
import { IndicatorRegistryModule } from './indicators/indicator-group.module';
import { LifecycleModule } from './lifecycle.module';
import { ProgressModule } from './progress/progress.module';
import { QuestionnaireModule } from './questionnaire/questionnaire.module';
import { ReportingModule } from './reporting/reporting.module';

/** The engine without any indicator group: those come in as `groups`, from `src/indicators/`. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, groups: readonly Type[]): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config.database),
          dataSourceFactory: async (options) =>
            serializeTransactions(await openDataSource(options!), config.groupCommit),
        }),
        IdempotencyModule,
        IndicatorRegistryModule,
        ...groups,
        QuestionnaireModule,
        GovernmentsModule,
        LifecycleModule,
        GoodPracticesModule,
        ReportingModule,
        ProgressModule,
        ExportsModule,
        DashboardModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: new Clock(config.clockStart) },
        HealthService,
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
