import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';

/** The administrators' pages. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class AdminPagesModule {}
