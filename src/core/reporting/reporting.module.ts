import { Module } from '@nestjs/common';
import { GoodPracticesModule } from '../good-practices/good-practices.module';
import { LifecycleModule } from '../lifecycle.module';
import { QuestionnaireModule } from '../questionnaire/questionnaire.module';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';

/** The Relatório de Diagnóstico. */
@Module({
  imports: [LifecycleModule, QuestionnaireModule, GoodPracticesModule],
  controllers: [ReportController],
  providers: [ReportService],
  exports: [ReportService],
})
export class ReportingModule {}
