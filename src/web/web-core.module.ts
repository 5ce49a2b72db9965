import { Module } from '@nestjs/common';
import { LifecycleModule } from '../core/lifecycle.module';
import { CsrfGuard } from './csrf.guard';
import { WebExceptionFilter } from './web-exception.filter';
import { WebPagesService } from './web-pages.service';

/** What every area of pages shares: the page frame, the CSRF guard, errors as pages, and the core services. */
@Module({
  imports: [LifecycleModule],
  providers: [WebPagesService, WebExceptionFilter, CsrfGuard],
  exports: [LifecycleModule, WebPagesService, WebExceptionFilter, CsrfGuard],
})
export class WebCoreModule {}
