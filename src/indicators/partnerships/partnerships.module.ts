import { Module } from '@nestjs/common';
import { IndicatorGroupModule } from '../../core/indicators/indicator-group.module';
import { partnershipsDefinition } from './partnerships.definition';

@Module({ imports: [IndicatorGroupModule.forGroup(partnershipsDefinition)] })
export class PartnershipsModule {}
