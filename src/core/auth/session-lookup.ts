import type { DataSource } from 'typeorm';
import { committedRead } from '../../database/committed-reads';
import { dialectOf } from '../../database/dialect';
import { asBoolean, asNumber, inList, statementRuns, VALUES_PER_STATEMENT } from '../../database/portable-sql';
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

/** A request's session: its user and the session's own id, both from the token. */
interface SessionKey {
  readonly userId: string;
  readonly sessionId: string;
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
  private readonly states = batchedLookup<SessionKey, SessionState>(
    async (keys) => {
      const dialect = dialectOf(this.dataSource);
      const users = new Map<string, SessionUser>();
      const revoked = new Set<string>();
      // Two lists per statement: on PostgreSQL, half as many keys as one list takes.
      for (const part of statementRuns(dialect, keys, VALUES_PER_STATEMENT / 2)) {
        const userIds = inList(dialect, [...new Set(part.map((k) => k.userId))]);
        const sessionIds = inList(dialect, [...new Set(part.map((k) => k.sessionId))]);
        const rows = await committedRead<UserRow & { kind: 'user' | 'revoked' }>(
          this.dataSource,
          `SELECT 'user' AS kind, id, email, name, role, government_code, active, password_hash, tokens_valid_from
           FROM users WHERE id IN ${userIds.sql}
           UNION ALL
           SELECT 'revoked', session_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL
           FROM revoked_sessions WHERE session_id IN ${sessionIds.sql}`,
          [...userIds.params, ...sessionIds.params],
        );
        for (const r of rows) if (r.kind === 'user') users.set(r.id, toUser(r));
        for (const r of rows) if (r.kind === 'revoked') revoked.add(r.id);
      }
      return keys.map((k) => ({ user: users.get(k.userId), revoked: revoked.has(k.sessionId) }));
    },
    (k) => JSON.stringify([k.userId, k.sessionId]),
  );

  constructor(private readonly dataSource: DataSource) {}

  async find(userId: string, sessionId: string): Promise<SessionState> {
    return (await this.states({ userId, sessionId }))!;
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
