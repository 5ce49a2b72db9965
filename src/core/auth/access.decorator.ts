import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from './role';
import type { Actor } from './actor';

export const ACCESS_RULE = 'migracidades:access';

/** Every route declares who may call it: roles, or `public`. Routes without a rule are refused. */
export type AccessRule = { readonly public: true } | { readonly roles: readonly Role[] };

/** Only callers with one of these roles (officials are further limited to their government by the services). */
export const Access = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule);

/** Anyone, without logging in. */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

export const ASSESSMENT_PARAM = 'migracidades:assessment-param';

/**
 * The route's `:id` is an assessment: officials of another government are refused before the body is even
 * read (services check again).
 */
export const AssessmentScoped = () => SetMetadata(ASSESSMENT_PARAM, 'id');

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
