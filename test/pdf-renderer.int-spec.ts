import type { AppConfig } from '../src/config/app-config';
import { PdfRendererService } from '../src/core/rendering/pdf-renderer.service';
import { childProcessesOf } from './support/server-process';
import { scratchDir, testConfig } from './support/test-app';

/**
 * When Chromium dies under a print and cannot be started again, the prints waiting for a page fail with the
 * reason: they neither wait for ever nor take the engine down with an unhandled rejection (a batch then retries
 * its seals one by one). Seen in CI: the batch test kills Chromium while it starts.
 */
describe('PDF renderer: Chromium dying and not coming back', () => {
  let cleanup: () => void;
  let config: { -readonly [K in keyof AppConfig]: AppConfig[K] };
  let renderer: PdfRendererService;

  beforeAll(() => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    config = { ...testConfig(scratch.dir, { RENDER_PAGES: '1' }) };
    renderer = new PdfRendererService(config);
  });
  afterAll(async () => {
    await renderer.close();
    cleanup();
  });

  it('fails the print that waited for the one page with the reason Chromium could not start', async () => {
    const warm = await renderer.render('<p>warm</p>');
    expect(warm.subarray(0, 5).toString()).toBe('%PDF-');
    const working = renderer.render('<p>first</p>');
    const waiting = renderer.render('<p>second</p>');
    config.chromiumPath = '/nonexistent/chromium';
    for (const pid of childProcessesOf(process.pid)) process.kill(pid, 'SIGKILL');
    await expect(working).rejects.toThrow();
    await expect(waiting).rejects.toThrow(/Cannot start Chromium at \/nonexistent\/chromium/);
  });
});
