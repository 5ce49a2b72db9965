import { Module } from '@nestjs/common';
import { ScoringService } from '../scoring/scoring.service';
import { IndicatorGroupsController } from './indicator-groups.controller';
import { GroupOrderSubscriber } from './group-order.subscriber';
import { QuestionnaireCatalogue } from './questionnaire-catalogue.service';

@Module({
  controllers: [IndicatorGroupsController],
  providers: [QuestionnaireCatalogue, ScoringService, GroupOrderSubscriber],
  exports: [QuestionnaireCatalogue, ScoringService],
})
export class QuestionnaireModule {}
