import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { DeadlineRemindersService } from './deadline-reminders.service';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly reminders: DeadlineRemindersService,
  ) {}

  @Get('notifications')
  @Access('official', 'reviewer', 'certifier', 'admin')
  @ApiOperation({
    summary: 'The outbox: the messages addressed to you, by your user or your e-mail (administrators: everyone\u2019s)',
  })
  list(@CurrentActor() actor: Actor) {
    return this.notifications.list(actor);
  }

  @Post('jobs/deadline-reminders')
  @Access('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the deadline reminders now (as of `today`, default the current date)' })
  runReminders(@Query('today') today?: string) {
    if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
      throw new DomainError('VALIDATION_FAILED', message('notifications.invalid-day'), [
        { field: 'today', message: message('common.validation.date') },
      ]);
    }
    return this.reminders.run(today);
  }
}
