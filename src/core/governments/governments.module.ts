import { Module } from '@nestjs/common';
import { GovernmentsController } from './governments.controller';
import { GovernmentsService } from './governments.service';

@Module({ controllers: [GovernmentsController], providers: [GovernmentsService], exports: [GovernmentsService] })
export class GovernmentsModule {}
