import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { serializeTransactions } from '../database/serialize-transactions';
import { GovernmentsModule } from './governments/governments.module';
import { HealthController } from './health/health.controller';
import { IndicatorRegistryModule } from './indicators/indicator-group.module';
import { LifecycleModule } from './lifecycle.module';
import { QuestionnaireModule } from './questionnaire/questionnaire.module';

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
          dataSourceFactory: async (options) => serializeTransactions(await new DataSource(options!).initialize()),
        }),
        IndicatorRegistryModule,
        ...groups,
        QuestionnaireModule,
        GovernmentsModule,
        LifecycleModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
