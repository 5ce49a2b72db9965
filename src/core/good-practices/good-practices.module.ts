import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle.module';
import { QuestionnaireModule } from '../questionnaire/questionnaire.module';
import { GoodPracticesController } from './good-practices.controller';
import { GoodPracticesService } from './good-practices.service';

/** Good practices recorded in the diagnosis, their review, and the public bank of practice sheets. */
@Module({
  imports: [LifecycleModule, QuestionnaireModule],
  controllers: [GoodPracticesController],
  providers: [GoodPracticesService],
  exports: [GoodPracticesService],
})
export class GoodPracticesModule {}
