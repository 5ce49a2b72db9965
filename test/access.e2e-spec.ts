import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { INDICATOR_GROUP_MODULES } from '../src/indicators';
import { ADMIN, auth, createEdition, createUser, enrol, login } from './support/lifecycle';
import { listRoutes, type Route } from './support/routes';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

type Role = 'official' | 'reviewer' | 'certifier' | 'admin';
const ROLES: Role[] = ['official', 'reviewer', 'certifier', 'admin'];
const ALL = ROLES;
const STAFF: Role[] = ['reviewer', 'admin'];

/** Who may call each route: written out here so that a change of access is a visible change of this table. */
const EXPECTED: Record<string, 'public' | Role[]> = {
  'GET /api/health': 'public',
  'GET /api/governments': 'public',
  'GET /api/governments/:ibgeCode': 'public',
  'GET /api/governments/:ibgeCode/history': 'public',
  'GET /api/governments/:ibgeCode/peers': 'public',
  'GET /api/indicator-groups': 'public',
  'GET /api/indicator-groups/:slug/versions/:version': 'public',
  'GET /api/indicator-groups/:slug/compare': 'public',
  'POST /api/indicator-groups/:slug/versions/:version/score': 'public',
  'POST /api/index/score': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': ALL,
  'GET /api/auth/sign-ins': ['admin'],
  'POST /api/users': ['admin'],
  'GET /api/users': ['admin'],
  'POST /api/editions': ['admin'],
  'GET /api/editions': 'public',
  'GET /api/editions/:year': 'public',
  'POST /api/editions/:year/enrolments': ['official', 'admin'],
  'POST /api/assessments/:id/course-completion': ['official', 'admin'],
  'GET /api/assessments': ALL,
  'GET /api/assessments/:id': ALL,
  'PUT /api/assessments/:id/answers': ['official'],
  'POST /api/assessments/:id/evidence': ['official'],
  'GET /api/assessments/:id/files/:sha256': ALL,
  'POST /api/assessments/:id/submit': ['official'],
  'GET /api/assessments/:id/priorities': ALL,
  'PUT /api/assessments/:id/priorities': ['official'],
  'PUT /api/assessments/:id/priority-progress': ['official'],
  'POST /api/assessments/:id/good-practices': ['official'],
  'GET /api/assessments/:id/good-practices': ALL,
  'PUT /api/good-practices/:id/review': STAFF,
  'GET /api/good-practices': 'public',
  'GET /api/assessments/:id/report.pdf': ALL,
  'GET /api/assessments/:id/audit': STAFF,
  'GET /api/review/queue': STAFF,
  'POST /api/assessments/:id/review/start': STAFF,
  'PUT /api/assessments/:id/review/items': STAFF,
  'POST /api/assessments/:id/review/accept-pending': STAFF,
  'POST /api/assessments/:id/review/request-changes': STAFF,
  'GET /api/assessments/:id/review/changes': STAFF,
  'POST /api/assessments/:id/review/approve': STAFF,
  'POST /api/assessments/:id/reopen': STAFF,
  'GET /api/notifications': ALL,
  'POST /api/jobs/deadline-reminders': ['admin'],
  'POST /api/assessments/:id/certificate': ['certifier'],
  'POST /api/certificates/:number/revoke': ['certifier'],
  'POST /api/certificates/:number/reissue': ['certifier'],
  'GET /api/certificates/:number/pdf': 'public',
  'GET /api/verify/:number': 'public',
  'POST /api/verify': 'public',
  'GET /verify/:number': 'public',
  'GET /.well-known/jwks.json': 'public',
  'GET /.well-known/did.json': 'public',
  'GET /did.json': 'public',
  'GET /credentials/status/:list': 'public',
  'POST /api/editions/:year/certificate-batches': ['certifier'],
  'GET /api/certificate-batches/:id': ['certifier', 'admin'],
  'GET /api/editions/:year/certification-readiness': ['certifier', 'admin'],
  'POST /api/editions/:year/deadline-extensions': ['admin'],
  'GET /api/editions/:year/deadline-extensions': STAFF,
  'GET /api/editions/:year/certificates': 'public',
  'GET /api/dashboard/national': 'public',
  'GET /certificados/:year': 'public',
  'GET /boas-praticas': 'public',
  'GET /painel': 'public',
  'GET /': 'public',
  'GET /entrar': 'public',
  'POST /entrar': 'public',
  'POST /sair': 'public',
  'GET /acessibilidade': 'public',
  'GET /inicio': ['official', 'reviewer', 'certifier', 'admin'],
  'GET /conta/senha': ['official', 'reviewer', 'certifier', 'admin'],
  'POST /conta/senha': ['official', 'reviewer', 'certifier', 'admin'],
  'POST /sessao/renovar': ['official', 'reviewer', 'certifier', 'admin'],
  'GET /avaliacoes/:id': ['official'],
  'POST /avaliacoes/:id/grupos/:slug': ['official'],
  'POST /avaliacoes/:id/evidencias/:slug/:key': ['official'],
  'GET /avaliacoes/:id/envio': ['official'],
  'POST /avaliacoes/:id/envio': ['official'],
  'GET /inscricao': ['official'],
  'GET /edicoes/:ano/inscricao': ['official'],
  'POST /edicoes/:ano/inscricao': ['official'],
  'GET /avaliacoes/:id/curso': ['official'],
  'POST /avaliacoes/:id/curso': ['official'],
  'GET /avaliacoes/:id/prioridades': ['official'],
  'POST /avaliacoes/:id/prioridades': ['official'],
  'GET /avaliacoes/:id/monitoramento': ['official'],
  'POST /avaliacoes/:id/monitoramento': ['official'],
  'GET /avaliacoes/:id/documentos': ['official', 'reviewer', 'certifier', 'admin'],
  'GET /avaliacoes/:id/relatorio.pdf': ['official', 'reviewer', 'certifier', 'admin'],
  'GET /avaliacoes/:id/selo.pdf': ['official', 'reviewer', 'certifier', 'admin'],
  'GET /avaliacoes/:id/imprimir': ['official', 'reviewer', 'certifier', 'admin'],
  'GET /avaliacoes/:id/imprimir.pdf': ['official', 'reviewer', 'certifier', 'admin'],
  'GET /progresso': ['official', 'reviewer', 'certifier', 'admin'],
  'GET /verificar': 'public',
  'GET /verificar/arquivo': 'public',
  'POST /verificar': 'public',
  'GET /certificados': 'public',
  'GET /governos/:ibge': 'public',
  'GET /certificacao': ['certifier', 'admin'],
  'POST /certificacao/emitir': ['certifier'],
  'POST /certificacao/lotes': ['certifier'],
  'GET /certificacao/lotes/:id': ['certifier', 'admin'],
  'GET /certificacao/selos/:number': ['certifier', 'admin'],
  'POST /certificacao/selos/:number/revogar': ['certifier'],
  'POST /certificacao/selos/:number/reemitir': ['certifier'],
  'GET /certificacao/:year/signatarios': ['certifier', 'admin'],
  'POST /certificacao/:year/signatarios': ['certifier', 'admin'],
  'POST /certificacao/:year/logotipos': ['certifier', 'admin'],
  'GET /revisao': STAFF,
  'GET /revisao/boas-praticas': STAFF,
  'POST /revisao/boas-praticas/:practice': STAFF,
  'GET /revisao/:id': STAFF,
  'POST /revisao/:id/iniciar': STAFF,
  'POST /revisao/:id/decisoes': STAFF,
  'POST /revisao/:id/aceitar-pendentes': STAFF,
  'POST /revisao/:id/solicitar-alteracoes': STAFF,
  'POST /revisao/:id/aprovar': STAFF,
  'GET /revisao/:id/arquivos/:sha256': STAFF,
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/password': ['admin'],
  'GET /admin': ['admin'],
  'GET /admin/edicoes': ['admin'],
  'POST /admin/edicoes': ['admin'],
  'GET /admin/edicoes/:year': ['admin'],
  'GET /admin/edicoes/:year/alterar': ['admin'],
  'POST /admin/edicoes/:year': ['admin'],
  'POST /admin/edicoes/:year/prorrogacoes': ['admin'],
  'PATCH /api/editions/:year': ['admin'],
  'GET /admin/usuarios': ['admin'],
  'POST /admin/usuarios': ['admin'],
  'GET /admin/usuarios/:id': ['admin'],
  'POST /admin/usuarios/:id/situacao': ['admin'],
  'POST /admin/usuarios/:id/papel': ['admin'],
  'POST /admin/usuarios/:id/senha': ['admin'],
  'GET /admin/acessos': ['admin'],
  'GET /api/editions/:year/export': ['reviewer', 'certifier', 'admin'],
  'GET /api/exports/assessments': ['reviewer', 'certifier', 'admin'],
};

