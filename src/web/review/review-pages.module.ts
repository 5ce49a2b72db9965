import { Module } from '@nestjs/common';
import { AssessmentFilesService } from '../../core/assessment/assessment-files.service';
import { GoodPracticesModule } from '../../core/good-practices/good-practices.module';
import { WebCoreModule } from '../web-core.module';
import { GoodPracticesReviewController } from './good-practices-review.controller';
import { ReviewPagesController } from './review-pages.controller';

/** The reviewers' pages (IOM). */
@Module({
  imports: [WebCoreModule, GoodPracticesModule],
  // The good practices' static path is declared before the review's `:id`.
  controllers: [GoodPracticesReviewController, ReviewPagesController],
  // The lifecycle module keeps it to itself; its own dependencies (workflow, files) are exported.
  providers: [AssessmentFilesService],
})
export class ReviewPagesModule {}
