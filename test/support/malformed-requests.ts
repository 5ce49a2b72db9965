import fc from 'fast-check';

/** What a fuzzed request varies: its body, query string, path parameters, headers, or a multipart upload. */
export type FuzzKind = 'bodies' | 'queries' | 'paths' | 'headers' | 'multipart';

/** A JSON schema as the OpenAPI document gives it (references already resolved). */
export interface Schema {
  readonly type?: string;
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly format?: string;
}

/** Text that breaks things: control and format characters, lone surrogates, emoji, right-to-left, NUL. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e\u0644\u0627',
  '👩🏽‍⚕️🏳️‍🌈',
  'ﬁ',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
  '../../../../etc/passwd',
  '%00',
  '%',
  '%E0%A4%A',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  'true',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'prototype',
];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Percent-encoding, where a lone surrogate (which has no UTF-8) becomes the bytes of one: invalid UTF-8. */
export const encode = (text: string): string =>
  encodeURIComponent(text.replace(LONE_SURROGATES, '\ufffd')) + (LONE_SURROGATE.test(text) ? '%ED%A0%80' : '');

const NASTY_NUMBERS = [0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MIN_VALUE];

/** A string a field would not expect: nasty, random Unicode, or long (but under the limits unless `huge`). */
export const nastyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 5000 }).map((n) => 'é'.repeat(n)) },
  );

/** Any JSON value, with the nasty strings and numbers in it. */
const anyJson = (): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      nastyString(),
      fc.constantFrom(...NASTY_NUMBERS),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(nastyString(), fc.string()), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

/** A value of the wrong type for a schema (a string where a number goes, an object where a list goes…). */
const wrongFor = (schema: Schema | undefined): fc.Arbitrary<unknown> => {
  const others: fc.Arbitrary<unknown>[] = [anyJson()];
  if (schema?.type !== 'string') others.push(nastyString());
  if (schema?.type !== 'number' && schema?.type !== 'integer') others.push(fc.constantFrom(...NASTY_NUMBERS));
  if (schema?.type !== 'array') others.push(fc.array(anyJson(), { maxLength: 3 }));
  if (schema?.type !== 'object') others.push(fc.constant({ nested: { deeper: [1, 'two'] } }));
  return fc.oneof(...others);
};

/**
 * An object shaped like the schema with wrong values and one field the schema does not know, so that no
 * generated object is a valid request (unknown fields are refused).
 */
const wrongObject = (schema: Schema | undefined): fc.Arbitrary<Record<string, unknown>> => {
  const names = Object.keys(schema?.properties ?? {});
  const fields = names.length > 0 ? fc.subarray(names) : fc.constant([] as string[]);
  return fc
    .tuple(
      fields.chain((chosen) => fc.tuple(...chosen.map((n) => wrongFor(schema?.properties?.[n]).map((v) => [n, v])))),
      fc.constantFrom('__fuzz', 'isAdmin', 'role', '$where', '\u0000'),
      anyJson(),
    )
    .map(([pairs, extra, value]) => ({ ...Object.fromEntries(pairs as [string, unknown][]), [extra]: value }));
};

const nest = (depth: number, open: string, close: string, core = '1') =>
  open.repeat(depth) + core + close.repeat(depth);

/** JSON text past a limit: deep, with a huge string or list, or over the byte size. */
const overLimitJson = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.integer({ min: 33, max: 3000 }).map((d) => nest(d, '[', ']')),
    fc.integer({ min: 33, max: 3000 }).map((d) => nest(d, '{"a":', '}')),
    fc.integer({ min: 33, max: 200 }).map((d) => `{"answers":${nest(d, '[{"value":', '}]')}}`),
    fc.integer({ min: 100_001, max: 300_000 }).map((n) => JSON.stringify({ title: 'x'.repeat(n) })),
    fc.integer({ min: 10_001, max: 20_000 }).map((n) => JSON.stringify({ items: new Array(n).fill(0) })),
    fc.constant(JSON.stringify({ filler: 'y'.repeat(1_100_000) })),
  );

