import { DomainError } from '../errors/domain-error';
import { bodyDigest, formDigest, formRequest, parseIdempotencyKey } from './idempotency';

const refusal = (value: unknown) => {
  try {
    parseIdempotencyKey(value);
    return null;
  } catch (e) {
    return e instanceof DomainError ? { code: e.code, field: e.fields[0]?.field } : e;
  }
};

describe('Idempotency-Key', () => {
  it.each([
    ['8e03978e-40d5-43e8-bc93-6894a57f9324', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['a', 'a'],
    ['x'.repeat(255), 'x'.repeat(255)],
    ['!#$%&*+-.^_|~', '!#$%&*+-.^_|~'],
  ])('takes %s as the key %s', (header, key) => {
    expect(parseIdempotencyKey(header)).toBe(key);
  });

  it('is absent when no header came', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
  });

  it.each([[''], ['""'], ['two words'], ['x'.repeat(256)], ['chave-ção'], ['tab\there'], ['a"b'], [['a', 'b']]])(
    'refuses %j with a 400 naming the header',
    (header) => {
      expect(refusal(header)).toEqual({ code: 'VALIDATION_FAILED', field: 'Idempotency-Key' });
    },
  );
});

describe('request digests', () => {
  it('are the same whatever the order of the keys, and differ with the content', () => {
    expect(bodyDigest({ a: 1, b: { c: [1, 2], d: null } })).toBe(bodyDigest({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(bodyDigest({ a: 1 })).not.toBe(bodyDigest({ a: 2 }));
    expect(bodyDigest(undefined)).toBe(bodyDigest(null));
  });

  it('leave out the fields that are not content (the CSRF token, the key itself)', () => {
    expect(bodyDigest({ ano: '2025', _csrf: 'x', idempotencyKey: 'k1' }, ['_csrf', 'idempotencyKey'])).toBe(
      bodyDigest({ ano: '2025' }),
    );
  });

  it('of a form cover its files by content', () => {
    const form = (bytes: string) => ({
      fields: { data: '{}' },
      files: [{ field: 'letter', fileName: 'a.pdf', declaredMime: 'application/pdf', bytes: Buffer.from(bytes) }],
    });
    expect(formDigest(form('%PDF-1'))).toBe(formDigest(form('%PDF-1')));
    expect(formDigest(form('%PDF-1'))).not.toBe(formDigest(form('%PDF-2')));
  });

  it('scope a page form to its user and path, and skip a form without a key', () => {
    const request = { method: 'POST', url: '/certificacao/lotes?lang=en' };
    expect(formRequest('u1', request, 'k1', 'd')).toEqual({
      userId: 'u1',
      key: 'k1',
      route: 'POST /certificacao/lotes',
      digest: 'd',
    });
    expect(formRequest('u1', request, undefined, 'd')).toBeNull();
    expect(formRequest('u1', request, '', 'd')).toBeNull();
  });
});
