import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { CertificationPagesController } from './certification-pages.controller';
import { SignatoriesPageController } from './signatories-page.controller';

/** The university's pages. */
@Module({
  imports: [WebCoreModule],
  controllers: [CertificationPagesController, SignatoriesPageController],
})
export class CertificationPagesModule {}
