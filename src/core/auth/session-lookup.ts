import type { DataSource } from 'typeorm';
import { committedRead } from '../../database/committed-reads';
import { dialectOf } from '../../database/dialect';
import { asBoolean, asNumber, inList } from '../../database/portable-sql';
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

/** What one request's session is checked against. */
interface SessionState {
  readonly user: SessionUser | undefined;
  readonly revoked: boolean;
}

/**
 * Reads, for every authenticated request, its user and whether its session was revoked, in one statement: the
 * requests waiting together share it (batched-lookup.ts), plain SQL without the ORM's query building. Read
 * each time, never cached, so a sign-out or a disabled user stops the very next request on every instance.
 */
export class SessionLookup {
  /** Keyed by `userId sessionId` (neither holds a space: a user's id is a UUID, a session's too). */
  private readonly states = batchedLookup<string, SessionState>(async (keys) => {
    const pairs = keys.map((key) => key.split(' ') as [string, string]);
    const dialect = dialectOf(this.dataSource);
    const users = inList(dialect, [...new Set(pairs.map(([user]) => user))]);
    const sessions = inList(dialect, [...new Set(pairs.map(([, session]) => session))]);
    const rows = await committedRead<UserRow & { kind: 'user' | 'revoked' }>(
      this.dataSource,
      `SELECT 'user' AS kind, id, email, name, role, government_code, active, password_hash, tokens_valid_from
       FROM users WHERE id IN ${users.sql}
       UNION ALL
       SELECT 'revoked', session_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL
       FROM revoked_sessions WHERE session_id IN ${sessions.sql}`,
      [...users.params, ...sessions.params],
    );
    const found = new Map(rows.filter((r) => r.kind === 'user').map((r) => [r.id, toUser(r)]));
    const revoked = new Set(rows.filter((r) => r.kind === 'revoked').map((r) => r.id));
    return new Map(keys.map((key, i) => [key, { user: found.get(pairs[i][0]), revoked: revoked.has(pairs[i][1]) }]));
  });

  constructor(private readonly dataSource: DataSource) {}

  async find(userId: string, sessionId: string): Promise<SessionState> {
    if (userId.includes(' ') || sessionId.includes(' ')) return { user: undefined, revoked: true };
    return (await this.states(`${userId} ${sessionId}`))!;
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