/** Prototype pollution, in the body as JSON text (a JSON.stringify would drop `__proto__`). */
const POLLUTION = [
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"answers":[{"__proto__":{"role":"admin"}}]}',
  '[{"__proto__":null}]',
];

/** Text that is not JSON, or JSON cut short. */
const BROKEN_JSON = ['', '{', '{"a":', '[1,2', '{"a":1}}', "{'a':1}", 'undefined', 'NaN', '\ufeff{"a":1}', '{"a":1,}'];

/** A malformed body as text: wrong shapes for the schema, past the limits, polluting, or not JSON at all. */
export const malformedJsonBody = (schema: Schema | undefined): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 5, arbitrary: wrongObject(schema).map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: fc.oneof(nastyString(), fc.array(anyJson(), { maxLength: 3 })).map(JSON.stringify) },
    { weight: 2, arbitrary: overLimitJson() },
    { weight: 1, arbitrary: fc.constantFrom(...POLLUTION) },
    { weight: 2, arbitrary: fc.constantFrom(...BROKEN_JSON) },
  );

/** Content types a body claims, true or not. */
export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/xml',
  'application/octet-stream',
  'image/png',
  'application/json, text/html',
];

/** Names the pages' forms use (sent twice, a field arrives as a list), and names shaped like nested keys. */
const FORM_NAMES = [
  'reason',
  'email',
  'password',
  'next',
  'name',
  'role',
  'note',
  'comment',
  'year',
  'resume',
  'a[b][c]',
  '__proto__[x]',
  'answers[0]',
  'ano',
  'assessmentId',
];

/** The names the pages read from their query strings (filters, pages, notices after a redirect). */
export const PAGE_QUERY_NAMES = [
  'q',
  'ano',
  'pagina',
  'situacao',
  'criada',
  'uf',
  'revisor',
  'edicao',
  'salvo',
  'reemitido',
  'filtro',
  'emitido',
  'revogado',
  'resultado',
  'registrado',
  'prorrogado',
  'papel',
  'lote',
  'inscricao',
  'feito',
  'enviado',
  'endereco',
  'email',
  'numero',
  'lang',
  'next',
  'offset',
  'limit',
  'group',
  'edition',
];

/** A URL-encoded form: nasty values, repeated or bracketed names, broken escapes, too many fields. */
export const malformedForm = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(nastyString(), fc.constantFrom(...FORM_NAMES)), nastyString()), {
          maxLength: 8,
        })
        .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
    },
    { weight: 2, arbitrary: fc.constantFrom('%', 'a=%zz', '=&=&&', 'a=%E0%A4%A', '&&&&', 'a'.repeat(5000)) },
    { weight: 1, arbitrary: fc.integer({ min: 10_001, max: 12_000 }).map((n) => 'f=1&'.repeat(n)) },
    { weight: 1, arbitrary: fc.constant(`note=${'z'.repeat(100_001)}`) },
  );

/** A query string: the route's own names with wrong values, unknown names, repeats, broken escapes. */
export const malformedQuery = (names: readonly string[]): fc.Arbitrary<string> => {
  const name = names.length > 0 ? fc.oneof(fc.constantFrom(...names), nastyString()) : nastyString();
  const pair = fc
    .tuple(name, fc.oneof(nastyString(), fc.constantFrom('-1', '0', '99999999999999999999', '1.5', '', 'a,b')))
    .map(([k, v]) => `${encode(k)}=${encode(v)}`);
  // A name given twice arrives as a list where the route expects one value.
  const twice = fc
    .tuple(name, nastyString(), nastyString())
    .map(([k, a, b]) => `${encode(k)}=${encode(a)}&${encode(k)}=${encode(b)}`);
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(pair, { minLength: 1, maxLength: 6 }).map((p) => p.join('&')) },
    { weight: 2, arbitrary: twice },
    { weight: 2, arbitrary: fc.constantFrom('%', 'limit=%zz', 'uf=%E0%A4%A', 'a[b]=1&a[b][c]=2', '__proto__[x]=1') },
    { weight: 1, arbitrary: fc.constant(`q=${'w'.repeat(6000)}`) },
  );
};

