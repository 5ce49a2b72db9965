import { Module } from '@nestjs/common';
import { IndicatorGroupModule } from '../../core/indicators/indicator-group.module';
import { governanceDefinition } from './governance.definition';

@Module({ imports: [IndicatorGroupModule.forGroup(governanceDefinition)] })
export class GovernanceModule {}
