import { Module } from '@nestjs/common';
import { IndicatorGroupModule } from '../../core/indicators/indicator-group.module';
import { transparencyDefinition } from './transparency.definition';

@Module({ imports: [IndicatorGroupModule.forGroup(transparencyDefinition)] })
export class TransparencyModule {}
