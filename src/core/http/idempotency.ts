import { createHash } from 'node:crypto';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import type { MultipartForm } from './multipart';

/** The header of the IETF draft "The Idempotency-Key HTTP Header Field". */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The hidden field that carries a page form's key (generated when the form is rendered). */
export const IDEMPOTENCY_FIELD = 'idempotencyKey';

/** How long a stored response is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** One request under a key: whose it is, what it asks (method and path) and a digest of its body. */
export interface IdempotentRequest {
  readonly userId: string;
  readonly key: string;
  readonly route: string;
  readonly digest: string;
}

/** What is replayed: the status, the body and the headers a client follows (`location`). */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/** Visible ASCII (no space, no control characters), as many clients send a UUID or a random token. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The key's schema, for the OpenAPI document. */
export const IDEMPOTENCY_KEY_SCHEMA = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]{1,255}$' };

/**
 * The key a request carries, or null when it carries none. The draft writes the key as a structured-field
 * string (`"…"`): the quotes are accepted and are not part of the key. Anything else is a 400 naming the header.
 */
export function parseIdempotencyKey(value: unknown): string | null {
  if (value === undefined) return null;
  const raw = typeof value === 'string' ? value : '';
  const key = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!KEY_PATTERN.test(key) || key.includes('"')) {
    const reason = message('common.idempotency.format');
    throw new DomainError('VALIDATION_FAILED', message('common.idempotency.invalid', { reason }), [
      { field: IDEMPOTENCY_HEADER, code: 'INVALID_IDEMPOTENCY_KEY', message: reason },
    ]);
  }
  return key;
}

/** The same value whatever the order of an object's keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return value.toString('base64');
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A digest of a JSON or form body, leaving out the fields that are not the request's content. */
export function bodyDigest(body: unknown, omit: readonly string[] = []): string {
  const content =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([k]) => !omit.includes(k)))
      : body;
  return sha256(JSON.stringify(canonical(content ?? null)));
}

/** A digest of a multipart form: its text fields and its files by name, type and content. */
export function formDigest(form: MultipartForm, omit: readonly string[] = []): string {
  return bodyDigest({
    fields: Object.fromEntries(Object.entries(form.fields).filter(([k]) => !omit.includes(k))),
    files: form.files.map((f) => ({
      field: f.field,
      fileName: f.fileName,
      mime: f.declaredMime,
      sha256: sha256(f.bytes),
    })),
  });
}

/** What a key is scoped to besides its user: the method and the path (its parameters included). */
export const routeOf = (request: { readonly method: string; readonly url: string }) =>
  `${request.method} ${request.url.split('?')[0]}`;

/** A page form's request under the key it carries, or null for a form without one (a page rendered before). */
export function formRequest(
  userId: string,
  request: { readonly method: string; readonly url: string },
  key: unknown,
  digest: string,
): IdempotentRequest | null {
  const parsed = key === undefined || key === '' ? null : parseIdempotencyKey(key);
  return parsed === null ? null : { userId, key: parsed, route: routeOf(request), digest };
}

/** A page's answer to a form that worked: go to this address (303). */
export const seeOther = (location: string): StoredResponse => ({ status: 303, body: null, headers: { location } });
