import { Module } from '@nestjs/common';
import { IndicatorGroupModule } from '../../core/indicators/indicator-group.module';
import { protectionDefinition } from './protection.definition';

@Module({ imports: [IndicatorGroupModule.forGroup(protectionDefinition)] })
export class ProtectionModule {}
