import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { rawQuery } from '../../database/portable-sql';
import { Clock } from '../clock/clock';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { SignInEntity } from './sign-in.entity';
import { COUNTED_OUTCOMES, type SignInOutcome } from './sign-in-outcomes';
import { SIGN_IN_THROTTLE, type ThrottleDecision, throttleDecision } from './sign-in-throttle';

/** Where an attempt comes from: the request's address and its browser. */
export interface SignInClient {
  readonly address: string;
  readonly userAgent?: string | null;
}

/** Where a request comes from: its address as the HTTP layer sees it (TRUST_PROXY decides), and its browser. */
export const signInClient = (req: {
  readonly ip: string;
  readonly headers: { readonly 'user-agent'?: string };
}): SignInClient => ({ address: req.ip, userAgent: req.headers['user-agent'] ?? null });

/** An attempt under way: its row, and what throttling decided before the password was even checked. */
export interface SignInAttempt {
  readonly id: string;
  readonly decision: ThrottleDecision;
}

export interface SignInView {
  readonly id: string;
  readonly email: string;
  readonly userId: string | null;
  readonly outcome: SignInOutcome;
  readonly address: string;
  readonly userAgent: string | null;
  readonly delayMs: number;
  readonly attemptedAt: string;
}

export interface SignInQuery {
  /** Part of the e-mail tried (case ignored). */
  readonly email?: string;
  readonly outcome?: SignInOutcome;
  /** The address, or its beginning (`10.0.`). */
  readonly address?: string;
  readonly limit: number;
  readonly offset: number;
}

const USER_AGENT_LENGTH = 200;
const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = DAY_MS;
const COUNTED_SQL = `s.outcome IN (${COUNTED_OUTCOMES.map((o) => `'${o}'`).join(', ')})`;
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&');

const view = (row: SignInEntity): SignInView => ({
  id: row.id,
  email: row.email,
  userId: row.userId,
  outcome: row.outcome,
  address: row.address,
  userAgent: row.userAgent,
  delayMs: row.delayMs,
  attemptedAt: new Date(row.attemptedAt).toISOString(),
});

const BRASILIA_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/Sao_Paulo',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 429 with when to come back: in minutes, and the Brasília time (the programme's reference clock for people). */
export function throttledError(decision: Extract<ThrottleDecision, { verdict: 'refuse' }>): DomainError {
  const minutes = Math.ceil(decision.retryAfterSeconds / 60);
  const time = BRASILIA_TIME.format(new Date(decision.until));
  return new DomainError('TOO_MANY_ATTEMPTS', message('auth.sign-in.throttled', { minutes, time }), [], {
    retryAfterSeconds: decision.retryAfterSeconds,
    until: new Date(decision.until).toISOString(),
  });
}

/** The seconds to wait that a refused sign-in carries, for the `Retry-After` header. */
export function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof DomainError) || error.code !== 'TOO_MANY_ATTEMPTS') return null;
  const seconds = error.details?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : null;
}

/**
 * The record of sign-in attempts and the throttling read from it. An attempt is written first (as `pending`)
 * and only then are the failures counted, so that attempts sent all at once see each other and cannot slip
 * past the limits together.
 */
