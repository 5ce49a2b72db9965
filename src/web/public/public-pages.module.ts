import { Module } from '@nestjs/common';
import { DashboardModule } from '../../core/dashboard/dashboard.module';
import { GoodPracticesModule } from '../../core/good-practices/good-practices.module';
import { ProgressModule } from '../../core/progress/progress.module';
import { QuestionnaireModule } from '../../core/questionnaire/questionnaire.module';
import { WebCoreModule } from '../web-core.module';
import { PublicPagesController } from './public-pages.controller';

/** The public pages, without sign-in. */
@Module({
  imports: [WebCoreModule, DashboardModule, GoodPracticesModule, ProgressModule, QuestionnaireModule],
  controllers: [PublicPagesController],
})
export class PublicPagesModule {}
