import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Handlebars from 'handlebars';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Actor } from '../core/auth/actor';
import { AuthService } from '../core/auth/auth.service';
import {
  CSRF_COOKIE,
  CSRF_FIELD,
  LANG_COOKIE,
  newCsrfToken,
  readCookies,
  serializeCookie,
  SESSION_COOKIE,
  SESSION_LIFETIME_SECONDS,
} from '../core/auth/web-session';
import type { LocalizedText } from '../core/i18n/localized-text';
import { type Language, LANGUAGES, type MessageKey, type MessageParams, translate } from '../core/i18n/message';
import { TemplatesService } from '../core/rendering/templates.service';

/** VLibras, the federal government's sign-language widget: served only from its own host. */
export const VLIBRAS_URL = 'https://vlibras.gov.br/app';

export type WebRequest = FastifyRequest & { actor?: Actor; webLang?: Language; webCsrf?: string };

/** A step of the breadcrumb: a catalogue key, and the page's address unless it is the current page. */
export interface Crumb {
  readonly key: MessageKey;
  readonly href?: string;
}

/** A problem in a submitted form, shown in the error summary and beside its field (eMAG 6.6). */
export interface FormProblem {
  readonly field: string;
  readonly text: string;
}

export interface PageOptions {
  readonly title: MessageKey;
  readonly breadcrumb?: readonly Crumb[];
  readonly status?: number;
  /** The id of the page's main form, the target of Alt+3. */
  readonly mainForm?: string;
  readonly errors?: readonly FormProblem[];
  readonly notice?: string | null;
  /** The page's own stylesheets and scripts under /assets/web/ (e.g. `diagnosis.css`), after the shared ones. */
  readonly styles?: readonly string[];
  readonly scripts?: readonly string[];
}

/** `lang=en` in a URL, else the remembered choice, else Portuguese. */
function languageOf(request: FastifyRequest): { lang: Language; chosen: boolean } {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (typeof asked === 'string' && LANGUAGES.includes(asked as Language))
    return { lang: asked as Language, chosen: true };
  const remembered = readCookies(request)[LANG_COOKIE];
  return { lang: LANGUAGES.includes(remembered as Language) ? (remembered as Language) : 'pt-BR', chosen: false };
}

/**
 * The frame every page shares: language, CSRF token, session renewal and the one layout
 * (templates/web/layout.hbs around templates/web/<page>.hbs).
 */
