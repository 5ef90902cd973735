/**
 * The in-process API, for test suites that want an emulator per worker without Docker:
 *
 *   import { startEmulator } from 'ssm-emulator';
 *   const emu = await startEmulator({ clock: { mode: 'frozen', start: '2025-01-01T00:00:00Z' } });
 *   const ssm = new SSMClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: {...} });
 *   await emu.clock.advance(3600);
 *   await emu.stop();
 */
import { Emulator, type EmulatorOptions, type Snapshot } from './emulator.js';
import { createServer, listen } from './server.js';
import { createLogger, type LogLevel } from './core/log.js';
import { Persistence } from './state/persistence.js';
import type { ClockMode } from './time/clock.js';
import type { EmulatorEvent } from './core/events.js';
import { FleetControls } from './sim/fleet/controls.js';
import { loadInit } from './init.js';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export { Emulator } from './emulator.js';
export type { EmulatorOptions, Snapshot } from './emulator.js';
export type { EmulatorEvent } from './core/events.js';
export type { ClockMode } from './time/clock.js';
export { FleetControlError } from './sim/fleet/controls.js';
export { InitError } from './init.js';
export { FixtureError } from './sim/fleet/fixtures.js';

export interface StartOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to bind; default 127.0.0.1. */
  host?: string;
  /** Host names answered besides localhost and loopback addresses (see docs/security.md). */
  allowHosts?: string[];
  /** Origins whose web pages may call the SSM API ('*' for any). */
  corsOrigins?: string[];
  /** Verify SigV4 signatures against these keys (access key id -> secret access key); default: accept any. */
  verifySignatures?: Record<string, string>;
  /**
   * A fleet fixture: a shipped one by name ('default'), a file path (relative to the calling file,
   * then the working directory), a parsed fixture object, or null/undefined for no nodes.
   */
  fleet?: string | Record<string, unknown> | null;
  /** A folder of patch catalogs that add to or replace the built-in ones (docs/patching.md). */
  patchCatalogs?: string;
  /** Secrets Manager secrets: a fixture file path or a parsed fixture object (docs/parameters.md). */
  secrets?: string | Record<string, unknown> | null;
  clock?: { mode?: ClockMode; rate?: number; start?: string | number | Date };
  /** Keep state in this directory across restarts (see README, Persistence). */
  dataDir?: string;
  /** With dataDir: start from a damaged journal with what is good up to the first bad record. */
  recover?: boolean;
  /** Seed for generated ids (deterministic ids across runs). */
  idSeed?: string | number;
  /** @deprecated the old name of idSeed. */
  seed?: string | number;
  /** Seed data loaded before startEmulator resolves: a YAML/JSON file or a folder of them (see README, Start-up data). */
  init?: string;
  /** Default 'warn'. */
  logLevel?: LogLevel;
}

export interface RunningEmulator {
  /** http://127.0.0.1:<port>: the endpoint to give SDK clients. */
  readonly endpoint: string;
  readonly port: number;
  /**
   * The emulator itself (state, scheduler, services) for advanced use. Its methods do not wait for
   * the server's sliced scheduler runs: wrap calls in `emulator.immediate(() => ...)`, as the calls
   * here do, to see the state between requests.
   */
  readonly emulator: Emulator;
  readonly clock: {
    now(): Date;
    set(change: { now?: string | number | Date; mode?: ClockMode; rate?: number }): void;
    /** Moves virtual time forward, running everything that falls due; returns how many tasks ran. */
    advance(seconds: number): number;
  };
  /**
   * The simulated fleet (the same controls as /_emulator/fleet). Nodes are InstanceInformation
   * fields plus Tags, Behaviors and simulation data; `where` picks an account and/or region
   * (by default a node is looked up wherever it is, and added to 000000000000 / us-east-1).
   * Refusals throw FleetControlError (code, message, status).
   */
  readonly fleet: {
    list(where?: { account?: string; region?: string }): Record<string, unknown>[];
    add(node: Record<string, unknown>): Record<string, unknown>;
    update(id: string, changes: Record<string, unknown>, where?: { account?: string; region?: string }): Record<string, unknown>;
    remove(id: string, where?: { account?: string; region?: string }): void;
    stopAgent(id: string, where?: { account?: string; region?: string }): Record<string, unknown>;
    startAgent(id: string, where?: { account?: string; region?: string }): Record<string, unknown>;
    /** A fixture object, or a YAML/JSON file path. */
    load(fixture: string | Record<string, unknown>, opts?: { replace?: boolean }): { loaded: number };
    /** Registers a hybrid node with {ActivationId, ActivationCode, ...}, as SSM Agent does. */
    register(registration: Record<string, unknown>): Record<string, unknown>;
  };
  /** Clears all state, or one account and/or region. */
  reset(scope?: { account?: string; region?: string }): void;
  snapshot(): Snapshot;
  restore(snapshot: Snapshot): void;
  events(filter?: { source?: string; detailType?: string; account?: string; region?: string }): EmulatorEvent[];
  stop(): Promise<void>;
}