/** A path parameter no route should accept: not an id, out of range, traversal, broken escapes, too long. */
export const malformedParam = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '00000000-0000-0000-0000-000000000000',
        'not-a-uuid',
        '-1',
        '0',
        '99999999999999999999',
        '1e5',
        'NaN',
        '0x10',
        '..',
        '..%2F..%2Fetc%2Fpasswd',
        '%2e%2e',
        '%00',
        '%',
        '%zz',
        '%E0%A4%A',
        '%C0%AF',
        'v0',
        'v9999999',
        '__proto__',
        'constructor',
      ),
    },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encode) },
    { weight: 1, arbitrary: fc.integer({ min: 101, max: 3000 }).map((n) => 'a'.repeat(n)) },
    { weight: 1, arbitrary: fc.uuid() },
  );

const base64url = (s: string) => Buffer.from(s).toString('base64url');

/** Tokens that are not ours: junk, unsigned, alg none, tampered, expired-looking, other schemes. */
export const BAD_AUTHORIZATIONS = [
  'Bearer',
  'Bearer ',
  'Bearer null',
  'Bearer a.b.c',
  `Bearer ${base64url('{"alg":"none"}')}.${base64url('{"sub":"1","role":"admin"}')}.`,
  `Bearer ${base64url('{"alg":"HS256"}')}.${base64url('{"sub":"x","role":"admin","exp":1}')}.c2ln`,
  'Basic YWRtaW46YWRtaW4=',
  'Bearer ' + 'A'.repeat(8000),
  'bearer\tjunk',
];

/** Headers that lie or overflow: content types, tokens, cookies, languages, forwarded addresses, sizes. */
export const malformedHeaders = (): fc.Arbitrary<Record<string, string>> => {
  const latin = fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: 60,
  });
  return fc.oneof(
    fc.record({
      authorization: fc.oneof(
        fc.constantFrom(...BAD_AUTHORIZATIONS),
        latin.map((s) => `Bearer ${s}`),
      ),
    }),
    fc.record({ 'content-type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), latin) }),
    fc.record({
      cookie: fc.oneof(
        fc.constantFrom('mc_session=garbage', 'mc_session=a.b.c; mc_csrf=x', 'mc_lang=xx', 'mc_session=%', '=;;='),
        latin,
      ),
    }),
    fc.record({ accept: fc.oneof(fc.constantFrom('text/html', '*/*', 'application/pdf', ';;'), latin) }),
    fc.record({ 'accept-language': latin, 'x-forwarded-for': fc.constantFrom('1.2.3.4', 'evil', '::1, 10.0.0.1') }),
    fc.record({ 'x-csrf-token': latin, 'idempotency-key': fc.oneof(latin, fc.constant('k'.repeat(300))) }),
    fc.record({ 'x-huge': fc.integer({ min: 8000, max: 20_000 }).map((n) => 'h'.repeat(n)) }),
    fc.record({ 'accept-encoding': fc.constantFrom('br;q=x', 'gzip;q=-1', 'identity;q=0, *;q=0', latin as never) }),
  );
};

/** File contents no upload should keep: random bytes (with a NUL, so never text), lying magic numbers, empty. */
export const junkFile = (maxBytes: number): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => new Uint8Array([0, ...b])),
    fc.constant(new Uint8Array(0)),
    fc.constant(new TextEncoder().encode('%PDF-1.4\n<html><script>alert(1)</script></html>\0')),
    fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
    fc.constant(new TextEncoder().encode('PK\u0003\u0004\0\0junk')),
    fc.constant(new Uint8Array(maxBytes + 1024).fill(7)),
  );

export const FILE_NAMES = [
  'a.pdf',
  '../../etc/passwd',
  'x.exe',
  '',
  'é\u0000.pdf',
  'a'.repeat(300) + '.pdf',
  'CON.png',
];
export const MIME_TYPES = [
  'application/pdf',
  'image/png',
  'text/html',
  'application/zip',
  '',
  'application/x-msdownload',
];
