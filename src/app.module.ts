import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core/core.module';
import { INDICATOR_GROUP_MODULES } from './indicators';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  /** `groups` defaults to the programme's ten; tests may pass another list. */
  static forRoot(config: AppConfig, groups: readonly Type[] = INDICATOR_GROUP_MODULES): DynamicModule {
    return { module: AppModule, imports: [CoreModule.forRoot(config, groups), WebModule] };
  }
}
