import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The browser's side of authentication. A web session is a signed token of the same kind as the API's
 * bearer token, carried in an httpOnly cookie, so that it resolves to the same Actor through the same guard.
 * State-changing requests authenticated by the cookie must carry the CSRF token (double submit: the
 * `mc_csrf` cookie, echoed in a form's `_csrf` field or a script's `x-csrf-token` header).
 */
export const SESSION_COOKIE = 'mc_session';
export const CSRF_COOKIE = 'mc_csrf';
export const LANG_COOKIE = 'mc_lang';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** A web session lasts this long after the last page or renewal (pages renew it, so without JS it simply lasts). */
export const SESSION_LIFETIME_SECONDS = 60 * 60;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CookieRequest {
  readonly method: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body?: unknown;
  readonly url?: string;
}

export function readCookies(request: Pick<CookieRequest, 'headers'>): Record<string, string> {
  const header = request.headers.cookie;
  const raw = Array.isArray(header) ? header.join('; ') : (header ?? '');
  const cookies: Record<string, string> = {};
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A cookie that is not valid URI encoding is not ours: ignore it.
    }
  }
  return cookies;
}

export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

export const newCsrfToken = () => randomBytes(24).toString('base64url');

/**
 * The token a multipart form carries in its action's query string (`?_csrf=`): such a body is read only
 * by the page that receives it, after the guards, so a form without JavaScript cannot put it anywhere else.
 */
function multipartQueryToken(request: CookieRequest): string | undefined {
  const type = String(request.headers['content-type'] ?? '');
  if (!/^multipart\/form-data/i.test(type) || !request.url) return undefined;
  const query = request.url.split('?')[1];
  return query ? (new URLSearchParams(query).get(CSRF_FIELD) ?? undefined) : undefined;
}

/**
 * Whether an unsafe request carries the CSRF token of its cookie (in the form's field, the script's
 * header, or a multipart form's action).
 */
export function csrfMatches(request: CookieRequest): boolean {
  const expected = readCookies(request)[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  const field =
    request.body && typeof request.body === 'object'
      ? (request.body as Record<string, unknown>)[CSRF_FIELD]
      : undefined;
  const given = typeof header === 'string' ? header : typeof field === 'string' ? field : multipartQueryToken(request);
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface CookieOptions {
  readonly maxAgeSeconds?: number;
  readonly httpOnly?: boolean;
  readonly secure: boolean;
}

/** A Set-Cookie value: path /, SameSite=Lax, httpOnly unless said otherwise, Secure over https. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'SameSite=Lax',
    ...(options.httpOnly === false ? [] : ['HttpOnly']),
    ...(options.secure ? ['Secure'] : []),
    ...(options.maxAgeSeconds !== undefined ? [`Max-Age=${options.maxAgeSeconds}`] : []),
  ].join('; ');
}
