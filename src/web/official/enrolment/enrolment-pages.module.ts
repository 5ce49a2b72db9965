import { Module } from '@nestjs/common';
import { WebCoreModule } from '../../web-core.module';

/** The official's enrolment pages. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class EnrolmentPagesModule {}
