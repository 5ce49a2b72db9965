import { Module } from '@nestjs/common';
import { WebCoreModule } from '../../web-core.module';
import { CoursePageController } from './course-page.controller';
import { EnrolmentPageController } from './enrolment-page.controller';
import { PrioritiesPageController } from './priorities-page.controller';

/** The official's enrolment pages: enrolment, the focal person's course, priorities and monitoring. */
@Module({
  imports: [WebCoreModule],
  controllers: [EnrolmentPageController, CoursePageController, PrioritiesPageController],
})
export class EnrolmentPagesModule {}
