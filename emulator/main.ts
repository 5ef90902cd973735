#!/usr/bin/env node
/** CLI entry: config from flags and environment, create the emulator, listen, stop on signals. */
import { loadConfig, ConfigError, USAGE } from './config.js';
import { Emulator } from './emulator.js';
import { createServer, listen } from './server.js';
import { createLogger } from './core/log.js';
import { DEFAULT_FLEET_FILE } from './sim/fleet/fixtures.js';
import { Persistence, PersistenceError } from './state/persistence.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`ssm-emulator: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
  if (config.help) {
    process.stdout.write(USAGE);
    return;
  }
  const log = createLogger(config.logLevel);
  const emu = new Emulator({
    clock: { mode: config.clockMode, rate: config.clockRate, start: config.clockStart },
    seed: config.seed,
    logger: log,
    // undefined = the default fleet, null = --no-fleet, a string = --fleet FILE
    fleet: config.fleet === undefined ? DEFAULT_FLEET_FILE : config.fleet,
    patchCatalogs: config.patchCatalogs,
    secrets: config.secrets,
  });
  let persistence: Persistence | undefined;
  if (config.dataDir) {
    persistence = new Persistence(emu, config.dataDir, { recover: config.recover, warn: (message) => log.log('warn', message, { dataDir: config.dataDir }) });
    const { restored, replayed, dropped } = await persistence.open();
    log.log('info', restored ? 'state restored' : 'new data directory', { dataDir: config.dataDir, replayed, ...(dropped && { dropped }) });
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
}

main().catch((err) => {
  // A refusal the user can act on is one line; anything else is a bug, with its stack.
  const known = err instanceof PersistenceError;
  process.stderr.write(`ssm-emulator: ${known ? err.message : String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
