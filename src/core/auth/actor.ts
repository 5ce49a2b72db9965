import type { Role } from './role';
import { DomainError } from '../errors/domain-error';
import { type MessageParam, message } from '../i18n/message';

/** Who is calling: resolved from the access token on every request. */
export interface Actor {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly governmentCode: string | null;
  /** The sign-in this token belongs to (kept when a page renews it), which signing out revokes. */
  readonly sessionId?: string;
}

/** Officials act only for their own government; the other roles see every government. */
export function requireGovernmentAccess(actor: Actor, governmentCode: string): void {
  if (actor.role === 'official' && actor.governmentCode !== governmentCode) {
    throw new DomainError('FORBIDDEN', message('auth.own-government-only'));
  }
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new DomainError('FORBIDDEN', message('auth.forbidden-role', { roles: roleNames(roles) }));
  }
}

/** The roles as people read them ("IOM reviewers, administrators"), for messages. */
export function roleNames(roles: readonly Role[]): MessageParam {
  return { list: roles.map((r) => message(`auth.role.${r}`)) };
}
