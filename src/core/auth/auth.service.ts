import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Role } from './role';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../errors/domain-error';
import { GovernmentEntity } from '../governments/government.entity';
import { message } from '../i18n/message';
import { type Actor, roleNames } from './actor';
import { hashPassword, verifyPassword } from './password';
import { UserEntity } from './user.entity';
import { SESSION_LIFETIME_SECONDS } from './web-session';

const TOKEN_LIFETIME_SECONDS = 12 * 3600;

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly role: Role;
  readonly governmentCode?: string;
}

export type UserView = Omit<UserEntity, 'passwordHash'>;

const view = ({ passwordHash: _hidden, ...rest }: UserEntity): UserView => rest;

/** A token carries a digest of the password it was issued under: changing the password ends every other session. */
const passwordStamp = (passwordHash: string) =>
  createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  private jwt!: JwtService;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.jwt = new JwtService({
      secret: this.config.jwtSecret ?? this.storedSecret(),
      signOptions: { expiresIn: TOKEN_LIFETIME_SECONDS, algorithm: 'HS256' },
    });
    const admins = await this.dataSource.getRepository(UserEntity).countBy({ role: 'admin' });
    if (admins === 0 && this.config.admin) {
      await this.createUser(null, { ...this.config.admin, name: 'Administrador', role: 'admin' });
      this.logger.log(`Administrator ${this.config.admin.email} created from ADMIN_EMAIL`);
    } else if (admins === 0 && !this.config.demoData) {
      this.logger.warn('No administrator exists: set ADMIN_EMAIL and ADMIN_PASSWORD and restart');
    }
  }

  /** A random signing secret kept under DATA_DIR (never in the database), created at first start. */
  private storedSecret(): string {
    const dir = join(this.config.dataDir, 'secrets');
    const file = join(dir, 'jwt-secret');
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    }
    return readFileSync(file, 'utf8').trim();
  }

  async login(email: string, password: string): Promise<{ accessToken: string; expiresIn: number; user: UserView }> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: email.trim().toLowerCase() });
    // Verify even for unknown e-mails, so that timing does not tell which addresses exist.
    const ok = await verifyPassword(
      password,
      user?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    );
    if (!user || !ok || !user.active) {
      throw new DomainError('INVALID_CREDENTIALS', message('auth.invalid-credentials'));
    }
    const accessToken = await this.jwt.signAsync({
      sub: user.id,
      role: user.role,
      pw: passwordStamp(user.passwordHash),
    });
    return { accessToken, expiresIn: TOKEN_LIFETIME_SECONDS, user: view(user) };
  }

  /** A web session's token for a signed-in caller (renewed by every page, so it expires only when idle). */
  async sessionToken(actor: Pick<Actor, 'id' | 'role'>): Promise<{ token: string; expiresIn: number }> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.id });
    const token = await this.jwt.signAsync(
      { sub: user.id, role: user.role, pw: passwordStamp(user.passwordHash) },
      { expiresIn: SESSION_LIFETIME_SECONDS },
    );
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
    if (next.length < 12 || next.length > 200) {
      throw new DomainError('VALIDATION_FAILED', message('auth.password.too-short'), [
        { field: 'newPassword', message: message('auth.password.too-short') },
      ]);
    }
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
    let payload: { sub: string; pw?: string };
    try {
      payload = await this.jwt.verifyAsync<{ sub: string; pw?: string }>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthenticated();
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: payload.sub });
    if (!user || !user.active) throw unauthenticated();
    if (payload.pw !== undefined && payload.pw !== passwordStamp(user.passwordHash)) throw unauthenticated();
    return { id: user.id, email: user.email, name: user.name, role: user.role, governmentCode: user.governmentCode };
  }

  async createUser(by: Actor | null, input: NewUser): Promise<UserView> {
    const email = input.email.trim().toLowerCase();
    if (input.role === 'official' && !input.governmentCode) {
      throw new DomainError('VALIDATION_FAILED', message('auth.official-needs-government'), [
        { field: 'governmentCode', message: message('auth.official-needs-government.field') },
      ]);
    }
    if (input.role !== 'official' && input.governmentCode) {
      throw new DomainError('VALIDATION_FAILED', message('auth.only-officials-have-government'), [
        {
          field: 'governmentCode',
          message: message('auth.only-officials-have-government.field', { role: roleNames([input.role]) }),
        },
      ]);
    }
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (em) => {
      if (input.governmentCode && !(await em.existsBy(GovernmentEntity, { ibgeCode: input.governmentCode }))) {
        throw new DomainError('VALIDATION_FAILED', message('auth.government-unknown', { code: input.governmentCode }), [
          { field: 'governmentCode', message: message('common.validation.unknown-ibge-code') },
        ]);
      }
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

  async listUsers(): Promise<UserView[]> {
    return (await this.dataSource.getRepository(UserEntity).find({ order: { createdAt: 'ASC' } })).map(view);
  }

  /** The active officials of one government, or of several at once. */
  async officialsOf(governmentCode: string | readonly string[]): Promise<UserView[]> {
    const codes = typeof governmentCode === 'string' ? [governmentCode] : [...governmentCode];
    return (await this.dataSource.getRepository(UserEntity).findBy({ governmentCode: In(codes), active: true })).map(
      view,
    );
  }

  async usersWithRole(role: Role): Promise<UserView[]> {
    return (await this.dataSource.getRepository(UserEntity).findBy({ role, active: true })).map(view);
  }
}
