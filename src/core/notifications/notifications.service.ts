import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { type DataSource, type EntityManager, In, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { NotificationEntity } from './notification.entity';

export interface Recipient {
  readonly email: string;
  readonly userId?: string | null;
}

export interface Message {
  readonly kind: 'items-sent-back' | 'diagnosis-approved' | 'seal-issued' | 'deadline-reminder';
  readonly subject: string;
  readonly body: string;
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

  /** Queues a message to each recipient within the caller's transaction; call `deliver()` after the commit. */
  async enqueue(em: EntityManager, recipients: readonly Recipient[], message: Message): Promise<void> {
    const unique = [...new Map(recipients.map((r) => [r.email.toLowerCase(), r])).values()];
    for (const r of unique) {
      await em
        .createQueryBuilder()
        .insert()
        .into(NotificationEntity)
        .values({
          id: randomUUID(),
          kind: message.kind,
          recipient: r.email,
          userId: r.userId ?? null,
          subject: message.subject,
          body: `${message.body}\n\n--\nMigraCidades · OIM Brasil · UFRGS\n${this.config.publicUrl}`,
          status: this.transport ? 'pending' : 'outbox',
          attempts: 0,
          dedupeKey: message.dedupeKey ? `${message.dedupeKey}:${r.email.toLowerCase()}` : null,
        })
        .orIgnore()
        .execute();
    }
  }

  /** Sends what is pending, one delivery run at a time. */
  deliver(): Promise<void> {
    this.delivering = this.delivering
      .then(() => this.deliverPending())
      .catch((e: Error) => this.logger.error(e.message));
    return this.delivering;
  }

  private async deliverPending(): Promise<void> {
    if (!this.transport || !this.dataSource.isInitialized) return;
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

  /** The outbox: a user's own messages, or everything for an administrator. */
  list(userId: string | null, limit = 100): Promise<NotificationEntity[]> {
    return this.dataSource.getRepository(NotificationEntity).find({
      where: userId ? { userId } : {},
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }
}
