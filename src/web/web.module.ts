import { Module } from '@nestjs/common';
import { LifecycleModule } from '../core/lifecycle.module';
import { CsrfGuard } from './csrf.guard';
import { HomePageController } from './official/home-page.controller';
import { AccessibilityPageController } from './public/accessibility-page.controller';
import { SessionPagesController } from './session/session-pages.controller';
import { WebExceptionFilter } from './web-exception.filter';
import { WebPagesService } from './web-pages.service';

/** The pages people use in a browser, above the core: they call the same services as the API. */
@Module({
  imports: [LifecycleModule],
  controllers: [SessionPagesController, HomePageController, AccessibilityPageController],
  providers: [WebPagesService, WebExceptionFilter, CsrfGuard],
})
export class WebModule {}
