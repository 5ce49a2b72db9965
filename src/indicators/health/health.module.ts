import { Module } from '@nestjs/common';
import { IndicatorGroupModule } from '../../core/indicators/indicator-group.module';
import { healthDefinition } from './health.definition';

@Module({ imports: [IndicatorGroupModule.forGroup(healthDefinition)] })
export class HealthModule {}
