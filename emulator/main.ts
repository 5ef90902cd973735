#!/usr/bin/env node
/** CLI entry: config from flags and environment, create the emulator, listen, stop on signals. */
import { loadConfig, ConfigError, USAGE } from './config.js';
import { Emulator } from './emulator.js';
import { createServer, listen } from './server.js';
import { createLogger } from './core/log.js';
import { DEFAULT_FLEET_FILE } from './sim/fleet/fixtures.js';
import { Persistence, PersistenceError } from './state/persistence.js';
import { FixtureError } from './sim/fleet/fixtures.js';
import { InitError, loadInit } from './init.js';
import { readFileSync } from 'node:fs';

async function main(): Promise<void> {
  if (process.argv[2] === 'scenario') {
    // Loaded only for this subcommand: the SDK clients it needs stay out of the server's start-up.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const { scenarioCli } = await import('./scenario/cli.js');
    process.exit(await scenarioCli(process.argv.slice(3)));
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`ssm-emulator: ${err.message} (ssm-emulator --help lists the options)\n`);
      process.exit(2);
    }
    throw err;
  }
  if (config.help) {
    process.stdout.write(USAGE);
    return;
  }
  const log = createLogger(config.logLevel);
  for (const w of config.warnings) process.stderr.write(`ssm-emulator: warning: ${w}\n`);
  const emu = new Emulator({
    clock: { mode: config.clockMode, rate: config.clockRate, start: config.clockStart },
    seed: config.idSeed,
    logger: log,
    // undefined = the default fleet, null = --no-fleet, a string = --fleet FILE
    fleet: config.fleet === undefined ? DEFAULT_FLEET_FILE : config.fleet,
    patchCatalogs: config.patchCatalogs,
    secrets: config.secrets,
  });
  let persistence: Persistence | undefined;
  let restoredState = false;
  if (config.dataDir) {
    persistence = new Persistence(emu, config.dataDir, { recover: config.recover, warn: (message) => log.log('warn', message, { dataDir: config.dataDir }) });
    const { restored, replayed, dropped } = await persistence.open();
    log.log('info', restored ? 'state restored' : 'new data directory', { dataDir: config.dataDir, replayed, ...(dropped && { dropped }) });
    restoredState = restored;
  }
  if (config.init) {
    // Before listening: health answers only once the seed data is in.
    if (restoredState) log.log('info', 'seed data not loaded: the data directory holds state already', { init: config.init });
    else log.log('info', 'seed data loaded', { init: config.init, ...loadInit(emu, config.init) });
  }
  const server = createServer(emu, { bindHost: config.host, allowHosts: config.allowHosts, corsOrigins: config.corsOrigins, accessKeys: config.accessKeys });
  const address = await listen(server, config.port, config.host);
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  log.log('info', 'SSM emulator listening', { endpoint: url, clock: emu.clock.describe() });
  if (!log.enabled('info')) process.stderr.write(`SSM emulator listening on ${url}\n`);

  const stop = (signal: string) => {
    log.log('info', 'stopping', { signal });
    emu.close();
    server.close();
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5000).unref();
    (persistence ? persistence.close() : Promise.resolve()).then(
      () => process.exit(0),
      (err: unknown) => {
        log.log('error', 'final checkpoint failed', { error: String(err) });
        process.exit(1);
      },
    );
  };
  // The last resort: a failure nothing else caught is logged, and the emulator keeps serving (every
  // request is handled on its own, so one failure does not leave shared state half-changed).
  process.on('uncaughtException', (err) => log.log('error', 'uncaught exception; still serving', { error: String(err?.stack ?? err) }));
  process.on('unhandledRejection', (err) => log.log('error', 'unhandled rejection; still serving', { error: String((err as Error)?.stack ?? err) }));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  watchLauncher(stop);
}

/**
 * `npm start` runs `sh -c "node dist/bundle/main.js"`: when something kills npm's own process (a CI
 * step's timeout, `kill $!`), no signal reaches this one, and it would keep the port. So under npm
 * the emulator watches the processes that launched it and stops when they are gone. (Run
 * `npx ssm-emulator` or `node dist/bundle/main.js` directly in CI: signals then reach it.)
 */
function watchLauncher(stop: (why: string) => void): void {
  if (!process.env.npm_lifecycle_event) return;
  const watched = [process.ppid];
  const parentOf = (pid: number): number | undefined => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return undefined; // not Linux: the parent alone is watched
    }
  };
  const grand = parentOf(process.ppid);
  if (grand !== undefined && grand > 1) watched.push(grand);
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    // A killed process whose own parent has not reaped it yet is a zombie: gone for our purpose.
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return true;
    }
  };
  setInterval(() => {
    if (process.ppid !== watched[0] || !watched.every(alive)) stop('launcher exited');
  }, 1000).unref();
}

main().catch((err) => {
  // A refusal the user can act on is one line; anything else is a bug, with its stack.
  if ((err as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    const e = err as NodeJS.ErrnoException & { port?: number; address?: string };
    process.stderr.write(`ssm-emulator: port ${e.port ?? ''} is in use${e.address ? ` on ${e.address}` : ''}: stop what listens there, or pick another with --port (0 picks a free one).\n`);
    process.exit(1);
  }
  const known = err instanceof PersistenceError || err instanceof FixtureError || err instanceof InitError;
  process.stderr.write(`ssm-emulator: ${known ? err.message : String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
