import { parse as parseQueryString } from 'node:querystring';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BODY_LIMITS, checkForm, limitExceeded, scanJson, unstorableCharacter } from './body-limits';

/**
 * The bodies this JSON parser produced. JSON.parse gives plain objects, arrays and primitives only: no sparse
 * array and no binary value, which the validation pipe then need not look for (validation.ts).
 */
const parsedJson = new WeakSet<object>();

/** Whether `value` is a body as the JSON parser left it (see parsedJson). */
export const isParsedJson = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && parsedJson.has(value);

/**
 * The two body parsers Nest would register (JSON for the API, URL-encoded for the pages' forms), each
 * refusing a body over the limits before anything walks it: JSON is scanned for depth and lengths before
 * `JSON.parse`; a form is parsed flat (it cannot nest) and then counted. A body over the size limit is refused
 * from its Content-Length before it is read (Fastify's `bodyLimit`).
 */
export function registerBodyParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  // Prototype-poisoning keys (`__proto__`, `constructor.prototype`) are refused as malformed, as Nest does.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  const options = { bodyLimit: BODY_LIMITS.bytes };

  app.useBodyParser('application/json', options, (request, body, done) => {
    const text = body.toString('utf8');
    const broken = scanJson(text);
    if (broken) return done(limitExceeded(broken), undefined);
    parseJson(request as never, text, (error: Error | null, parsed?: unknown) => {
      if (error) return done(error, undefined);
      const unstorable = unstorableCharacter(parsed);
      if (unstorable) return done(unstorable, undefined);
      if (typeof parsed === 'object' && parsed !== null) parsedJson.add(parsed);
      done(null, parsed);
    });
  });

  // A form posted without a body is an empty form (the pages read its fields; `undefined.field` would be a 500).
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined || request.body === null) request.body = {};
    done();
  });

  app.useBodyParser('application/x-www-form-urlencoded', options, (_request, body, done) => {
    // maxKeys 0: every field is read and counted, rather than the extra ones dropped without a word.
    const form = parseQueryString(body.toString('utf8'), '&', '=', { maxKeys: 0 });
    const problem = checkForm(form) ?? unstorableCharacter(form);
    if (problem) return done(problem, undefined);
    done(null, form);
  });
}
