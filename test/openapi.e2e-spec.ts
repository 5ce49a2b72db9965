import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { INDICATOR_GROUP_MODULES } from '../src/indicators';
import { ADMIN, auth, createEdition, enrolmentForm, login, samplePdf } from './support/lifecycle';
import { listRoutes } from './support/routes';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

type Schema = Record<string, any>;

/**
 * The validator is an ES module, which Jest's CommonJS runtime cannot load: it runs in its own Node process
 * and reads the document on stdin.
 */
function validateOpenApi(document: unknown): { valid: boolean; errors?: unknown } {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const result = await new Validator().validate(JSON.parse(text));
    process.stdout.write(JSON.stringify(result));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: resolve(__dirname, '..'),
    input: JSON.stringify(document),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`validator: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Lets the test list the routes the app serves (test/support/routes.ts reads them through discovery). */
@Module({ imports: [DiscoveryModule] })
class RouteDiscoveryModule {}

describe('the OpenAPI document (/api/docs/openapi.json)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let doc: Schema;

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    app = await bootApp(testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }), [
      ...INDICATOR_GROUP_MODULES,
      RouteDiscoveryModule,
    ]);
    const r = await app.request('GET', '/api/docs/openapi.json');
    if (r.status !== 200) throw new Error(`openapi.json: ${r.status}`);
    doc = r.body;
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  const operation = (method: string, path: string): Schema => doc.paths[path]?.[method];
  const deref = (schema: Schema): Schema => {
    const ref: string | undefined = schema.$ref ?? schema.allOf?.[0]?.$ref;
    return ref ? doc.components.schemas[ref.replace('#/components/schemas/', '')] : schema;
  };

  it('is a valid OpenAPI document, every reference resolved', () => {
    expect(validateOpenApi(doc)).toEqual({ valid: true });
  });

  it('lists every route the app serves under /api, and Swagger UI serves it', async () => {
    const served = listRoutes(app.app)
      .filter((r) => r.path.startsWith('/api/'))
      .map((r) => `${r.method} ${r.path.replace(/:([a-zA-Z0-9]+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(40);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
    const ui = await app.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it.each([
    ['post', '/api/editions/{year}/enrolments', ['letterOfIntent'], ['data']],
    ['post', '/api/assessments/{id}/evidence', ['file'], []],
    ['post', '/api/assessments/{id}/course-completion', ['certificate'], ['completedAt']],
    ['post', '/api/verify', ['file'], []],
  ])('%s %s takes a multipart body with its files as binary', (method, path, files, fields) => {
    const body = operation(method, path)?.requestBody;
    const schema: Schema = body?.content?.['multipart/form-data']?.schema;
    expect(schema).toBeDefined();
    for (const name of files) {
      expect(schema.properties[name]).toMatchObject({ type: 'string', format: 'binary' });
      expect(schema.required).toContain(name);
    }
    for (const name of fields) {
      expect(schema.properties[name]).toBeDefined();
      expect(schema.required).toContain(name);
    }
  });

  it('describes the enrolment form\u2019s `data` field down to its people and the migrant service', () => {
    const schema = operation('post', '/api/editions/{year}/enrolments').requestBody.content['multipart/form-data']
      .schema;
    expect(schema.properties.data.description).toMatch(/JSON/);
    const data = deref(schema.properties.data);
    expect(Object.keys(data.properties).sort()).toEqual(
      ['focalPerson', 'governmentCode', 'migrantService', 'substitutes'].sort(),
    );
    expect(data.required).toEqual(expect.arrayContaining(['governmentCode', 'focalPerson', 'migrantService']));
    expect(deref(data.properties.focalPerson).properties).toHaveProperty('email');
    expect(deref(data.properties.migrantService).properties).toHaveProperty('address');
  });

  it('accepts the enrolment form as the document describes it: `data` as a JSON part beside the PDF', async () => {
    const admin = await login(app, ADMIN.email, ADMIN.password);
    await createEdition(app, admin, 2025);
    const data = enrolmentForm('4314902').get('data') as string;
    const boundary = 'openapi-e2e-boundary';
    const part = (headers: string, body: Buffer | string) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
    const body = Buffer.concat([
      part('Content-Disposition: form-data; name="data"\r\nContent-Type: application/json', data),
      part(
        'Content-Disposition: form-data; name="letterOfIntent"; filename="carta.pdf"\r\nContent-Type: application/pdf',
        samplePdf(),
      ),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const r = await fetch(`${app.baseUrl}/api/editions/2025/enrolments`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...auth(admin) },
      body,
    });
    expect(r.status).toBe(201);
    expect(((await r.json()) as Schema).government.ibgeCode).toBe('4314902');
  });

  it('describes verification by file and by credential', () => {
    const content = operation('post', '/api/verify').requestBody.content;
    expect(content['application/json'].schema.properties.credential).toMatchObject({ type: 'string' });
    expect(content['application/json'].schema.required).toEqual(['credential']);
  });

  it('describes the answers body: a batch of saves, values of every shape or null, evidence, expected version', () => {
    const schema = operation('put', '/api/assessments/{id}/answers').requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['answers']);
    expect(schema.properties.answers).toMatchObject({ type: 'array', minItems: 1 });
    const save = schema.properties.answers.items;
    expect(save.required).toEqual(expect.arrayContaining(['group', 'itemKey', 'value', 'expectedVersion']));
    const value = save.properties.value;
    expect(value.nullable).toBe(true);
    expect(value.description).toMatch(/null clears/);
    expect(value.oneOf.map((s: Schema) => s.type)).toEqual(expect.arrayContaining(['string', 'number', 'array']));
    expect(save.properties.expectedVersion).toMatchObject({ type: 'integer', minimum: 0 });
    expect(Object.keys(deref(save.properties.evidence.items).properties).sort()).toEqual(['file', 'fileName', 'url']);
  });

  it('describes the assessment list: its filters and the page it answers', () => {
    const list = operation('get', '/api/assessments');
    expect(list.parameters.map((p: Schema) => p.name).sort()).toEqual(
      ['edition', 'government', 'kind', 'limit', 'offset', 'q', 'sort', 'state', 'uf'].sort(),
    );
    const page = deref(list.responses['200'].content['application/json'].schema);
    expect(Object.keys(page.properties).sort()).toEqual(['items', 'limit', 'offset', 'total']);
    const item = deref(page.properties.items.items);
    expect(Object.keys(item.properties)).toEqual(
      expect.arrayContaining(['government', 'stateLabel', 'index', 'updatedAt']),
    );
    expect(Object.keys(deref(item.properties.stateLabel).properties).sort()).toEqual(['en', 'pt-BR']);
  });
});
