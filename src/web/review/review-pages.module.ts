import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';

/** The reviewers' pages (IOM). */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class ReviewPagesModule {}
