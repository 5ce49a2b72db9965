import { Module } from '@nestjs/common';
import { WebCoreModule } from '../../web-core.module';
import { DiagnosisPagesController } from './diagnosis-pages.controller';

/** The official's diagnosis pages. */
@Module({
  imports: [WebCoreModule],
  controllers: [DiagnosisPagesController],
})
export class DiagnosisPagesModule {}
