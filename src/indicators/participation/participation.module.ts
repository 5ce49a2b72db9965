import { Module } from '@nestjs/common';
import { IndicatorGroupModule } from '../../core/indicators/indicator-group.module';
import { participationDefinition } from './participation.definition';

@Module({ imports: [IndicatorGroupModule.forGroup(participationDefinition)] })
export class ParticipationModule {}
