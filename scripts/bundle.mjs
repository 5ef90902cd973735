// Bundles the CLI entry (dist/main.js, from tsc) into dist/bundle/: one chunk for the emulator, a
// lazily loaded chunk for the express control app (express itself stays external and lazy), and the
// simulated shell's worker thread (worker.js). Half the start-up time of loading ~170 separate ES
// modules. `npm run build` runs it after tsc. Whitespace and syntax are minified (start-up compiles
// ~25% less text); identifiers are not, so stack traces in logs keep the emulator's names.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  // The simulated shell's worker (sim/shell/pool.ts finds it as dist/bundle/worker.js).
  entryPoints: { main: 'dist/main.js', worker: 'dist/sim/shell/worker.js' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist/bundle',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['express'],
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // Some dependencies (yaml) ship CommonJS that calls require(): give the ES module chunks one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
