import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { IndicatorGroupDefinition } from './indicator-group.definition';
import { IndicatorRegistry } from './indicator-registry';

/** Holds the one registry every group module registers with. */
@Global()
@Module({ providers: [IndicatorRegistry], exports: [IndicatorRegistry] })
export class IndicatorRegistryModule {}

/**
 * What a group module imports to register itself: `IndicatorGroupModule.forGroup(definition)`. The core
 * learns of groups only this way, so adding a group needs no change here.
 */
@Module({})
export class IndicatorGroupModule {
  static forGroup(definition: IndicatorGroupDefinition): DynamicModule {
    return {
      module: IndicatorGroupModule,
      providers: [
        {
          provide: `indicator-group:${definition.slug}`,
          inject: [IndicatorRegistry],
          useFactory: (registry: IndicatorRegistry) => {
            registry.register(definition);
            return definition;
          },
        },
      ],
    };
  }
}
