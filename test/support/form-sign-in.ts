import type { RunningApp } from './test-app';

/**
 * Signs in through the sign-in form as a browser without JavaScript would: cookies by hand, the CSRF token from
 * the page. Returns the cookies to send (the CSRF one and the session) and the token for the next forms.
 */
export async function formSignIn(
  app: RunningApp,
  email: string,
  password: string,
): Promise<{ status: number; cookie: string; csrf: string }> {
  const form = await fetch(`${app.baseUrl}/entrar`);
  const csrfCookie = form.headers.getSetCookie()[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
  const r = await fetch(`${app.baseUrl}/entrar`, {
    method: 'POST',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/inicio' }),
    redirect: 'manual',
  });
  const session = r.headers.getSetCookie().map((c) => c.split(';')[0]);
  return {
    status: r.status,
    cookie: [csrfCookie, ...session.filter((c) => !c.startsWith('mc_csrf='))].join('; '),
    csrf,
  };
}
