import { decodeResume, encodeResume, resumeOf } from './resume';

const fromOurPage = { cookie: 'mc_csrf=t1' };

describe('a form typed while the session had expired', () => {
  it('is kept with its address and fields (every value of a repeated field), without the CSRF token', () => {
    const resume = resumeOf({
      method: 'POST',
      url: '/avaliacoes/a1/grupos/governance',
      headers: fromOurPage,
      body: { _csrf: 't1', 'answer.g1': 'yes', 'option.g2': ['a', 'b'] },
    });
    expect(resume).toEqual({
      action: '/avaliacoes/a1/grupos/governance',
      fields: [
        ['answer.g1', 'yes'],
        ['option.g2', 'a'],
        ['option.g2', 'b'],
      ],
    });
    expect(decodeResume(encodeResume(resume!))).toEqual(resume);
  });

  it('is not kept when it did not come from our pages, was sent to the API, or carried nothing', () => {
    const body = { _csrf: 't1', answer: 'yes' };
    expect(
      resumeOf({ method: 'POST', url: '/x', headers: fromOurPage, body: { ...body, _csrf: 'forged' } }),
    ).toBeNull();
    expect(resumeOf({ method: 'POST', url: '/api/assessments/a1/submit', headers: fromOurPage, body })).toBeNull();
    expect(resumeOf({ method: 'POST', url: '/x', headers: fromOurPage, body: { _csrf: 't1' } })).toBeNull();
    expect(resumeOf({ method: 'GET', url: '/x', headers: fromOurPage, body })).toBeNull();
    const password = { _csrf: 't1', currentPassword: 'secret', newPassword: 'secret-2' };
    expect(resumeOf({ method: 'POST', url: '/conta/senha', headers: fromOurPage, body: password })).toBeNull();
  });

  it('refuses a hidden field that is not a kept form or leads to another site', () => {
    const to = (action: string) => Buffer.from(JSON.stringify({ action, fields: [['a', 'b']] })).toString('base64url');
    expect(decodeResume(to('//evil.example/x'))).toBeNull();
    expect(decodeResume(to('https://evil.example/x'))).toBeNull();
    expect(decodeResume(to('/api/users'))).toBeNull();
    expect(decodeResume('not base64 json')).toBeNull();
    expect(decodeResume(to('/avaliacoes/a1'))).toEqual({ action: '/avaliacoes/a1', fields: [['a', 'b']] });
  });
});
