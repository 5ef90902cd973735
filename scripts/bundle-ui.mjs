// Bundles the dashboard (ui/: Preact + htm, uPlot) into dist/ui/ (app.js, app.css, index.html),
// served by the emulator at /_emulator/ui. No CDN: everything the page loads is in that folder.
// `npm run build` runs it; the browser test calls buildUi() so it always sees the current source.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildUi(outdir = join(root, 'dist', 'ui')) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { app: join(root, 'ui', 'src', 'main.js') },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022'],
    outdir,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'ui', 'index.html'), join(outdir, 'index.html'));
  return Object.fromEntries(readdirSync(outdir).map((f) => [f, statSync(join(outdir, f)).size]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await buildUi();
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`dashboard: ${Object.entries(sizes).map(([f, n]) => `${f} ${(n / 1024).toFixed(1)} KiB`).join(', ')} (${(total / 1024).toFixed(1)} KiB)`);
}
