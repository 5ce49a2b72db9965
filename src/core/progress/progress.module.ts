import { Module } from '@nestjs/common';
import { QuestionnaireModule } from '../questionnaire/questionnaire.module';
import { PopulationService } from './population.service';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

/** Progress over time (a government's history) and the national picture (peers, population estimates). */
@Module({
  imports: [QuestionnaireModule],
  controllers: [ProgressController],
  providers: [ProgressService, PopulationService],
  exports: [ProgressService, PopulationService],
})
export class ProgressModule {}
