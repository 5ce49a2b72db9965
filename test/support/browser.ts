import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { CHROMIUM_ARGS } from '../../src/core/rendering/pdf-renderer.service';

export const SCREENSHOTS = resolve(__dirname, '../../.tmp/screenshots');

/**
 * Debian's Chromium, headless, with nothing reaching out to the network by itself.
 *
 * `pdfViewerAsGuest` runs Chromium's PDF viewer as a guest view rather than in the page's own frames (Puppeteer
 * turns PdfOopif on). With the viewer's frames in the page, Puppeteer now and then held a page's navigation
 * events for as long as the next navigation took: a click on the review page, which previews PDFs, timed out
 * about once in six runs although the page had loaded in 0.4 s. The viewer still draws the PDF. It is not the
 * default: as a guest, the viewer keeps a connection open, so a `networkidle0` wait (security-headers) never ends.
 */
export function launchBrowser(options: { pdfViewerAsGuest?: boolean } = {}): Promise<Browser> {
  const guest = options.pdfViewerAsGuest === true;
  return puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    args: [...CHROMIUM_ARGS, ...(guest ? ['--disable-features=PdfOopif'] : [])],
    ignoreDefaultArgs: guest ? ['--enable-features=PdfOopif'] : [],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');

/** axe-core's WCAG 2.0/2.1 A and AA rules on the current page; the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  // Evaluated through the DevTools protocol: a <script> tag with axe's source would be an inline script, which
  // the pages' Content-Security-Policy refuses.
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const result = await axe.run((globalThis as any).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** A screenshot under .tmp/screenshots/ (the full page unless told), kept as a test artefact. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}
