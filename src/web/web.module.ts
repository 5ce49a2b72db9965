import { Module } from '@nestjs/common';
import { DiagnosisPagesModule } from './official/diagnosis/diagnosis-pages.module';
import { EnrolmentPagesModule } from './official/enrolment/enrolment-pages.module';
import { HomePageController } from './official/home-page.controller';
import { TakeawayPagesModule } from './official/takeaway/takeaway-pages.module';
import { AccessibilityPageController } from './public/accessibility-page.controller';
import { SessionPagesController } from './session/session-pages.controller';
import { WebCoreModule } from './web-core.module';
import { AdminPagesModule } from './admin/admin-pages.module';
import { CertificationPagesModule } from './certification/certification-pages.module';
import { PublicPagesModule } from './public/public-pages.module';
import { ReviewPagesModule } from './review/review-pages.module';

/** The pages people use in a browser, above the core: they call the same services as the API. */
@Module({
  imports: [
    WebCoreModule,
    DiagnosisPagesModule,
    EnrolmentPagesModule,
    TakeawayPagesModule,
    ReviewPagesModule,
    CertificationPagesModule,
    AdminPagesModule,
    PublicPagesModule,
  ],
  controllers: [SessionPagesController, HomePageController, AccessibilityPageController],
})
export class WebModule {}
