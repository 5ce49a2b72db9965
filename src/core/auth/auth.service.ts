import { createHash, createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Role } from './role';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../errors/domain-error';
import { GovernmentEntity } from '../governments/government.entity';
import { message } from '../i18n/message';
import { type Actor, requireRole, roleNames } from './actor';
import { hashPassword, verifyPassword } from './password';
import { PASSWORD_LENGTH, type PasswordOwner, passwordProblem, requirePasswordPolicy } from './password-policy';
import type { SignInOutcome } from './sign-in-outcomes';
import { type SignInClient, SignInsService, throttledError } from './sign-ins.service';
import { UserEntity } from './user.entity';
import { VerifiedTokens } from './verified-tokens';
import { type UserView, userView as view } from './user-directory.service';
import { SessionLookup } from './session-lookup';
import { storedSessionSecret } from './session-secret';
import { SESSION_LIFETIME_SECONDS } from './web-session';

/** An API token lives 12 hours; a page's session an hour after its last page (web-session.ts). */
const TOKEN_LIFETIME_SECONDS = 12 * 3600;

/** A caller that is not an HTTP request (a benchmark, a script) signs in from here. */
const IN_PROCESS: SignInClient = { address: 'in-process', userAgent: null };

/** What a token says besides its signature and expiry. */
interface TokenClaims {
  readonly sub: string;
  readonly role?: string;
  /** A digest of the password it was issued under. */
  readonly pw?: string;
  /** When it was issued (ms). */
  readonly at?: number;
  readonly iat?: number;
  readonly exp?: number;
  /** The sign-in it belongs to: signing out revokes it. */
  readonly sid?: string;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly role: Role;
  readonly governmentCode?: string;
}

/** What an administrator may change on a user: the role with its government, and whether the user may sign in. */
export interface UserChanges {
  readonly role?: Role;
  /** The government of an official; null (or left out) for the other roles. */
  readonly governmentCode?: string | null;
  readonly active?: boolean;
}

export { PASSWORD_LENGTH } from './password-policy';

