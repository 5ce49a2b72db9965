import { Module } from '@nestjs/common';
import { GovernmentsModule } from '../../core/governments/governments.module';
import { QuestionnaireModule } from '../../core/questionnaire/questionnaire.module';
import { WebCoreModule } from '../web-core.module';
import { AdminEditionsController } from './admin-editions.controller';
import { AdminSignInsController } from './admin-sign-ins.controller';
import { AdminUsersController } from './admin-users.controller';

/** The administrators' pages. */
@Module({
  imports: [WebCoreModule, GovernmentsModule, QuestionnaireModule],
  controllers: [AdminEditionsController, AdminUsersController, AdminSignInsController],
})
export class AdminPagesModule {}
