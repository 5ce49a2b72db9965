import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';

/** The university's pages. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class CertificationPagesModule {}