/** A temporary password of 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A token carries a digest of the password it was issued under: changing the password ends every other session. */
const passwordStamp = (passwordHash: string) =>
  createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  private jwt!: JwtService;
  private readonly sessions: SessionLookup;
  private readonly verified = new VerifiedTokens<TokenClaims>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly signIns: SignInsService,
  ) {
    this.sessions = new SessionLookup(dataSource);
  }

  async onModuleInit(): Promise<void> {
    this.jwt = new JwtService({
      // A key object: given a string, jsonwebtoken tries it as a public key first, at every request (costly).
      secret: createSecretKey(Buffer.from(this.config.jwtSecret ?? storedSessionSecret(this.config.dataDir))),
      signOptions: { expiresIn: TOKEN_LIFETIME_SECONDS, algorithm: 'HS256' },
    });
    const admins = await this.dataSource.getRepository(UserEntity).countBy({ role: 'admin' });
    if (admins === 0 && this.config.admin) {
      await this.createUser(null, { ...this.config.admin, name: 'Administrador', role: 'admin' });
      this.logger.log(`Administrator ${this.config.admin.email} created from ADMIN_EMAIL`);
      const problem = passwordProblem(this.config.admin.password, { email: this.config.admin.email });
      if (problem) this.logger.warn(`ADMIN_PASSWORD is weak (${problem}): change it after signing in`);
    } else if (admins === 0 && !this.config.demoData) {
      this.logger.warn('No administrator exists: set ADMIN_EMAIL and ADMIN_PASSWORD and restart');
    }
  }

  /**
   * Signs in, throttled by the recent failures of the account and of the address (sign-in-throttle.ts): a
   * refused attempt is not even checked, so the right password does not get through while refused either.
   * Every attempt is recorded with its outcome.
   */
  async login(
    email: string,
    password: string,
    client: SignInClient = IN_PROCESS,
  ): Promise<{ accessToken: string; expiresIn: number; user: UserView }> {
    const tried = email.trim().toLowerCase().slice(0, 200);
    const attempt = await this.signIns.begin(tried, client);
    if (attempt.decision.verdict === 'refuse') throw throttledError(attempt.decision);
    if (attempt.decision.delayMs > 0) await sleep(attempt.decision.delayMs);
    const { user, outcome } = await this.checkCredentials(tried, password);
    await this.signIns.settle(attempt.id, outcome, user?.id ?? null);
    if (!user || outcome !== 'success') {
      throw new DomainError('INVALID_CREDENTIALS', message('auth.invalid-credentials'));
    }
    const accessToken = await this.issueToken(user, randomUUID(), TOKEN_LIFETIME_SECONDS);
    return { accessToken, expiresIn: TOKEN_LIFETIME_SECONDS, user: view(user) };
  }

  private async checkCredentials(
    email: string,
    password: string,
  ): Promise<{ user: UserEntity | null; outcome: SignInOutcome }> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    // Verify even for unknown e-mails, so that timing does not tell which addresses exist.
    const ok = await verifyPassword(
      password,
      user?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    );
    const outcome = !user ? 'unknown-account' : !ok ? 'wrong-password' : !user.active ? 'disabled' : 'success';
    return { user, outcome };
  }

  private issueToken(user: UserEntity, sessionId: string, expiresIn: number): Promise<string> {
    const claims: TokenClaims = {
      sub: user.id,
      role: user.role,
      pw: passwordStamp(user.passwordHash),
      at: Date.now(),
      sid: sessionId,
    };
    return this.jwt.signAsync(claims, { expiresIn });
  }

  /**
   * Signing out: the token's session is refused from now on, every token of it (a page renews its token, and a
   * copied cookie is an older one). Kept until the longest-lived of them would have expired anyway.
   * A token that is not valid has nothing to revoke.
   */
  async revoke(token: string | undefined): Promise<void> {
    const claims = token ? await this.verifiedClaims(token) : null;
    if (!claims?.sid) return;
    await this.signIns.revokeSession(claims.sid, claims.sub, TOKEN_LIFETIME_SECONDS);
  }

  private verifiedClaims(token: string): Promise<TokenClaims | null> {
    return this.verified.claims(token, async (t) => {
      try {
        return await this.jwt.verifyAsync<TokenClaims>(t, { algorithms: ['HS256'] });
      } catch {
        return null;
      }
    });
  }

  /** A web session's token for a signed-in caller (renewed by every page, so it expires only when idle). */
  async sessionToken(actor: Pick<Actor, 'id' | 'role' | 'sessionId'>): Promise<{ token: string; expiresIn: number }> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.id });
    // A renewal stays in its sign-in's session; a page sign-in starts one.
    const token = await this.issueToken(user, actor.sessionId ?? randomUUID(), SESSION_LIFETIME_SECONDS);
    return { token, expiresIn: SESSION_LIFETIME_SECONDS };
  }

  /** Changes the caller's own password after checking the current one. */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const repo = this.dataSource.getRepository(UserEntity);
    const user = await repo.findOneByOrFail({ id: actor.id });
    if (!(await verifyPassword(current, user.passwordHash))) {
      throw new DomainError('VALIDATION_FAILED', message('auth.password.current-wrong'), [
        { field: 'currentPassword', message: message('auth.password.current-wrong') },
      ]);
    }
    if (next.length < PASSWORD_LENGTH.min || next.length > PASSWORD_LENGTH.max) {
      throw new DomainError('VALIDATION_FAILED', message('auth.password.too-short'), [
        { field: 'newPassword', message: message('auth.password.too-short') },
      ]);
    }
    requirePasswordPolicy(next, user, 'newPassword');
    const passwordHash = await hashPassword(next);
    await this.dataSource.transaction(async (em) => {
      await em.update(UserEntity, { id: user.id }, { passwordHash });
      await this.audit.record(em, actor, { action: 'user.password-change', entity: 'user', entityId: user.id });
    });
  }

  /** The caller behind a bearer token, or an UNAUTHENTICATED error. */
  async actorFromToken(token: string | undefined): Promise<Actor> {
    const unauthenticated = () => new DomainError('UNAUTHENTICATED', message('auth.unauthenticated'));
    if (!token) throw unauthenticated();
    const payload = await this.verifiedClaims(token);
    // Every token carries its session (since sign-out revokes sessions): one without is from before, refused.
    if (!payload?.sid) throw unauthenticated();
    const { user, revoked } = await this.sessions.find(payload.sub, payload.sid);
    if (!user || !user.active || revoked) throw unauthenticated();
    if (payload.pw !== undefined && payload.pw !== passwordStamp(user.passwordHash)) throw unauthenticated();
    const issuedAt = payload.at ?? (payload.iat ?? 0) * 1000;
    if (user.tokensValidFrom !== null && issuedAt < user.tokensValidFrom) throw unauthenticated();
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      governmentCode: user.governmentCode,
      sessionId: payload.sid,
    };
  }

  async createUser(by: Actor | null, input: NewUser): Promise<UserView> {
    const email = input.email.trim().toLowerCase();
    this.requireRoleGovernment(input.role, input.governmentCode);
    // People's passwords follow the policy; the system's own users (ADMIN_PASSWORD, the demo's) are configured.
    if (by) requirePasswordPolicy(input.password, { email, name: input.name });
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (em) => {
      await this.requireKnownGovernment(em, input.governmentCode);
      if (await em.existsBy(UserEntity, { email })) {
        throw new DomainError('ALREADY_EXISTS', message('auth.email-taken', { email }), [
          { field: 'email', message: message('auth.email-taken.field') },
        ]);
      }
      const user = em.create(UserEntity, {
        id: randomUUID(),
        email,
        name: input.name,
        passwordHash,
        role: input.role,
        governmentCode: input.governmentCode ?? null,
        active: true,
      });
      await em.insert(UserEntity, user);
      await this.audit.record(em, by, { action: 'user.create', entity: 'user', entityId: user.id, after: view(user) });
      return view(user);
    });
  }

  /** An official belongs to a government; the other roles to none. */
  private requireRoleGovernment(role: Role, governmentCode: string | null | undefined): void {
    if (role === 'official' && !governmentCode) {
      throw new DomainError('VALIDATION_FAILED', message('auth.official-needs-government'), [
        { field: 'governmentCode', message: message('auth.official-needs-government.field') },
      ]);
    }
    if (role !== 'official' && governmentCode) {
      throw new DomainError('VALIDATION_FAILED', message('auth.only-officials-have-government'), [
        {
          field: 'governmentCode',
          message: message('auth.only-officials-have-government.field', { role: roleNames([role]) }),
        },
      ]);
    }
  }

  private async requireKnownGovernment(em: EntityManager, governmentCode: string | null | undefined): Promise<void> {
    if (governmentCode && !(await em.existsBy(GovernmentEntity, { ibgeCode: governmentCode }))) {
      throw new DomainError('VALIDATION_FAILED', message('auth.government-unknown', { code: governmentCode }), [
        { field: 'governmentCode', message: message('common.validation.unknown-ibge-code') },
      ]);
    }
  }

  /**
   * An administrator changes a user's role (with its government) or disables or enables them. A disabled user's
   * sessions and tokens stop at their next request (`actorFromToken` reads the user every time). No one disables
   * themselves or takes away their own administration, so that the last administrator cannot lock everyone out.
   */
  async updateUser(by: Actor, id: string, changes: UserChanges): Promise<UserView> {
    requireRole(by, 'admin');
    return this.dataSource.transaction(async (em) => {
      const user = await em.findOneBy(UserEntity, { id });
      if (!user) throw new DomainError('USER_NOT_FOUND', message('auth.user-not-found'));
      const role = changes.role ?? user.role;
      const governmentCode =
        changes.governmentCode !== undefined
          ? changes.governmentCode
          : role === 'official'
            ? user.governmentCode
            : null;
      const active = changes.active ?? user.active;
      if (user.id === by.id && (!active || role !== 'admin')) {
        throw new DomainError('FORBIDDEN', message('auth.cannot-demote-self'));
      }
      this.requireRoleGovernment(role, governmentCode);
      await this.requireKnownGovernment(em, governmentCode);
      const before = view(user);
      const after = { ...before, role, governmentCode: governmentCode ?? null, active };
      // Disabling ends every session for good: enabling again does not bring the old ones back.
      const revoke = user.active && !active ? { tokensValidFrom: Date.now() } : {};
      await em.update(UserEntity, { id }, { role, governmentCode: governmentCode ?? null, active, ...revoke });
      const action = active !== user.active ? (active ? 'user.enable' : 'user.disable') : 'user.update';
      await this.audit.record(em, by, { action, entity: 'user', entityId: id, before, after });
      return after;
    });
  }

  /**
   * An administrator sets a new password for a user: the one given, or a temporary one returned once. The user's
   * open sessions end (their tokens carry the old password's digest).
   */
  async resetPassword(
    by: Actor,
    id: string,
    password?: string,
  ): Promise<{ user: UserView; temporaryPassword: string | null }> {
    requireRole(by, 'admin');
    const given = password !== undefined && password !== '';
    if (given) requirePasswordPolicy(password, await this.passwordOwner(id));
    const next = given ? password : temporaryPassword();
    const passwordHash = await hashPassword(next);
    return this.dataSource.transaction(async (em) => {
      const user = await em.findOneBy(UserEntity, { id });
      if (!user) throw new DomainError('USER_NOT_FOUND', message('auth.user-not-found'));
      await em.update(UserEntity, { id }, { passwordHash });
      await this.audit.record(em, by, {
        action: 'user.password-reset',
        entity: 'user',
        entityId: id,
        after: { temporary: !given },
      });
      return { user: view(user), temporaryPassword: given ? null : next };
    });
  }

  private async passwordOwner(id: string): Promise<PasswordOwner> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    return user ? { email: user.email, name: user.name } : {};
  }
}
