import { Module } from '@nestjs/common';
import { WebCoreModule } from '../../web-core.module';

/** The official's takeaway pages. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class TakeawayPagesModule {}
