import { Module } from '@nestjs/common';
import { IndicatorGroupModule } from '../../core/indicators/indicator-group.module';
import { socialAssistanceDefinition } from './social-assistance.definition';

@Module({ imports: [IndicatorGroupModule.forGroup(socialAssistanceDefinition)] })
export class SocialAssistanceModule {}