const key = (r: Route) => `${r.method} ${r.path}`;

@Controller('api/forgotten')
class ForgottenController {
  @Get()
  open() {
    return { secret: true };
  }
}

@Module({ imports: [DiscoveryModule], controllers: [ForgottenController] })
class ForgottenModule {}

describe('access: every route with every role', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const tokens: Partial<Record<Role | 'otherOfficial', string>> = {};
  const params: Record<string, string> = {
    ':slug': 'governance',
    ':version': '1',
    ':ibgeCode': '4314902',
    ':year': '2025',
    ':number': 'MC-2025-00001',
  };
  let routes: Route[];

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    app = await bootApp(testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }), [
      ...INDICATOR_GROUP_MODULES,
      ForgottenModule,
    ]);
    tokens.admin = await login(app, ADMIN.email, ADMIN.password);
    tokens.official = await createUser(app, tokens.admin, 'official@poa.test', 'official', '4314902');
    tokens.otherOfficial = await createUser(app, tokens.admin, 'official@canoas.test', 'official', '4304606');
    tokens.reviewer = await createUser(app, tokens.admin, 'reviewer@oim.test', 'reviewer');
    tokens.certifier = await createUser(app, tokens.admin, 'certifier@ufrgs.test', 'certifier');
    await createEdition(app, tokens.admin, 2025);
    const assessment = await enrol(app, tokens.official, 2025, '4314902');
    params[':id'] = assessment.id;
    params[':sha256'] = assessment.enrolment.letterOfIntent.file;
    routes = listRoutes(app.app).filter((r) => r.path !== '/api/forgotten');
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  const fill = (path: string) => path.replace(/:[a-zA-Z0-9]+/g, (p) => params[p] ?? 'x');

  it('every route declares a rule, and the rule is the one this table expects', () => {
    const declared = Object.fromEntries(
      routes.map((r) => [
        key(r),
        r.rule === undefined ? 'NONE' : 'public' in r.rule ? 'public' : [...r.rule.roles].sort(),
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(EXPECTED).map(([k, v]) => [k, v === 'public' ? v : [...v].sort()]),
    );
    expect(declared).toEqual(expected);
  });

  it('finds and refuses a route that declares no rule', async () => {
    const all = listRoutes(app.app);
    expect(all.filter((r) => r.rule === undefined).map(key)).toEqual(['GET /api/forgotten']);
    const r = await app.request('GET', '/api/forgotten', undefined, auth(tokens.admin!));
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('ROUTE_WITHOUT_ACCESS_RULE');
  });

  it('refuses callers without a token (401), with the wrong role (403), and lets the right roles through', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const rule = EXPECTED[key(route)];
      if (rule === undefined || rule === 'public') continue;
      const path = fill(route.path);
      const body = route.method === 'GET' ? undefined : {};
      // Pages send a browser without a session to the sign-in form instead (303, not followed here).
      const page = !route.path.startsWith('/api/');
      const anonymous = page
        ? await fetch(`${app.baseUrl}${path}`, { method: route.method, redirect: 'manual' })
        : await app.request(route.method, path, body);
      if (anonymous.status !== (page ? 303 : 401)) failures.push(`${key(route)} without token: ${anonymous.status}`);
      for (const role of ROLES) {
        const r = await app.request(route.method, path, body, auth(tokens[role]!));
        const allowed = rule.includes(role);
        if (allowed && (r.status === 401 || r.status === 403))
          failures.push(`${key(route)} as ${role}: ${r.status} ${r.body?.code}`);
        if (!allowed && r.status !== 403) failures.push(`${key(route)} as ${role}: expected 403, got ${r.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses an official of another government on every route about an assessment', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.path.includes(':id'))) {
      const rule = EXPECTED[key(route)];
      if (rule === 'public' || !rule.includes('official')) continue;
      const r = await app.request(
        route.method,
        fill(route.path),
        route.method === 'GET' ? undefined : {},
        auth(tokens.otherOfficial!),
      );
      if (r.status !== 403) failures.push(`${key(route)}: ${r.status}`);
    }
    expect(failures).toEqual([]);
    const list = await app.request(
      'GET',
      '/api/assessments?government=4314902',
      undefined,
      auth(tokens.otherOfficial!),
    );
    expect(list.body).toMatchObject({ total: 0, items: [] });
  });
});
