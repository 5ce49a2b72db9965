import { Module } from '@nestjs/common';
import { IndicatorGroupModule } from '../../core/indicators/indicator-group.module';
import { labourDefinition } from './labour.definition';

@Module({ imports: [IndicatorGroupModule.forGroup(labourDefinition)] })
export class LabourModule {}
