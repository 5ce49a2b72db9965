import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { committedRead } from '../../database/committed-reads';
import { dialectOf } from '../../database/dialect';
import { inLists } from '../../database/portable-sql';
import { ACCESS_RULE, ASSESSMENT_PARAM, type AccessRule } from './access.decorator';
import { type Actor, requireGovernmentAccess, roleNames } from './actor';
import { AuthService } from './auth.service';
import { batchedLookup } from './batched-lookup';
import { type CookieRequest, csrfMatches, isSafeMethod, readCookies, SESSION_COOKIE } from './web-session';

/**
 * The one global guard: a route is reachable only as its @Access/@Public rule says, and a route without a
 * rule is refused (fail closed), so a forgotten declaration cannot open anything.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  /** The government of an assessment, read for each request (never cached); requests waiting together share one query. */
  private readonly governmentOf = batchedLookup<string, string>(async (ids) => {
    const found = new Map<string, string>();
    for (const list of inLists(dialectOf(this.dataSource), ids)) {
      const rows = await committedRead<{ id: string; government_code: string }>(
        this.dataSource,
        `SELECT id, government_code FROM assessments WHERE id IN ${list.sql}`,
        list.params,
      );
      for (const r of rows) found.set(r.id, r.government_code);
    }
    return ids.map((id) => found.get(id));
  });

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule: refused`);
      throw new DomainError('ROUTE_WITHOUT_ACCESS_RULE', message('auth.route-without-rule'));
    }
    if ('public' in rule) return true;
    const request = context
      .switchToHttp()
      .getRequest<
        CookieRequest & { headers: Record<string, string | undefined>; params?: Record<string, string>; actor?: Actor }
      >();
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    // A browser's session cookie holds the same kind of token; a request it authenticates that changes
    // something must also prove it comes from our pages (CSRF), since the browser sends cookies by itself.
    const session = bearer ? undefined : readCookies(request)[SESSION_COOKIE];
    const param = this.reflector.getAllAndOverride<string | undefined>(ASSESSMENT_PARAM, [
      context.getHandler(),
      context.getClass(),
    ]);
    const assessmentId = param ? request.params?.[param] : undefined;
    // The assessment's government is read beside the session rather than after it (each batched with the other
    // requests'), and used only once the caller is known to be an official.
    const governmentOf = assessmentId ? this.governmentOf(assessmentId) : undefined;
    governmentOf?.catch(() => undefined); // awaited below, unless the session is refused first
    const actor = await this.auth.actorFromToken(bearer ?? session);
    if (session && !isSafeMethod(request.method) && !csrfMatches(request)) {
      throw new DomainError('FORBIDDEN', message('auth.csrf-invalid'));
    }
    if (!rule.roles.includes(actor.role)) {
      throw new DomainError('FORBIDDEN', message('auth.forbidden-role', { roles: roleNames(rule.roles) }));
    }
    if (actor.role === 'official' && governmentOf) {
      const governmentCode = await governmentOf;
      if (governmentCode !== undefined) requireGovernmentAccess(actor, governmentCode);
    }
    request.actor = actor;
    return true;
  }
}
