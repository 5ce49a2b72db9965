import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, NotFoundException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isSafeMethod } from '../core/auth/web-session';
import type { DomainExceptionFilter } from '../core/errors/domain-exception.filter';
import type { WebExceptionFilter } from './web-exception.filter';

/** Addresses that are the API's or machine-readable documents: they answer JSON even to a browser. */
const MACHINE_PATHS = /^\/(api|\.well-known|credentials|assets|did\.json)(\/|$)/;

/** A browser asking for a page: GET, HTML accepted, not an API address. */
export function isPageRequest(request: Pick<FastifyRequest, 'method' | 'url' | 'headers'>): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !MACHINE_PATHS.test(request.url) &&
    String(request.headers.accept ?? '').includes('text/html')
  );
}

/** A browser after a page, whatever the method (a form's post), at an address that is not the API's. */
const wantsPage = (request: Pick<FastifyRequest, 'url' | 'headers'>) =>
  !MACHINE_PATHS.test(request.url) && String(request.headers.accept ?? '').includes('text/html');

/**
 * The application's last word on errors no route's own filter caught: an unknown address typed in a browser
 * gets the "page not found" page in the reader's language, and so does a form refused before its page read it
 * (too large, too many fields) or an address the server cannot read; everything else the API's JSON error.
 */
@Catch()
export class SiteExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly api: DomainExceptionFilter,
    private readonly pages: WebExceptionFilter,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (exception instanceof NotFoundException && isPageRequest(request)) return this.pages.catch(exception, host);
    // Page routes have their own filter: an HTTP-layer refusal, or a form's, reaching this one came before the route.
    if (exception instanceof HttpException || !isSafeMethod(request.method)) return this.beforeRoute(exception, host);
    return this.api.catch(exception, host);
  }

  /** A request refused before any route took it: the error page for a browser after a page, JSON otherwise. */
  async beforeRoute(exception: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    return wantsPage(request) ? this.pages.catch(exception, host) : this.api.catch(exception, host);
  }
}
