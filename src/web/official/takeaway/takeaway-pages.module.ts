import { Module } from '@nestjs/common';
import { ProgressModule } from '../../../core/progress/progress.module';
import { QuestionnaireModule } from '../../../core/questionnaire/questionnaire.module';
import { ReportingModule } from '../../../core/reporting/reporting.module';
import { WebCoreModule } from '../../web-core.module';
import { DocumentsPagesController } from './documents-pages.controller';
import { ProgressPageController } from './progress-page.controller';

/** The official's takeaway pages: documents (report, seal, printable diagnosis) and progress. */
@Module({
  imports: [WebCoreModule, QuestionnaireModule, ReportingModule, ProgressModule],
  controllers: [DocumentsPagesController, ProgressPageController],
})
export class TakeawayPagesModule {}
