/**
 * A real headless Chromium for the dashboard's tests and screenshots, driven by puppeteer-core (no
 * browser download: it uses the system's). Debian: `apt-get install chromium`; elsewhere set
 * CHROMIUM_PATH. Without one the browser tests skip and say why.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const chromiumPath: string | undefined = [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));

export const noBrowserReason = chromiumPath
  ? undefined
  : 'no Chromium found (apt-get install chromium, or set CHROMIUM_PATH): the dashboard browser tests are skipped';

export async function launch(): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer-core');
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return puppeteer.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** Console errors and uncaught exceptions of a page, collected as they happen. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${(e as Error).message}`));
  return errors;
}

/**
 * Builds dist/ui from ui/ (esbuild, well under a second) when a source file is newer than the
 * bundle, so the tests see the current source; an up-to-date build (after npm ci) is left alone, so
 * a test that packs dist/ meanwhile never sees it half-written.
 */
export async function buildDashboard(force = false): Promise<void> {
  const root = join(import.meta.dirname, '..', '..');
  const built = join(root, 'dist', 'ui', 'app.js');
  const newest = Math.max(...[join(root, 'ui'), join(root, 'ui', 'src'), join(root, 'ui', 'src', 'views')].flatMap((d) => readdirSync(d).map((f) => statSync(join(d, f)).mtimeMs)));
  if (!force && existsSync(built) && statSync(built).mtimeMs >= newest) return;
  const mod = (await import('../../scripts/bundle-ui.mjs' as string)) as { buildUi: () => Promise<Record<string, number>> };
  await mod.buildUi();
}