/** The folders of the files that called startEmulator (from the stack), nearest first, outside this package. */
function callerDirs(): string[] {
  const self = dirname(fileURLToPath(import.meta.url));
  const dirs: string[] = [];
  for (const line of (new Error().stack ?? '').split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?\/[^:()]+):\d+:\d+\)?\s*$/.exec(line);
    if (!m) continue;
    const file = m[1]!.startsWith('file://') ? fileURLToPath(m[1]!) : m[1]!;
    const dir = dirname(file);
    if (dir.startsWith(self) || file.includes('/node_modules/') || dirs.includes(dir)) continue;
    dirs.push(dir);
  }
  return dirs;
}

const instant = (v: string | number | Date): number => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v));

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const start = options.clock?.start === undefined ? undefined : instant(options.clock.start);
  if (start !== undefined && !Number.isFinite(start)) throw new Error(`clock.start is not a date: ${String(options.clock?.start)}`);
  const emuOptions: EmulatorOptions & { fleet?: unknown } = {
    clock: { mode: options.clock?.mode ?? 'real', rate: options.clock?.rate, start },
    seed: options.idSeed ?? options.seed,
    logger: createLogger(options.logLevel ?? 'warn'),
    patchCatalogs: options.patchCatalogs,
    secrets: options.secrets,
  };
  if (options.fleet !== undefined) emuOptions.fleet = options.fleet;
  const emu = new Emulator({ ...(emuOptions as EmulatorOptions), fleetBaseDirs: callerDirs() });
  let persistence: Persistence | undefined;
  let restored = false;
  if (options.dataDir) {
    persistence = new Persistence(emu, options.dataDir, { recover: options.recover, warn: (message) => emu.log.log('warn', message, { dataDir: options.dataDir }) });
    restored = (await persistence.open()).restored;
  }
  if (options.init && !restored) {
    try {
      loadInit(emu, options.init);
    } catch (e) {
      emu.close();
      await persistence?.close();
      throw e;
    }
  }
  const server = createServer(emu, {
    bindHost: options.host ?? '127.0.0.1',
    allowHosts: options.allowHosts,
    corsOrigins: options.corsOrigins,
    accessKeys: options.verifySignatures && new Map(Object.entries(options.verifySignatures)),
  });
  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  const controls = new FleetControls(emu);
  /**
   * Every call below answers synchronously, so it cannot wait for the lock that requests take; it
   * runs through Emulator.immediate, which first completes a sliced scheduler run under way (so a
   * call never sees the state between two tasks). Under a data dir, a fleet change (which is not a
   * journaled request) starts a checkpoint.
   */
  const now = <T>(work: () => T): T => emu.immediate(work);
  const durable = <T>(work: () => T): T => {
    const value = emu.immediate(work);
    void emu.checkpoint?.();
    return value;
  };
  return {
    endpoint: `http://${host}:${address.port}`,
    port: address.port,
    emulator: emu,
    clock: {
      now: () => now(() => new Date(emu.clock.now())),
      set: (change) =>
        now(() => {
          const target = change.now === undefined ? undefined : instant(change.now);
          if (target !== undefined && target > emu.clock.now()) emu.scheduler.advanceTo(target);
          else if (target !== undefined) emu.clock.set({ now: target });
          if (change.mode !== undefined || change.rate !== undefined) emu.clock.set({ mode: change.mode, rate: change.rate });
        }),
      advance: (seconds) => now(() => emu.scheduler.advance(Math.round(seconds * 1000))),
    },
    fleet: {
      list: (where) => now(() => controls.list(where)),
      add: (node) => durable(() => controls.add(node)),
      update: (id, changes, where) => durable(() => controls.update(id, changes, where)),
      remove: (id, where) => void durable(() => controls.remove(id, where)),
      stopAgent: (id, where) => durable(() => controls.setAgentRunning(id, false, where)),
      startAgent: (id, where) => durable(() => controls.setAgentRunning(id, true, where)),
      load: (fixture, opts) =>
        durable(() => controls.load(fixture, { replace: opts?.replace, file: typeof fixture === 'string', source: typeof fixture === 'string' ? fixture : 'fixture' })),
      register: (registration) => durable(() => controls.register(registration)),
    },
    reset: (scope) => now(() => emu.reset(scope)),
    snapshot: () => now(() => emu.snapshot()),
    restore: (snapshot) => now(() => emu.restore(snapshot)),
    events: (filter) => now(() => emu.events.list(filter)),
    async stop() {
      emu.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await persistence?.close();
    },
  };
}
export { controlClient, ControlClientError, type ControlClient } from './control/client.js';
