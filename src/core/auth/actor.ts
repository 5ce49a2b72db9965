import type { Role } from './role';
import { DomainError } from '../errors/domain-error';

/** Who is calling: resolved from the access token on every request. */
export interface Actor {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly governmentCode: string | null;
}

/** Officials act only for their own government; the other roles see every government. */
export function requireGovernmentAccess(actor: Actor, governmentCode: string): void {
  if (actor.role === 'official' && actor.governmentCode !== governmentCode) {
    throw new DomainError('FORBIDDEN', {
      'pt-BR': 'Você só pode acessar os dados do seu próprio governo.',
      en: 'You may only access your own government\u2019s data.',
    });
  }
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new DomainError('FORBIDDEN', {
      'pt-BR': `Ação permitida apenas para: ${roles.join(', ')}.`,
      en: `Only ${roles.join(', ')} may do this.`,
    });
  }
}
