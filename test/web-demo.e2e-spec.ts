import { DEMO_PASSWORD, DEMO_USERS } from '../src/core/demo/demo-cast';
import { formSignIn } from './support/form-sign-in';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

/** Signs in through the form as a browser without JavaScript would. */
async function signIn(app: RunningApp, email: string): Promise<string> {
  const { status, cookie } = await formSignIn(app, email, DEMO_PASSWORD);
  expect(status).toBe(303);
  return cookie;
}

describe('web pages on the demonstration data', () => {
  let app: RunningApp;
  let cleanup: () => void;

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    app = await bootApp(testConfig(scratch.dir, { DEMO_DATA: '1' }));
  }, 360_000);

  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it.each(DEMO_USERS.map((u) => [u.email, u.role]))(
    '%s (%s) reaches their home page',
    async (email, role) => {
      const cookies = await signIn(app, email);
      for (const lang of ['pt-BR', 'en']) {
        const r = await fetch(`${app.baseUrl}/inicio?lang=${lang}`, { headers: { cookie: cookies } });
        const html = await r.text();
        expect(r.status).toBe(200);
        expect(html).toContain(`<html lang="${lang}">`);
        const expected =
          role === 'official'
            ? [lang === 'pt-BR' ? 'Próximo passo' : 'Next step', 'class="br-card web-edition"']
            : ['href="/api/docs"'];
        expect(expected.filter((m) => !html.includes(m))).toEqual([]);
      }
    },
    60_000,
  );
});
