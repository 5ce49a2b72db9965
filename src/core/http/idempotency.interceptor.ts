import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import type { Actor } from '../auth/actor';
import {
  bodyDigest,
  formDigest,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_SCHEMA,
  IDEMPOTENCY_TTL_MS,
  type IdempotentRequest,
  parseIdempotencyKey,
  routeOf,
  type StoredResponse,
} from './idempotency';
import { IdempotencyService } from './idempotency.service';
import { readMultipart } from './multipart';

/** The headers of a response that a replay gives again. */
const KEPT_HEADERS = ['location'];

/** Tells a client that the response is the stored one (the name Stripe and others use). */
const REPLAYED_HEADER = 'idempotent-replayed';

/** Applies `Idempotent()` routes' `Idempotency-Key`: the work once, the stored response to repeats. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { actor?: Actor }>();
    const reply = http.getResponse<FastifyReply>();
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_HEADER.toLowerCase()]);
    if (key === null || !request.actor) return next.handle();
    const call: IdempotentRequest = {
      userId: request.actor.id,
      key,
      route: routeOf(request),
      digest: request.isMultipart() ? formDigest(await readMultipart(request)) : bodyDigest(request.body),
    };
    const stored = await this.idempotency.begin(call);
    if (stored) return of(replay(reply, stored));
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.idempotency.complete(call, { status: reply.statusCode, body, headers: keptHeaders(reply) });
        return body;
      }),
      catchError((e: unknown) => from(this.idempotency.release(call)).pipe(mergeMap(() => throwError(() => e)))),
    );
  }
}

function keptHeaders(reply: FastifyReply): Record<string, string> {
  return Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => {
      const value = reply.getHeader(name);
      return value === undefined ? [] : [[name, String(value)]];
    }),
  );
}

function replay(reply: FastifyReply, stored: StoredResponse): unknown {
  void reply.status(stored.status).header(REPLAYED_HEADER, 'true');
  for (const [name, value] of Object.entries(stored.headers)) void reply.header(name, value);
  return stored.body;
}

/**
 * The route honours `Idempotency-Key` (IETF draft "The Idempotency-Key HTTP Header Field"): a repeat of the
 * same request by the same user within 24 h gets the first response, marked `Idempotent-Replayed: true`.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        `Optional key (1–255 visible ASCII characters, e.g. a UUID) that makes the request do its work once: ` +
        `the same request again with the same key, by the same user within ${IDEMPOTENCY_TTL_MS / 3_600_000} h, ` +
        `gets the first response (header Idempotent-Replayed: true); the key with another body is refused with 422, ` +
        `and while the first is still running with 409.`,
      schema: IDEMPOTENCY_KEY_SCHEMA,
    }),
  );
}
