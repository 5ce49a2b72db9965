import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { AssessmentViewService } from '../core/assessment/assessment-view.service';
import { plainToInstance } from 'class-transformer';
import { AssessmentListQueryDto } from '../core/assessment/assessment-list.dto';
import { AssessmentListService } from '../core/assessment/assessment-list.service';
import { AuthService } from '../core/auth/auth.service';
import { DEMO_PASSWORD, DEMO_USERS } from '../core/demo/demo-cast';
import { CHROMIUM_ARGS } from '../core/rendering/pdf-renderer.service';

/**
 * `npm run bench:pages`: the official's diagnosis page on the demonstration data, measured against a bare
 * route and a light page of the same layout in the same run: server time per page (sequential requests on
 * 127.0.0.1, median and p95), and the bytes a first visit transfers in Chromium with an empty cache
 * (by kind, fonts apart). Prints figures; asserts nothing.
 */

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Signs in through the form, as a browser without JavaScript: the cookies it then holds. */
async function signIn(
  base: string,
  email: string,
): Promise<{ cookie: string; pairs: { name: string; value: string }[] }> {
  const form = await fetch(`${base}/entrar`);
  const csrfCookie = form.headers.getSetCookie()[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
  const r = await fetch(`${base}/entrar`, {
    method: 'POST',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password: DEMO_PASSWORD, next: '/inicio' }),
    redirect: 'manual',
  });
  const cookies = new Map(
    [csrfCookie, ...r.headers.getSetCookie().map((c) => c.split(';')[0])].map((c) => [c.split('=')[0], c]),
  );
  const pairs = [...cookies.values()].map((c) => ({ name: c.split('=')[0], value: c.slice(c.indexOf('=') + 1) }));
  return { cookie: [...cookies.values()].join('; '), pairs };
}

/** Milliseconds per request, sequential, after warm-up requests. */
async function time(url: string, cookie: string, n: number): Promise<{ median: number; p95: number; bytes: number }> {
  let bytes = 0;
  const get = async () => {
    const r = await fetch(url, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
    bytes = (await r.arrayBuffer()).byteLength;
  };
  for (let i = 0; i < 10; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await get();
    times.push(performance.now() - t);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95), bytes };
}

/** What a first visit with an empty cache transfers, by resource kind (bytes on the wire, headers included). */
async function firstVisit(url: string, cookies: { name: string; value: string }[], origin: string) {
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const kinds = new Map<string, string>();
    const byKind = new Map<string, { files: number; bytes: number }>();
    cdp.on('Network.responseReceived', (e) => kinds.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      const kind = kinds.get(e.requestId) ?? 'Other';
      const sum = byKind.get(kind) ?? { files: 0, bytes: 0 };
      byKind.set(kind, { files: sum.files + 1, bytes: sum.bytes + e.encodedDataLength });
    });
    await page.setCookie(...cookies.map((c) => ({ ...c, url: origin })));
    await page.goto(url, { waitUntil: 'networkidle0' });
    return byKind;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const n = arg('requests', 200);
  const dir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
  const root = resolve(__dirname, '../..');
  process.env.LOG_LEVEL = 'error';
  const config = loadConfig(
    {
      DATA_DIR: join(dir, 'data'),
      ASSESSMENTS_DIR: join(root, 'assessments'),
      TEMPLATES_DIR: join(root, 'templates'),
      DEMO_DATA: '1',
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      PORT: '0',
    },
    dir,
  );
  const app = await createApp(config);
  try {
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const auth = app.get(AuthService);
    const views = app.get(AssessmentViewService);
    // The demo's diagnosis being filled (the page with every control and its script).
    const editable = ['enrolled', 'diagnosis-in-progress', 'changes-requested'];
    let found: { email: string; view: Awaited<ReturnType<AssessmentViewService['view']>> } | undefined;
    for (const user of DEMO_USERS.filter((u) => u.role === 'official')) {
      const actor = await auth.actorFromToken((await auth.login(user.email, DEMO_PASSWORD)).accessToken);
      const list = await app.get(AssessmentListService).list(actor, plainToInstance(AssessmentListQueryDto, {}));
      for (const item of list.items) {
        const view = await views.view(actor, item.id);
        if (editable.includes(view.state)) found ??= { email: user.email, view };
      }
    }
    if (!found) throw new Error('The demo data has no diagnosis being filled.');
    const current = found.view;
    const { cookie, pairs } = await signIn(base, found.email);
    const items = current.groups.reduce((sum, g) => sum + g.items.length, 0);
    const diagnosis = `${base}/avaliacoes/${current.id}`;

    const rows: Record<string, Record<string, string>> = {};
    const row = (name: string, r: { median: number; p95: number; bytes: number }, target = '') =>
      (rows[name] = {
        median: `${r.median.toFixed(2)} ms`,
        p95: `${r.p95.toFixed(2)} ms`,
        'response size': `${(r.bytes / 1024).toFixed(1)} KB`,
        target,
      });
    row('bare route: GET /api/health', await time(`${base}/api/health`, cookie, n));
    row('light page, same layout: GET /acessibilidade', await time(`${base}/acessibilidade`, cookie, n));
    row(
      `the diagnosis: GET /avaliacoes/:id (${items} items, ${current.groups.length} groups, ${current.government.name} ${current.editionYear})`,
      await time(diagnosis, cookie, n),
      'under 100 ms',
    );
    console.log(`\nServer time per page, ${n} sequential requests each after 10 to warm up (127.0.0.1):`);
    console.table(rows);

    const visit = await firstVisit(diagnosis, pairs, base);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const table: Record<string, { files: number; transferred: string }> = {};
    let total = 0;
    let fonts = 0;
    for (const [kind, sum] of [...visit.entries()].sort()) {
      table[kind] = { files: sum.files, transferred: kb(sum.bytes) };
      if (kind === 'Font') fonts += sum.bytes;
      else total += sum.bytes;
    }
    table['total besides fonts (target under 400 KB)'] = { files: NaN, transferred: kb(total) };
    table['fonts'] = { files: NaN, transferred: kb(fonts) };
    console.log('\nFirst visit of the diagnosis page, empty cache (Chromium, bytes on the wire):');
    console.table(table);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: Error) => {
  console.error(e);
  process.exitCode = 1;
});
