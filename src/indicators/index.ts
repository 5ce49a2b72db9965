import type { Type } from '@nestjs/common';
import { GovernanceModule } from './governance/governance.module';
import { CapacityBuildingModule } from './capacity-building/capacity-building.module';
import { ParticipationModule } from './participation/participation.module';
import { TransparencyModule } from './transparency/transparency.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { HealthModule } from './health/health.module';
import { EducationModule } from './education/education.module';
import { SocialAssistanceModule } from './social-assistance/social-assistance.module';
import { LabourModule } from './labour/labour.module';
import { ProtectionModule } from './protection/protection.module';

/** The programme's indicator groups, in order. A new group is a folder here, one line below and its YAML. */
export const INDICATOR_GROUP_MODULES: readonly Type[] = [
  GovernanceModule,
  CapacityBuildingModule,
  ParticipationModule,
  TransparencyModule,
  PartnershipsModule,
  HealthModule,
  EducationModule,
  SocialAssistanceModule,
  LabourModule,
  ProtectionModule,
];
