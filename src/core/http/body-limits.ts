import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { hasUnstorableCharacter } from './unstorable-text';

/**
 * The shape of what a request may carry, well above what a real payload needs: the deepest body the API takes
 * is an edition (4 levels); a review decision batch has about 100 items, a form about 1,000 fields; an answer's
 * text or a justification is a few thousand characters. Deeper or longer is refused before it reaches the
 * code that would walk it (class-transformer recurses once per level and overflows the stack at ~1,500).
 */
export const BODY_LIMITS = {
  /** Bytes of a JSON or form body (multipart uploads have MAX_UPLOAD_MB). */
  bytes: 1024 * 1024,
  /** Nesting of objects and arrays in a JSON document. */
  depth: 32,
  /** Characters of one string (a key or a value). */
  stringLength: 100_000,
  /** Elements of one array, or values given for one form field. */
  arrayLength: 10_000,
  /** Fields of one URL-encoded form. */
  formFields: 10_000,
} as const;

export type BodyLimit = 'depth' | 'stringLength' | 'arrayLength' | 'formFields';

const LIMIT_MESSAGES = {
  depth: 'common.http.too-deep',
  stringLength: 'common.http.string-too-long',
  arrayLength: 'common.http.array-too-long',
  formFields: 'common.http.too-many-fields',
} as const;

/** A 400 (413 for the byte size) naming the limit, in the API's usual error body. */
export function limitExceeded(limit: BodyLimit, field = 'body'): DomainError {
  const max = BODY_LIMITS[limit];
  return new DomainError(
    'VALIDATION_FAILED',
    message('common.http.limit-exceeded', { reason: message(LIMIT_MESSAGES[limit], { max }) }),
    [{ field, code: limit, message: message(LIMIT_MESSAGES[limit], { max }) }],
    { limit, max },
  );
}

const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;

/**
 * The first limit a JSON text breaks, found in one pass over its characters without parsing it: nesting
 * depth, string length, array length. Malformed JSON is left for the parser to refuse.
 */
export function scanJson(text: string): BodyLimit | null {
  const arrays: number[] = []; // per open container: -1 for an object, the commas seen for an array
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) {
        inString = false;
        if (i - stringStart > BODY_LIMITS.stringLength) return 'stringLength';
      }
      continue;
    }
    if (c === QUOTE) {
      inString = true;
      stringStart = i + 1;
    } else if (OPEN.has(c)) {
      if (arrays.length >= BODY_LIMITS.depth) return 'depth';
      arrays.push(c === OPEN_ARRAY ? 0 : -1);
    } else if (CLOSE.has(c)) {
      arrays.pop();
    } else if (c === COMMA) {
      // n commas separate n + 1 elements.
      const top = arrays.length - 1;
      if (top >= 0 && arrays[top] >= 0 && ++arrays[top] >= BODY_LIMITS.arrayLength) return 'arrayLength';
    }
  }
  return null;
}

/** The first limit a parsed URL-encoded form breaks: how many fields, how many values per field, how long. */
export function checkForm(form: Record<string, unknown>): DomainError | null {
  const names = Object.keys(form);
  if (names.length > BODY_LIMITS.formFields) return limitExceeded('formFields');
  for (const name of names) {
    if (name.length > BODY_LIMITS.stringLength) return limitExceeded('stringLength');
    const value = form[name];
    const values = Array.isArray(value) ? value : [value];
    if (values.length > BODY_LIMITS.arrayLength) return limitExceeded('arrayLength', name);
    if (values.some((v) => typeof v === 'string' && v.length > BODY_LIMITS.stringLength)) {
      return limitExceeded('stringLength', name);
    }
  }
  return null;
}

/**
 * A 400 for the first key or text of a parsed body (JSON or form) that holds a character no field may hold: NUL
 * or a lone surrogate. They are no writing, PostgreSQL's jsonb refuses them (an error there, not a refusal), and
 * SQLite would keep them; refused for every field alike, before anything reads the body.
 */
export function unstorableCharacter(body: unknown): DomainError | null {
  const field = unstorableAt(body, []);
  if (field === null) return null;
  const why = message('common.http.unstorable-character.field');
  return new DomainError('VALIDATION_FAILED', message('common.http.limit-exceeded', { reason: why }), [
    { field: field || 'body', code: 'UNSTORABLE_CHARACTER', message: why },
  ]);
}

/** The dotted path of the first string (or key) holding an unstorable character, or null. */
function unstorableAt(value: unknown, path: readonly string[]): string | null {
  if (typeof value === 'string') return hasUnstorableCharacter(value) ? path.join('.') : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (hasUnstorableCharacter(key)) return [...path, key].join('.');
    const found = unstorableAt(inner, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
