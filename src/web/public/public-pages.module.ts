import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';

/** The public pages, without sign-in. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class PublicPagesModule {}
