import { Module } from '@nestjs/common';
import { QuestionnaireModule } from '../questionnaire/questionnaire.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** CSV, XLSX and JSON exports of the assessments, per edition and across editions. */
@Module({
  imports: [QuestionnaireModule],
  controllers: [ExportsController],
  providers: [ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
