import { auth, bootWithStaff, createUser, login, PASSWORD } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';

describe('user management through the API: role, government, disabling, passwords', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let admin: string;
  let reviewer: string;

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    admin = boot.tokens.admin;
    reviewer = boot.tokens.reviewer;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  const idOf = async (email: string) =>
    ((await app.request('GET', '/api/users', undefined, auth(admin))).body as { id: string; email: string }[]).find(
      (u) => u.email === email,
    )!.id;

  it('a disabled user’s token is refused on its next request, and stays refused after enabling; a new sign-in works', async () => {
    const token = await createUser(app, admin, 'focal@poa.test', 'official', PORTO_ALEGRE);
    const id = await idOf('focal@poa.test');
    expect((await app.request('GET', '/api/auth/me', undefined, auth(token))).status).toBe(200);
    const off = await app.request('PATCH', `/api/users/${id}`, { active: false }, auth(admin));
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, role: 'official', governmentCode: PORTO_ALEGRE });
    expect(off.body.passwordHash).toBeUndefined();
    expect((await app.request('GET', '/api/auth/me', undefined, auth(token))).status).toBe(401);
    const refused = await app.request('POST', '/api/auth/login', { email: 'focal@poa.test', password: PASSWORD });
    expect(refused.status).toBe(401);
    expect((await app.request('PATCH', `/api/users/${id}`, { active: true }, auth(admin))).status).toBe(200);
    expect((await app.request('GET', '/api/auth/me', undefined, auth(token))).status).toBe(401);
    const fresh = await login(app, 'focal@poa.test');
    expect((await app.request('GET', '/api/auth/me', undefined, auth(fresh))).body).toMatchObject({ role: 'official' });
  });

  it('changes a role with its government: an official needs one, the others have none; a role change shows at once', async () => {
    const token = await login(app, 'focal@poa.test');
    const id = await idOf('focal@poa.test');
    const kept = await app.request('PATCH', `/api/users/${id}`, { role: 'reviewer' }, auth(admin));
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ role: 'reviewer', governmentCode: null });
    expect((await app.request('GET', '/api/auth/me', undefined, auth(token))).body.role).toBe('reviewer');
    const noGovernment = await app.request('PATCH', `/api/users/${id}`, { role: 'official' }, auth(admin));
    expect(noGovernment.status).toBe(400);
    expect(noGovernment.body.errors).toEqual([expect.objectContaining({ field: 'governmentCode' })]);
    const unknown = await app.request(
      'PATCH',
      `/api/users/${id}`,
      { role: 'official', governmentCode: '4399999' },
      auth(admin),
    );
    expect(unknown.status).toBe(400);
    const back = await app.request(
      'PATCH',
      `/api/users/${id}`,
      { role: 'official', governmentCode: PORTO_ALEGRE },
      auth(admin),
    );
    expect(back.body).toMatchObject({ role: 'official', governmentCode: PORTO_ALEGRE });
  });

  it('resets a password: a temporary one returned once, or one typed (12 to 200 characters); old sessions end', async () => {
    const id = await idOf('focal@poa.test');
    const token = await login(app, 'focal@poa.test');
    const temp = await app.request('POST', `/api/users/${id}/password`, {}, auth(admin));
    expect(temp.status).toBe(200);
    expect(temp.body.temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect((await app.request('GET', '/api/auth/me', undefined, auth(token))).status).toBe(401);
    await login(app, 'focal@poa.test', temp.body.temporaryPassword);
    expect((await app.request('POST', `/api/users/${id}/password`, { password: 'short' }, auth(admin))).status).toBe(
      400,
    );
    const typed = await app.request('POST', `/api/users/${id}/password`, { password: PASSWORD }, auth(admin));
    expect(typed.body.temporaryPassword).toBeNull();
    await login(app, 'focal@poa.test', PASSWORD);
  });

  it('only administrators manage users, never disabling or demoting themselves; an unknown user is 404', async () => {
    const id = await idOf('focal@poa.test');
    expect((await app.request('PATCH', `/api/users/${id}`, { active: false }, auth(reviewer))).status).toBe(403);
    expect((await app.request('POST', `/api/users/${id}/password`, {}, auth(reviewer))).status).toBe(403);
    const me = (await app.request('GET', '/api/auth/me', undefined, auth(admin))).body;
    expect((await app.request('PATCH', `/api/users/${me.id}`, { role: 'reviewer' }, auth(admin))).status).toBe(403);
    expect((await app.request('PATCH', `/api/users/${me.id}`, { active: false }, auth(admin))).status).toBe(403);
    expect((await app.request('PATCH', '/api/users/nobody', { active: false }, auth(admin))).status).toBe(404);
    expect((await app.request('PATCH', `/api/users/${id}`, { active: 'no' }, auth(admin))).status).toBe(400);
  });
});
