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
import { arg, signIn, time } from './page-timing';

/**
 * `npm run bench:pages`: the official's diagnosis page on the demonstration data, measured against a bare
 * route and a light page of the same layout in the same run: server time per page (sequential requests on
 * 127.0.0.1, median and p95), and the bytes a first visit transfers in Chromium with an empty cache
 * (by kind, fonts apart). Prints figures; asserts nothing.
 */

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
    const { cookie, pairs } = await signIn(base, found.email, DEMO_PASSWORD);
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
    row('bare route: GET /api/health', await time(`${base}/api/health`, n, { cookie }));
    row('light page, same layout: GET /acessibilidade', await time(`${base}/acessibilidade`, n, { cookie }));
    row(
      `the diagnosis: GET /avaliacoes/:id (${items} items, ${current.groups.length} groups, ${current.government.name} ${current.editionYear})`,
      await time(diagnosis, n, { cookie }),
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
