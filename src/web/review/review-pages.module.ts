import { Module } from '@nestjs/common';
import { GoodPracticesModule } from '../../core/good-practices/good-practices.module';
import { WebCoreModule } from '../web-core.module';
import { GoodPracticesReviewController } from './good-practices-review.controller';
import { ReviewPagesController } from './review-pages.controller';

/** The reviewers' pages (IOM). */
@Module({
  imports: [WebCoreModule, GoodPracticesModule],
  // The good practices' static path is declared before the review's `:id`.
  controllers: [GoodPracticesReviewController, ReviewPagesController],
})
export class ReviewPagesModule {}