@Injectable()
export class WebPagesService {
  private readonly secure: boolean;
  private readonly vlibras: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly templates: TemplatesService,
    private readonly auth: AuthService,
  ) {
    this.secure = config.publicUrl.startsWith('https:');
    this.vlibras = config.vlibras;
  }

  /**
   * Cookies are Secure under an https PUBLIC_URL, and on any request that came over TLS (behind a proxy that
   * TRUST_PROXY names, the protocol it forwarded).
   */
  private secureFor(reply: FastifyReply): boolean {
    return this.secure || reply.request.protocol === 'https';
  }

  /** The request's language, remembering a `?lang=` choice in a cookie. */
  lang(request: WebRequest, reply: FastifyReply): Language {
    if (request.webLang) return request.webLang;
    const { lang, chosen } = languageOf(request);
    if (chosen)
      this.addCookie(
        reply,
        serializeCookie(LANG_COOKIE, lang, { secure: this.secureFor(reply), maxAgeSeconds: 31_536_000 }),
      );
    request.webLang = lang;
    return lang;
  }

  text(request: WebRequest, key: MessageKey, params?: MessageParams): string {
    return translate(key, request.webLang ?? 'pt-BR', params);
  }

  localized(request: WebRequest, text: LocalizedText): string {
    return text[request.webLang ?? 'pt-BR'];
  }

  /** The CSRF token of this browser, set on its first page. */
  csrf(request: WebRequest, reply: FastifyReply): string {
    if (request.webCsrf) return request.webCsrf;
    let token = readCookies(request)[CSRF_COOKIE];
    if (!token) {
      token = newCsrfToken();
      this.addCookie(reply, serializeCookie(CSRF_COOKIE, token, { secure: this.secureFor(reply) }));
    }
    request.webCsrf = token;
    return token;
  }

  /** Starts a session for the actor; a fresh CSRF token goes with it (none chosen before sign-in survives). */
  async startSession(request: WebRequest, reply: FastifyReply, actor: Actor): Promise<void> {
    await this.renewSession(reply, actor);
    request.webCsrf = newCsrfToken();
    this.addCookie(reply, serializeCookie(CSRF_COOKIE, request.webCsrf, { secure: this.secureFor(reply) }));
    request.actor = actor;
  }

  async renewSession(reply: FastifyReply, actor: Actor): Promise<number> {
    const { token, expiresIn } = await this.auth.sessionToken(actor);
    this.addCookie(
      reply,
      serializeCookie(SESSION_COOKIE, token, { secure: this.secureFor(reply), maxAgeSeconds: expiresIn }),
    );
    return expiresIn;
  }

  endSession(reply: FastifyReply): void {
    this.addCookie(reply, serializeCookie(SESSION_COOKIE, '', { secure: this.secureFor(reply), maxAgeSeconds: 0 }));
  }

  /** The signed-in actor on a public page (the guard sets it on the others), or null. */
  async optionalActor(request: WebRequest): Promise<Actor | null> {
    if (request.actor) return request.actor;
    const token = readCookies(request)[SESSION_COOKIE];
    if (!token) return null;
    return this.auth.actorFromToken(token).catch(() => null);
  }

  /** Renders `templates/web/<page>.hbs` inside the layout and sends it. */
  async send(
    request: WebRequest,
    reply: FastifyReply,
    page: string,
    options: PageOptions,
    data: Record<string, unknown> = {},
  ): Promise<FastifyReply> {
    const lang = this.lang(request, reply);
    const csrf = this.csrf(request, reply);
    const actor = await this.optionalActor(request);
    // Every page renews the session, so that a person working without JavaScript is never cut off mid-task.
    const sessionSeconds = actor ? await this.renewSession(reply, actor) : SESSION_LIFETIME_SECONDS;
    const path = request.url.split('?')[0];
    const switchTo = (target: Language) => {
      const query = new URLSearchParams(request.url.split('?')[1] ?? '');
      query.set('lang', target);
      return `${path}?${query}`;
    };
    const common = {
      lang,
      csrf,
      csrfField: CSRF_FIELD,
      errors: options.errors ?? [],
      notice: options.notice ?? null,
      mainForm: options.mainForm ?? null,
      styles: options.styles ?? [],
      scripts: options.scripts ?? [],
    };
    const body = this.templates.render(`web/${page}`, { ...common, ...data });
    const title = translate(options.title, lang);
    const html = this.templates.render('web/layout', {
      ...common,
      content: new Handlebars.SafeString(body),
      title: translate('web.title', lang, { page: title }),
      heading: title,
      actor: actor
        ? {
            name: actor.name,
            staff: actor.role !== 'official',
            reviewer: actor.role === 'reviewer',
            certifier: actor.role === 'certifier',
            admin: actor.role === 'admin',
          }
        : null,
      sessionSeconds: actor ? sessionSeconds : null,
      vlibras: this.vlibras ? VLIBRAS_URL : null,
      breadcrumb: (options.breadcrumb ?? []).map((c) => ({ label: translate(c.key, lang), href: c.href ?? null })),
      languages: LANGUAGES.map((l) => ({
        code: l,
        name: l === 'pt-BR' ? 'Português' : 'English',
        href: switchTo(l),
        current: l === lang,
      })),
    });
    return reply
      .status(options.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  }

  redirect(reply: FastifyReply, to: string): FastifyReply {
    return reply.status(303).header('location', to).header('cache-control', 'no-store').send();
  }

  private addCookie(reply: FastifyReply, cookie: string): void {
    const current = reply.getHeader('set-cookie');
    const list = current === undefined ? [] : Array.isArray(current) ? current : [String(current)];
    // Fastify appends to set-cookie: replace the whole list so that a cookie set twice is sent once.
    reply.removeHeader('set-cookie');
    void reply.header('set-cookie', [...list.filter((c) => !c.startsWith(cookie.split('=')[0] + '=')), cookie]);
  }
}

/** A local address to return to after sign-in (never another host). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/inicio';
}
