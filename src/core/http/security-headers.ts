import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** What the headers depend on: HSTS only when the public address is https, VLibras's host only when it is on. */
export interface SecurityHeaderOptions {
  readonly publicUrl: string;
  readonly vlibras: boolean;
}

/** Where the sign-language widget comes from (see VLIBRAS_URL in the web layer) and what it loads after. */
const VLIBRAS_HOSTS = 'https://vlibras.gov.br https://*.vlibras.gov.br';

/**
 * Responses that our own pages show in a frame: the review page previews evidence files in an iframe. Every
 * other response refuses to be framed, so that no other site can dress our pages (the public verification
 * among them) in its own.
 */
const EMBEDDABLE = [/^\/revisao\/[^/?]+\/arquivos\/[^/?]+(\?|$)/];

/** Swagger UI (its page, its init script and its files) needs inline styles of its own. */
const API_DOCS = /^\/api\/docs(\/|$|\?)/;

type Directives = Record<string, string>;

const serialize = (directives: Directives) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/**
 * The pages' policy: scripts, styles and fonts from this server only, no inline script; images also as data:
 * URLs (the signatories' images); frames only of our own files (the evidence previews).
 */
export function pagePolicy(options: Pick<SecurityHeaderOptions, 'vlibras'>, frameAncestors = "'none'"): string {
  const vlibras = options.vlibras ? ` ${VLIBRAS_HOSTS}` : '';
  return serialize({
    'default-src': "'self'",
    // VLibras runs a WebAssembly player and styles its own widget.
    'script-src': `'self'${vlibras}${options.vlibras ? " 'wasm-unsafe-eval'" : ''}`,
    'style-src': `'self'${vlibras}${options.vlibras ? " 'unsafe-inline'" : ''}`,
    'img-src': `'self' data:${vlibras}${options.vlibras ? ' blob:' : ''}`,
    'font-src': `'self'${vlibras}`,
    'connect-src': `'self'${vlibras}`,
    ...(options.vlibras ? { 'worker-src': "'self' blob:", 'media-src': `'self'${vlibras} blob:` } : {}),
    'frame-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'self'",
    'frame-ancestors': frameAncestors,
  });
}

/** Swagger UI at /api/docs: its bundle is ours to serve, but it writes inline styles and shows data: images. */
export const API_DOCS_POLICY = serialize({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
});

/** Browser features no page of ours uses, turned off for the page and anything it might frame. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/** Two years, subdomains included: a government's site is https from end to end or not at all. */
const HSTS = 'max-age=63072000; includeSubDomains';

const isEmbeddable = (url: string) => EMBEDDABLE.some((pattern) => pattern.test(url));

/**
 * The policy of one response: a route that wrote its own (an evidence file's sandbox) keeps it, with who may
 * frame it added when it says nothing about that.
 */
function policyFor(url: string, own: unknown, options: SecurityHeaderOptions): string {
  const ancestors = isEmbeddable(url) ? "'self'" : "'none'";
  if (typeof own === 'string' && own !== '') {
    return /(^|;)\s*frame-ancestors\s/.test(own) ? own : `${own}; frame-ancestors ${ancestors}`;
  }
  return API_DOCS.test(url) ? API_DOCS_POLICY : cachedPagePolicy(options.vlibras, ancestors);
}

/** The page policies are a handful of fixed texts (VLibras on or off, framed by us or by none): each built once. */
const pagePolicies = new Map<string, string>();

function cachedPagePolicy(vlibras: boolean, ancestors: string): string {
  const key = `${vlibras} ${ancestors}`;
  let policy = pagePolicies.get(key);
  if (policy === undefined) pagePolicies.set(key, (policy = pagePolicy({ vlibras }, ancestors)));
  return policy;
}

/** The headers every response carries, whatever answered it: a page, the API, a static file, an error, a 404. */
export function securityHeadersFor(url: string, ownPolicy: unknown, options: SecurityHeaderOptions) {
  return {
    'content-security-policy': policyFor(url, ownPolicy, options),
    'x-content-type-options': 'nosniff',
    'x-frame-options': isEmbeddable(url) ? 'SAMEORIGIN' : 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    ...(options.publicUrl.startsWith('https:') ? { 'strict-transport-security': HSTS } : {}),
  };
}

/**
 * Sets the headers on every response as it leaves (so that errors and 404s have them too). A hook with a
 * callback rather than an async one: it runs for every response, and a promise each is measurable at autosave rates.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, options: SecurityHeaderOptions): void {
  fastify.addHook(
    'onSend',
    (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
      void reply.headers(securityHeadersFor(request.url, reply.getHeader('content-security-policy'), options));
      done(null, payload);
    },
  );
}
