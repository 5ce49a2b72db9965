import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { UserDirectory } from '../auth/user-directory.service';
import { Clock } from '../clock/clock';
import { DeadlineExtensionEntity } from '../editions/deadline-extension.entity';
import { EditionEntity } from '../editions/edition.entity';
import { GovernmentEntity } from '../governments/government.entity';
import { translate } from '../i18n/message';
import { ADVISORY_LOCKS, tryLockForTransaction } from './advisory-lock';
import { NotificationsService } from './notifications.service';

const REMINDER_DAYS = 7;
const CHECK_EVERY_MS = 3600_000;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Seven days before a government's diagnosis deadline (the edition's, or the one an administrator extended it to),
 * governments that have not submitted are reminded, once per deadline. Every process of a deployment runs the
 * sweep: on PostgreSQL one at a time (an advisory lock; a process that finds it held skips its turn), and each
 * reminder is recorded under a unique key (`dedupe_key`), so none is sent twice.
 */
@Injectable()
export class DeadlineRemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineRemindersService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly users: UserDirectory,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run().catch((e: Error) => this.logger.error(e.message)), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Sends the reminders due on `today` (YYYY-MM-DD); safe to run any number of times, in any number of processes. */
  async run(today = this.clock.today()): Promise<{ reminded: number }> {
    const target = addDays(today, REMINDER_DAYS);
    const editions = await this.dataSource.getRepository(EditionEntity).find();
    let reminded = 0;
    await this.dataSource.transaction(async (em) => {
      if (!(await tryLockForTransaction(em, ADVISORY_LOCKS.deadlineReminders))) return;
      for (const edition of editions) {
        const deadlines = await this.deadlinesOf(em, edition);
        const extendedToTarget = [...deadlines].filter(([, until]) => until === target).map(([code]) => code);
        if (edition.calendar.diagnosisDeadline !== target && extendedToTarget.length === 0) continue;
        const open = await em.findBy(AssessmentEntity, {
          editionYear: edition.year,
          state: In(['enrolled', 'diagnosis-in-progress', 'changes-requested']),
        });
        const late = open.filter(
          (a) => (deadlines.get(a.governmentCode) ?? edition.calendar.diagnosisDeadline) === target,
        );
        for (const a of late) {
          const gov = await em.findOneByOrFail(GovernmentEntity, { ibgeCode: a.governmentCode });
          const officials = await this.users.officialsOf(a.governmentCode);
          const recipients = [
            ...officials.map((o) => ({ email: o.email, userId: o.id })),
            { email: a.enrolment.focalPerson.email },
          ];
          const params = {
            year: edition.year,
            days: REMINDER_DAYS,
            government: `${gov.name} (${gov.uf})`,
            deadline: { date: target },
          };
          // E-mails go out in Portuguese, the language of the governments that receive them.
          await this.notifications.enqueue(em, recipients, {
            kind: 'deadline-reminder',
            subject: { key: 'notifications.deadline-reminder.subject', params },
            link: `/avaliacoes/${a.id}`,
            body: translate('notifications.deadline-reminder.body', 'pt-BR', {
              ...params,
              page: `${this.config.publicUrl}/avaliacoes/${a.id}`,
            }),
            dedupeKey: `deadline:${edition.year}:${a.id}:${target}`,
          });
          reminded += 1;
        }
      }
    });
    void this.notifications.deliver();
    return { reminded };
  }

  /** Each extended government's deadline in an edition: the latest extension wins. */
  private async deadlinesOf(em: EntityManager, edition: EditionEntity): Promise<Map<string, string>> {
    const extensions = await em.find(DeadlineExtensionEntity, {
      where: { editionYear: edition.year },
      order: { createdAt: 'ASC' },
    });
    return new Map(extensions.map((e) => [e.governmentCode, e.until]));
  }
}
