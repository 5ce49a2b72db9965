import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../core/errors/domain-error';
import { STATUS } from '../core/errors/domain-exception.filter';
import { message } from '../core/i18n/message';
import { resumeOf } from './session/resume';
import { sendSignIn } from './session/sign-in-page';
import { type WebRequest, WebPagesService } from './web-pages.service';

/** The longest address a sign-in redirect carries back (`next`); browsers and proxies cap a header near 8 KB. */
const MAX_NEXT = 2000;

/**
 * Errors on pages are pages: without a session the browser goes to the sign-in form (and comes back after),
 * anything else is shown in the reader's language inside the layout.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrors');

  constructor(private readonly pages: WebPagesService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<WebRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof DomainError && exception.code === 'UNAUTHENTICATED') {
      const resume = resumeOf(request);
      if (resume) {
        // The session ended while a form was being filled: sign in here, and what was typed is sent after.
        this.pages.lang(request, reply);
        const notice = this.pages.text(request, 'web.resume.expired');
        await sendSignIn(this.pages, request, reply, {
          values: { email: '', next: '/inicio' },
          status: 401,
          notice,
          resume,
        });
        return;
      }
      // An address too long to carry back would make the redirect's header overflow: start from home instead.
      const next = request.method === 'GET' && request.url.length <= MAX_NEXT ? request.url : '/inicio';
      this.pages.redirect(reply, `/entrar?next=${encodeURIComponent(next)}`);
      return;
    }
    let status = 500;
    let text = message('error.INTERNAL_ERROR');
    if (exception instanceof DomainError) {
      status = STATUS[exception.code];
      text = exception.userMessage;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      text = message(status === 404 ? 'error.ROUTE_NOT_FOUND' : 'error.REQUEST_REFUSED');
    } else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    this.pages.lang(request, reply);
    await this.pages.send(
      request,
      reply,
      'error',
      { title: 'web.error.title', status },
      { problem: this.pages.localized(request, text) },
    );
  }
}
