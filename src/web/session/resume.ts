import { CSRF_FIELD, csrfMatches, type CookieRequest } from '../../core/auth/web-session';

/**
 * What a person typed into a form when their session had already expired (eMAG 2.5: a time limit must not
 * lose their work): the form's address and its fields, carried through the sign-in form and offered back
 * to send once they are signed in again. Only forms posted from our pages (the CSRF token matches) are kept,
 * so that another site cannot plant a form to be sent in someone's name.
 */
export interface Resume {
  readonly action: string;
  readonly fields: readonly (readonly [string, string])[];
}

const MAX_FIELDS = 1000;
const LOCAL_PAGE = /^\/(?![/\\])(?!api\/)/;

/** The form a POST carried, if it can be sent again (URL-encoded, from our pages, to one of our pages). */
export function resumeOf(request: CookieRequest & { readonly url: string }): Resume | null {
  const { body } = request;
  if (request.method !== 'POST' || !body || typeof body !== 'object' || !LOCAL_PAGE.test(request.url)) return null;
  if (!csrfMatches(request)) return null;
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    // Passwords are never written back into a page.
    if (name === CSRF_FIELD || /password/i.test(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') fields.push([name, v]);
  }
  return fields.length > 0 && fields.length <= MAX_FIELDS ? { action: request.url, fields } : null;
}

export const encodeResume = (resume: Resume): string => Buffer.from(JSON.stringify(resume)).toString('base64url');

/** The kept form from the sign-in form's hidden field, or null if it is not one. */
export function decodeResume(raw: unknown): Resume | null {
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Resume;
    const wellFormed =
      typeof value?.action === 'string' &&
      LOCAL_PAGE.test(value.action) &&
      Array.isArray(value.fields) &&
      value.fields.length <= MAX_FIELDS &&
      value.fields.every((f) => Array.isArray(f) && f.length === 2 && f.every((x) => typeof x === 'string'));
    return wellFormed ? { action: value.action, fields: value.fields } : null;
  } catch {
    return null;
  }
}
