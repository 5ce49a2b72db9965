import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle.module';
import { QuestionnaireModule } from '../questionnaire/questionnaire.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** Aggregates for reviewers and the public, from the score facts the database keeps. */
@Module({
  imports: [LifecycleModule, QuestionnaireModule],
  controllers: [DashboardController],
  providers: [DashboardService],
  exports: [DashboardService],
})
export class DashboardModule {}
