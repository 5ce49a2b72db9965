import type { ArgumentsHost } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { type MessageKey, message } from '../i18n/message';
import { type SecurityHeaderOptions, securityHeadersFor } from './security-headers';

/**
 * Requests Fastify refuses before it finds a route (an address whose percent-encoding is broken): by default
 * it answers them in its own words, past every hook, so without the security headers. Given to Fastify as
 * `frameworkErrors`, this answers them with the application's exception filter (an error page for a browser,
 * the API's error body otherwise), once `answerWith` has been told which.
 */
type Answer = (exception: unknown, host: ArgumentsHost) => unknown;

export class FrameworkErrors {
  private answer?: Answer;

  constructor(private readonly headers: SecurityHeaderOptions) {}

  answerWith(answer: Answer): void {
    this.answer = answer;
  }

  readonly handle = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): unknown =>
    this.refuse(request, reply, error.code, 'common.http.bad-url.field');

  /**
   * An `onRequest` hook: an address carrying a NUL character (`%00`) is refused before any route reads it. No
   * field may hold one, and PostgreSQL refuses it in any text, so a route would otherwise answer 500 there.
   */
  readonly refuseNul = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    if (!/%00/i.test(request.url)) return undefined;
    await this.refuse(request, reply, 'NUL_IN_URL', 'common.http.nul-in-url.field');
    return reply;
  };

  private refuse(request: FastifyRequest, reply: FastifyReply, code: string, fieldMessage: MessageKey): unknown {
    void reply.headers(securityHeadersFor(request.url, undefined, this.headers));
    const refusal = new DomainError('MALFORMED_REQUEST', message('common.http.bad-url'), [
      { field: 'url', code, message: message(fieldMessage) },
    ]);
    if (!this.answer) return reply.code(400).send({ statusCode: 400, code: refusal.code });
    return this.answer(refusal, new ExecutionContextHost([request, reply]));
  }
}
