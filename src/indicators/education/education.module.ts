import { Module } from '@nestjs/common';
import { IndicatorGroupModule } from '../../core/indicators/indicator-group.module';
import { educationDefinition } from './education.definition';

@Module({ imports: [IndicatorGroupModule.forGroup(educationDefinition)] })
export class EducationModule {}
