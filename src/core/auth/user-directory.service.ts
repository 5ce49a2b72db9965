import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { dialectOfRunner, inList, rawQuery } from '../../database/portable-sql';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import type { Role } from './role';
import { UserEntity } from './user.entity';

/** A user as the engine shows them: never the password's hash nor the tokens' cut-off. */
export type UserView = Omit<UserEntity, 'passwordHash' | 'tokensValidFrom'>;

export const userView = ({ passwordHash: _hidden, tokensValidFrom: _revoked, ...rest }: UserEntity): UserView => rest;

export interface UserQuery {
  /** Part of the name or e-mail (case ignored). */
  readonly q?: string;
  readonly role?: Role;
  readonly active?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** The users as the rest of the engine reads them (signing in and changing users are AuthService's). */
@Injectable()
export class UserDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getUser(id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new DomainError('USER_NOT_FOUND', message('auth.user-not-found'));
    return userView(user);
  }

  /** Users by name or e-mail, role and status, the newest last, a page at a time. */
  async findUsers(query: UserQuery): Promise<{ total: number; limit: number; offset: number; items: UserView[] }> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    const q = query.q?.trim().toLowerCase();
    if (q) {
      const like = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
      qb.andWhere(`(LOWER(u.name) LIKE :like ESCAPE '\\' OR u.email LIKE :like ESCAPE '\\')`, { like });
    }
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    qb.orderBy('u.created_at', 'ASC').addOrderBy('u.email', 'ASC');
    const [rows, total] = await qb.take(query.limit).skip(query.offset).getManyAndCount();
    return { total, limit: query.limit, offset: query.offset, items: rows.map(userView) };
  }

  async listUsers(): Promise<UserView[]> {
    return (await this.dataSource.getRepository(UserEntity).find({ order: { createdAt: 'ASC' } })).map(userView);
  }

  /** The active officials of one government, or of several at once. */
  async officialsOf(governmentCode: string | readonly string[]): Promise<UserView[]> {
    const codes = typeof governmentCode === 'string' ? [governmentCode] : [...governmentCode];
    const users = await this.dataSource.getRepository(UserEntity).findBy({ governmentCode: In(codes), active: true });
    return users.map(userView);
  }

  /** The names of the users with these ids, active or not (a reviewer deactivated since keeps their name). */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const list = inList(dialectOfRunner(this.dataSource), unique);
    const users = await rawQuery<{ id: string; name: string }>(
      this.dataSource,
      `SELECT "id", "name" FROM "users" WHERE "id" IN ${list.sql}`,
      list.params,
    );
    return new Map(users.map((u) => [u.id, u.name]));
  }

  /** Active users' names by role (in the order of `roles`, then by name): a filter's choices, read lean. */
  async activeNamesWithRoles(roles: readonly Role[]): Promise<{ id: string; name: string }[]> {
    const list = inList(dialectOfRunner(this.dataSource), roles);
    const users = await rawQuery<{ id: string; name: string; role: Role }>(
      this.dataSource,
      `SELECT "id", "name", "role" FROM "users" WHERE "role" IN ${list.sql} AND "active" = TRUE ORDER BY "name", "id"`,
      list.params,
    );
    return roles.flatMap((role) => users.filter((u) => u.role === role).map(({ id, name }) => ({ id, name })));
  }
}
