import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Flags for Debian's Chromium as root on a closed network (the benchmarks and browser tests use them too). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Fewer Chromium processes and less memory for the engine's own printing: the GPU and network services as
 * threads of the browser, no spare renderer kept ready for a navigation that never comes, no software
 * rasteriser (a PDF is drawn by Skia's PDF backend), and none of the omnibox popups that this Chromium's
 * headless mode loads as WebUI pages (one renderer process of about 150 MB that prints nothing). The zygote
 * is kept: Chromium starts a print compositor process for each print, and forking it from the zygote rather
 * than starting the binary afresh made a print of 50 seals about 150 ms faster, with no more resident memory
 * (its children share the zygote's pages).
 */
export const PRINTING_ARGS: readonly string[] = [
  ...CHROMIUM_ARGS,
  '--in-process-gpu',
  '--disable-software-rasterizer',
  '--enable-features=NetworkServiceInProcess2',
  '--disable-features=SpareRendererForSitePerProcess,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];

export interface PdfOptions {
  readonly landscape?: boolean;
  /** PDF bookmarks from the document's headings, for long documents. */
  readonly outline?: boolean;
}

/**
 * The only place that knows a browser exists: HTML in, PDF out. One browser, launched on first use, and a
 * bounded pool of reused pages (a new page costs about 270 ms here; a warm one prints in about 100 ms).
 */
@Injectable()
export class PdfRendererService implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRendererService.name);
  private browser?: Promise<Browser>;
  private readonly idle: Page[] = [];
  /** Renders waiting for a page: given one when a page is released, or the error if a new one cannot be opened. */
  private readonly waiting: { resolve: (page: Page) => void; reject: (error: unknown) => void }[] = [];
  private created = 0;
  /** Every page the pool has opened, so that the blank tab is taken once. */
  private readonly pooled = new Set<Page>();
  /** Set while the engine stops, so that Chromium's exit is expected rather than a crash to recover from. */
  private closing = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async render(html: string, options: PdfOptions = {}): Promise<Buffer> {
    const page = await this.acquire();
    let healthy = true;
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
      return Buffer.from(
        await page.pdf({
          format: 'A4',
          landscape: options.landscape ?? false,
          outline: options.outline ?? false,
          printBackground: true,
          preferCSSPageSize: true,
          timeout: 30_000,
        }),
      );
    } catch (e) {
      healthy = false;
      throw e;
    } finally {
      this.release(page, healthy);
    }
  }

  private launch(): Promise<Browser> {
    this.browser ??= puppeteer
      // Talking over a pipe, not a socket: if this process dies (even by kill -9), Chromium sees the pipe close and exits too.
      // Signals are the engine's to handle (main.ts): Puppeteer's own handlers would kill Chromium under a batch chunk.
      .launch({
        executablePath: this.config.chromiumPath,
        headless: true,
        pipe: true,
        args: [...PRINTING_ARGS],
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      })
      .then((b) => {
        b.on('disconnected', () => {
          if (!this.closing) this.logger.warn('Chromium exited; it will be started again on the next render');
          this.browser = undefined;
          this.idle.length = 0;
          this.pooled.clear();
          this.created = 0;
        });
        return b;
      })
      .catch((e: Error) => {
        this.browser = undefined;
        throw new Error(
          `Cannot start Chromium at ${this.config.chromiumPath} (set PUPPETEER_EXECUTABLE_PATH): ${e.message}`,
        );
      });
    return this.browser;
  }

  private async acquire(): Promise<Page> {
    const page = this.idle.pop();
    if (page) return page;
    if (this.created < this.config.renderPages) {
      this.created += 1;
      try {
        return await this.openPage(await this.launch());
      } catch (e) {
        this.created -= 1;
        throw e;
      }
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** The blank tab Chromium starts with serves as the first page: one renderer process fewer. */
  private async openPage(browser: Browser): Promise<Page> {
    // Found and taken in one step after the await, so that two pages opening at once cannot both take it.
    const blank = (await browser.pages()).find((p) => !this.pooled.has(p) && p.url() === 'about:blank');
    const page = blank ?? (await browser.newPage());
    this.pooled.add(page);
    return page;
  }

  private release(page: Page, healthy: boolean): void {
    if (!healthy) {
      this.created -= 1;
      this.pooled.delete(page);
      void page.close().catch(() => undefined);
      // The page is replaced for the next render waiting; if Chromium cannot be started again, that render fails
      // with the reason (the batch then retries its seals) rather than the rejection being left unhandled.
      const next = this.waiting.shift();
      if (next) void this.acquire().then(next.resolve, next.reject);
      return;
    }
    const next = this.waiting.shift();
    if (next) next.resolve(page);
    else this.idle.push(page);
  }

  /** Closes Chromium for good (the engine is stopping); true when one was running. */
  async close(): Promise<boolean> {
    this.closing = true;
    const browser = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    await browser?.close().catch(() => undefined);
    return browser !== undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
