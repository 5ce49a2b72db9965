import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { testDatabaseUrl } from './test-database';

export { onPostgres, testDatabaseUrl } from './test-database';

export const REPO_ASSESSMENTS = resolve(__dirname, '../../assessments');
export const REPO_TEMPLATES = resolve(__dirname, '../../templates');

/** A scratch folder under the system's temp dir, removed by `cleanup`. */
export function scratchDir(prefix = 'migracidades-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies the repository's questionnaires so that a test may alter them. */
export function copyAssessments(into: string): string {
  const target = join(into, 'assessments');
  cpSync(REPO_ASSESSMENTS, target, { recursive: true });
  return target;
}

export function testConfig(dir: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig(
    {
      DATA_DIR: join(dir, 'data'),
      DATABASE_URL: testDatabaseUrl(dir),
      DATABASE_POOL_SIZE: '4',
      ASSESSMENTS_DIR: REPO_ASSESSMENTS,
      TEMPLATES_DIR: REPO_TEMPLATES,
      PORT: '0',
      ...env,
    },
    dir,
  );
}

export interface HttpClient {
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; text: string }>;
  /** A multipart/form-data POST. */
  upload(
    path: string,
    form: FormData,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; text: string }>;
}

export interface RunningApp extends HttpClient {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  readonly config: AppConfig;
  close(): Promise<void>;
}

async function parse(res: Response): Promise<{ status: number; body: any; text: string }> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

/** JSON and multipart requests to a server (the booted app, or one in another process). */
export function httpClient(baseUrl: string): HttpClient {
  return {
    async request(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      return parse(await fetch(baseUrl + path, init));
    },
    async upload(path, form, headers = {}) {
      return parse(await fetch(baseUrl + path, { method: 'POST', body: form, headers }));
    },
  };
}

/** Boots the real application on its test database and listens on 127.0.0.1 at a free port. */
export async function bootApp(config: AppConfig, groups?: readonly Type[]): Promise<RunningApp> {
  const app = await createApp(config, groups);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return { app, baseUrl, config, ...httpClient(baseUrl), close: () => app.close() };
}
