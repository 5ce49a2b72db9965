import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { csrfMatches, isSafeMethod, type CookieRequest } from '../core/auth/web-session';
import { DomainError } from '../core/errors/domain-error';
import { message } from '../core/i18n/message';

/**
 * Every state-changing page request from a browser carries the CSRF token, signed in or not (sign-in and
 * sign-out too).
 * Runs after the global access guard, which already checks it for requests its session cookie authenticates.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CookieRequest>();
    // A bearer token is never sent by a browser on its own, so such a request cannot be forged cross-site.
    const bearer = /^Bearer\s/i.test(String(request.headers.authorization ?? ''));
    if (bearer || isSafeMethod(request.method) || csrfMatches(request)) return true;
    throw new DomainError('FORBIDDEN', message('auth.csrf-invalid'));
  }
}
