import { csrfMatches, readCookies, serializeCookie } from './web-session';

describe('web session cookies and CSRF', () => {
  it('writes cookies httpOnly and SameSite=Lax, Secure only over https', () => {
    expect(serializeCookie('mc_session', 'a b', { secure: false, maxAgeSeconds: 60 })).toBe(
      'mc_session=a%20b; Path=/; SameSite=Lax; HttpOnly; Max-Age=60',
    );
    expect(serializeCookie('mc_lang', 'en', { secure: true, httpOnly: false })).toBe(
      'mc_lang=en; Path=/; SameSite=Lax; Secure',
    );
  });

  it('reads the cookie header, ignoring what is not a cookie', () => {
    expect(readCookies({ headers: { cookie: 'mc_csrf=abc; junk; mc_lang=pt-BR; bad=%E0' } })).toEqual({
      mc_csrf: 'abc',
      mc_lang: 'pt-BR',
    });
  });

  it('accepts an unsafe request only with the token of its cookie, in the form or the header', () => {
    const headers = { cookie: 'mc_csrf=token-1' };
    expect(csrfMatches({ method: 'POST', headers, body: { _csrf: 'token-1' } })).toBe(true);
    expect(csrfMatches({ method: 'POST', headers: { ...headers, 'x-csrf-token': 'token-1' } })).toBe(true);
    expect(csrfMatches({ method: 'POST', headers, body: { _csrf: 'token-2' } })).toBe(false);
    expect(csrfMatches({ method: 'POST', headers, body: {} })).toBe(false);
    expect(csrfMatches({ method: 'POST', headers: {}, body: { _csrf: 'token-1' } })).toBe(false);
  });

  it("takes a multipart form's token from its action's query string, and only a multipart form's", () => {
    const multipart = { cookie: 'mc_csrf=token-1', 'content-type': 'multipart/form-data; boundary=x' };
    expect(csrfMatches({ method: 'POST', headers: multipart, url: '/inscricao?_csrf=token-1' })).toBe(true);
    expect(csrfMatches({ method: 'POST', headers: multipart, url: '/inscricao?_csrf=token-2' })).toBe(false);
    expect(csrfMatches({ method: 'POST', headers: multipart, url: '/inscricao' })).toBe(false);
    const urlencoded = { cookie: 'mc_csrf=token-1', 'content-type': 'application/x-www-form-urlencoded' };
    expect(csrfMatches({ method: 'POST', headers: urlencoded, url: '/inscricao?_csrf=token-1', body: {} })).toBe(false);
  });
});
