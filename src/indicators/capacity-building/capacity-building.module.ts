import { Module } from '@nestjs/common';
import { IndicatorGroupModule } from '../../core/indicators/indicator-group.module';
import { capacityBuildingDefinition } from './capacity-building.definition';

@Module({ imports: [IndicatorGroupModule.forGroup(capacityBuildingDefinition)] })
export class CapacityBuildingModule {}
