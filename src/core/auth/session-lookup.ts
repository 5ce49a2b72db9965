import type { DataSource } from 'typeorm';
import { committedRead } from '../../database/committed-reads';
import { asBoolean, asNumber, placeholders } from '../../database/portable-sql';
import type { Role } from './role';
import { batchedLookup } from './batched-lookup';

/** What a request's token is checked against: its user as stored now. */
export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly governmentCode: string | null;
  readonly active: boolean;
  readonly passwordHash: string;
  readonly tokensValidFrom: number | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  government_code: string | null;
  active: unknown;
  password_hash: string;
  tokens_valid_from: unknown;
}

/**
 * Reads, for every authenticated request, its user and whether its session was revoked: the requests waiting
 * together share one query of each (batched-lookup.ts), plain SQL without the ORM's query building. Read
 * each time, never cached, so a sign-out or a disabled user stops the very next request on every instance.
 */
export class SessionLookup {
  private readonly users = batchedLookup<string, SessionUser>(async (ids) => {
    const rows = await committedRead<UserRow>(
      this.dataSource,
      `SELECT id, email, name, role, government_code, active, password_hash, tokens_valid_from
       FROM users WHERE id IN (${placeholders(ids.length)})`,
      ids,
    );
    return new Map(rows.map((r) => [r.id, toUser(r)]));
  });

  private readonly revoked = batchedLookup<string, true>(async (ids) => {
    const rows = await committedRead<{ session_id: string }>(
      this.dataSource,
      `SELECT session_id FROM revoked_sessions WHERE session_id IN (${placeholders(ids.length)})`,
      ids,
    );
    return new Map(rows.map((r) => [r.session_id, true as const]));
  });

  constructor(private readonly dataSource: DataSource) {}

  async find(userId: string, sessionId: string): Promise<{ user: SessionUser | undefined; revoked: boolean }> {
    const [user, revoked] = await Promise.all([this.users(userId), this.revoked(sessionId)]);
    return { user, revoked: revoked === true };
  }
}

const toUser = (r: UserRow): SessionUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  governmentCode: r.government_code,
  active: asBoolean(r.active),
  passwordHash: r.password_hash,
  tokensValidFrom: asNumber(r.tokens_valid_from, 'nullable'),
});