@Injectable()
export class SignInsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SignInsService.name);
  private timer?: NodeJS.Timeout;
  /** The pruning under way, if any: a stop waits for it. */
  private pruning: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** How many days an attempt is kept (null: all are). */
  get retentionDays(): number | null {
    return this.config.signInRetentionDays;
  }

  /** The record is pruned at start and then daily, by every instance (deleting what another deleted is nothing). */
  onApplicationBootstrap(): void {
    if (this.config.signInRetentionDays === null) return;
    const prune = () =>
      (this.pruning = this.prune().catch((e: Error) => this.logger.error(`Could not prune sign-ins: ${e.message}`)));
    prune();
    this.timer = setInterval(prune, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pruning;
  }

  /**
   * Deletes the attempts older than SIGN_IN_RETENTION_DAYS: the record holds addresses and browsers, personal
   * data kept no longer than it serves (Brazil's LGPD). Throttling looks 15 minutes back, so it never misses one.
   */
  async prune(): Promise<number> {
    const days = this.config.signInRetentionDays;
    if (days === null) return 0;
    const before = this.clock.now().getTime() - days * DAY_MS;
    const [{ count }] = await rawQuery<{ count: unknown }>(
      this.dataSource,
      'SELECT COUNT(*) AS count FROM sign_ins WHERE attempted_at < ?',
      [before],
    );
    if (Number(count) === 0) return 0;
    await rawQuery(this.dataSource, 'DELETE FROM sign_ins WHERE attempted_at < ?', [before]);
    this.logger.log(`Pruned ${Number(count)} sign-in attempts older than ${days} days`);
    return Number(count);
  }

  /** Records an attempt and decides whether it is heard now, later, or refused (then recorded as throttled). */
  async begin(email: string, client: SignInClient): Promise<SignInAttempt> {
    const now = this.clock.now().getTime();
    const id = randomUUID();
    await this.dataSource.getRepository(SignInEntity).insert({
      id,
      email,
      userId: null,
      outcome: 'pending',
      address: client.address.slice(0, 64),
      userAgent: client.userAgent?.slice(0, USER_AGENT_LENGTH) || null,
      delayMs: 0,
      attemptedAt: now,
    });
    const [account, address] = await Promise.all([
      this.recentFailures(id, now, 'email', email, SIGN_IN_THROTTLE.account.refuseAt, true),
      this.recentFailures(id, now, 'address', client.address, SIGN_IN_THROTTLE.address.refuseAt, false),
    ]);
    const decision = throttleDecision({ account, address }, now);
    if (decision.verdict === 'refuse') await this.settle(id, 'throttled', null);
    else if (decision.delayMs > 0)
      await this.dataSource.getRepository(SignInEntity).update(id, { delayMs: decision.delayMs });
    return { id, decision };
  }

  /** How the attempt ended, once the password was checked. */
  async settle(id: string, outcome: SignInOutcome, userId: string | null): Promise<void> {
    await this.dataSource.getRepository(SignInEntity).update(id, { outcome, userId });
  }

  /**
   * The instants of the newest failures of an e-mail or an address inside the window (this attempt left out);
   * for an e-mail, only those after its last success, which clears them.
   */
  private async recentFailures(
    id: string,
    now: number,
    column: 'email' | 'address',
    value: string,
    limit: number,
    sinceSuccess: boolean,
  ): Promise<number[]> {
    const qb = this.dataSource
      .getRepository(SignInEntity)
      .createQueryBuilder('s')
      .select('s.attempted_at', 'at')
      .where(`s.${column} = :value`, { value })
      .andWhere(COUNTED_SQL)
      .andWhere('s.attempted_at > :since', { since: now - SIGN_IN_THROTTLE.windowMs })
      .andWhere('s.id != :id', { id });
    if (sinceSuccess) {
      qb.andWhere(
        `s.attempted_at > COALESCE((SELECT MAX(w.attempted_at) FROM sign_ins w WHERE w.email = :value AND w.outcome = 'success'), 0)`,
      );
    }
    const rows = await qb.orderBy('s.attempted_at', 'DESC').limit(limit).getRawMany<{ at: string | number }>();
    return rows.map((r) => Number(r.at));
  }

  /** The attempts, newest first, by part of the e-mail, outcome and address, a page at a time. */
  async find(query: SignInQuery): Promise<{ total: number; limit: number; offset: number; items: SignInView[] }> {
    const qb = this.dataSource.getRepository(SignInEntity).createQueryBuilder('s');
    const email = query.email?.trim().toLowerCase();
    if (email) qb.andWhere(`s.email LIKE :email ESCAPE '\\'`, { email: `%${likeEscaped(email)}%` });
    if (query.outcome) qb.andWhere('s.outcome = :outcome', { outcome: query.outcome });
    const address = query.address?.trim();
    if (address) qb.andWhere(`s.address LIKE :address ESCAPE '\\'`, { address: `${likeEscaped(address)}%` });
    qb.orderBy('s.attemptedAt', 'DESC').addOrderBy('s.id', 'ASC');
    const [rows, total] = await qb.take(query.limit).skip(query.offset).getManyAndCount();
    return { total, limit: query.limit, offset: query.offset, items: rows.map(view) };
  }

  /** Ends a session for good: kept until every token of it would have expired anyway, then pruned. */
  async revokeSession(sessionId: string, userId: string, longestLifetimeSeconds: number): Promise<void> {
    // Token times follow the JWT library's clock (the system's), not the engine's.
    const now = Date.now();
    await rawQuery(
      this.dataSource,
      `INSERT INTO revoked_sessions (session_id, user_id, revoked_at, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [sessionId, userId, now, now + longestLifetimeSeconds * 1000],
    );
    await rawQuery(this.dataSource, 'DELETE FROM revoked_sessions WHERE expires_at < ?', [now]);
  }
}
