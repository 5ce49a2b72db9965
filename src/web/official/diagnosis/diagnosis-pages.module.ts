import { Module } from '@nestjs/common';
import { WebCoreModule } from '../../web-core.module';

/** The official's diagnosis pages. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class DiagnosisPagesModule {}
