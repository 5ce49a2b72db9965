import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { EditionEntity } from '../editions/edition.entity';
import { QuestionnaireCatalogue } from './questionnaire-catalogue.service';

/**
 * Versions by group (an edition's pinned ones, an assessment's) come back from the database in the groups'
 * programme order, whichever order the column kept: pages, the review, snapshots and exports list groups in the
 * order of these records, and jsonb sorts an object's keys. SQLite's rows were written in that order already.
 */
@Injectable()
export class GroupOrderSubscriber implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {
    dataSource.subscribers.push(this);
  }

  afterLoad(entity: unknown): void {
    if (entity instanceof AssessmentEntity && entity.versions) {
      entity.versions = this.catalogue.inGroupOrder(entity.versions);
    } else if (entity instanceof EditionEntity && entity.pinnedVersions) {
      entity.pinnedVersions = this.catalogue.inGroupOrder(entity.pinnedVersions);
    }
  }
}
