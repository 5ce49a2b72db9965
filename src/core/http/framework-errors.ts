import type { ArgumentsHost } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
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

  readonly handle = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): unknown => {
    void reply.headers(securityHeadersFor(request.url, undefined, this.headers));
    const refusal = new DomainError('MALFORMED_REQUEST', message('common.http.bad-url'), [
      { field: 'url', code: error.code, message: message('common.http.bad-url.field') },
    ]);
    if (!this.answer) return reply.code(400).send({ statusCode: 400, code: refusal.code });
    return this.answer(refusal, new ExecutionContextHost([request, reply]));
  };
}
