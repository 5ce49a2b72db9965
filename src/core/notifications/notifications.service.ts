import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { type DataSource, type EntityManager, In, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Actor } from '../auth/actor';
import { UserEntity } from '../auth/user.entity';
import { ADVISORY_LOCKS, unlessRunningElsewhere } from './advisory-lock';
import { NotificationEntity } from './notification.entity';
import { Clock } from '../clock/clock';
import { type MessageKey, type MessageParams, translate } from '../i18n/message';
import { dialectOfRunner, inChunks, insertRows, jsonParam, timestampParam } from '../../database/portable-sql';

/** The columns a queued message is written with, in the order enqueueAll gives them. */
const NOTIFICATION_COLUMNS = [
  'id',
  'kind',
  'recipient',
  'user_id',
  'subject',
  'subject_key',
  'subject_params',
  'link',
  'body',
  'status',
  'attempts',
  'dedupe_key',
  'created_at',
] as const;

export interface Recipient {
  readonly email: string;
  readonly userId?: string | null;
}

export interface Message {
  readonly kind: 'items-sent-back' | 'diagnosis-approved' | 'seal-issued' | 'deadline-reminder';
  /** The subject in the catalogue: e-mailed in Portuguese, shown on the pages in the reader's language. */
  readonly subject: { readonly key: MessageKey; readonly params: MessageParams };
  /** The e-mail's text, in Portuguese (the language of the governments that receive it). */
  readonly body: string;
  /** The page the message is about (a path such as `/avaliacoes/<id>`): linked from the page and the e-mail. */
  readonly link?: string;
  /** Messages with the same key are sent once (per recipient). */
  readonly dedupeKey?: string;
}

const MAX_ATTEMPTS = 5;
const RETRY_EVERY_MS = 30_000;

/**
 * E-mails in Portuguese to the people concerned. Messages are written in the same transaction as the
 * change that causes them, then delivered over SMTP (SMTP_URL); without SMTP they stay in the outbox,
 * readable in the app. Failed deliveries are retried.
 */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly transport: Transporter | null;
  private timer?: NodeJS.Timeout;
  private delivering: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.deliver(), RETRY_EVERY_MS);
    this.timer.unref();
    void this.deliver();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.delivering;
    this.transport?.close();
  }

  /**
   * Queues a message to each recipient within the caller's transaction; call `deliver()` after the commit.
   * An address that belongs to a user is stored with that user, however it was given (a focal person's
   * e-mail typed in the enrolment form), so that the user finds the message in the app without SMTP.
   */
  enqueue(em: EntityManager, recipients: readonly Recipient[], message: Message): Promise<void> {
    return this.enqueueAll(em, [{ recipients, message }]);
  }

  /** Several messages queued as `enqueue` does each, in a few multi-row statements (a batch's seals). */
  async enqueueAll(
    em: EntityManager,
    messages: readonly { recipients: readonly Recipient[]; message: Message }[],
  ): Promise<void> {
    const users = await this.usersOf(
      em,
      messages.flatMap((m) => m.recipients),
    );
    const dialect = dialectOfRunner(em);
    const rows = messages.flatMap(({ recipients, message }) => {
      // The engine's clock, to the millisecond: the database's own default keeps whole seconds only, so two
      // messages of one second would list in any order.
      const createdAt = timestampParam(dialect, this.clock.now());
      return uniqueByEmail(recipients).map((r) => [
        randomUUID(),
        message.kind,
        r.email,
        r.userId ?? users.get(r.email.toLowerCase()) ?? null,
        translate(message.subject.key, 'pt-BR', message.subject.params),
        message.subject.key,
        jsonParam(message.subject.params),
        message.link ?? null,
        `${message.body}\n\n--\nMigraCidades · OIM Brasil · UFRGS\n${this.config.publicUrl}`,
        this.transport ? 'pending' : 'outbox',
        0,
        message.dedupeKey ? `${message.dedupeKey}:${r.email.toLowerCase()}` : null,
        createdAt,
      ]);
    });
    // A message queued already under its dedupe key is not queued again.
    await insertRows(em, 'notifications', NOTIFICATION_COLUMNS, rows, 'ON CONFLICT DO NOTHING');
  }

  /** The users the addresses given without one belong to (case-insensitive), by lower-cased address. */
  private async usersOf(em: EntityManager, recipients: readonly Recipient[]): Promise<Map<string, string>> {
    const unresolved = [...new Set(recipients.filter((r) => !r.userId).map((r) => r.email.trim().toLowerCase()))];
    const found = new Map<string, string>();
    for (const emails of inChunks(unresolved)) {
      const users = await em
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .select(['u.id', 'u.email'])
        .where('lower(u.email) IN (:...emails)', { emails })
        .getMany();
      for (const u of users) found.set(u.email.toLowerCase(), u.id);
    }
    return found;
  }

  /**
   * Sends what is pending, one delivery run at a time in the whole deployment: on PostgreSQL the processes
   * take turns by an advisory lock (a process that finds it held leaves the outbox to the one holding it), so
   * that two processes never send the same message.
   */
  deliver(): Promise<void> {
    this.delivering = this.delivering
      .then(async () => {
        if (!this.transport || !this.dataSource.isInitialized) return;
        await unlessRunningElsewhere(this.dataSource, ADVISORY_LOCKS.notificationDelivery, () => this.deliverPending());
      })
      .catch((e: Error) => this.logger.error(e.message));
    return this.delivering;
  }

  private async deliverPending(): Promise<void> {
    if (!this.transport) return;
    const repo = this.dataSource.getRepository(NotificationEntity);
    const pending = await repo.find({
      where: { status: In(['pending', 'failed']), attempts: LessThan(MAX_ATTEMPTS) },
      order: { createdAt: 'ASC' },
      take: 100,
    });
    for (const n of pending) {
      try {
        await this.transport.sendMail({
          from: this.config.mailFrom,
          to: n.recipient,
          subject: n.subject,
          text: n.body,
          headers: { 'X-MigraCidades-Kind': n.kind },
        });
        await this.dataSource.transaction((em) =>
          em.update(
            NotificationEntity,
            { id: n.id },
            { status: 'sent', sentAt: new Date(), attempts: n.attempts + 1, error: null },
          ),
        );
      } catch (e) {
        await this.dataSource.transaction((em) =>
          em.update(
            NotificationEntity,
            { id: n.id },
            { status: 'failed', attempts: n.attempts + 1, error: (e as Error).message.slice(0, 1000) },
          ),
        );
        this.logger.warn(`Could not send "${n.subject}" to ${n.recipient}: ${(e as Error).message}`);
      }
    }
  }

  /**
   * The outbox as the caller may read it: everything for an administrator; for anyone else the messages
   * addressed to them, by their user or by their e-mail address.
   */
  list(actor: Actor, limit = 100): Promise<NotificationEntity[]> {
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'ASC')
      .limit(limit);
    if (actor.role !== 'admin') {
      qb.where('(n.user_id = :id OR lower(n.recipient) = :email)', { id: actor.id, email: actor.email.toLowerCase() });
    }
    return qb.getMany();
  }
}

/** One recipient per address (case-insensitive), keeping the user given with any of its mentions. */
function uniqueByEmail(recipients: readonly Recipient[]): Recipient[] {
  const byEmail = new Map<string, Recipient>();
  for (const r of recipients) {
    const email = r.email.trim().toLowerCase();
    if (!byEmail.get(email)?.userId) byEmail.set(email, { email: r.email.trim(), userId: r.userId ?? null });
  }
  return [...byEmail.values()];
}
