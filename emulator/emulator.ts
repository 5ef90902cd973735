/**
 * One emulator instance: the clock, the scheduler, the store, ids, events and the registered
 * operations of every service. Everything the HTTP layers (protocol/, control/) need hangs off it,
 * and there is no module-level mutable state, so several emulators can live in one process (tests,
 * the in-process API).
 */
import { Clock, type ClockMode, type ClockState } from './time/clock.js';
import { EMULATOR_VERSION } from './core/defaults.js';
import { Scheduler, type Task } from './time/scheduler.js';
import { Store, STATE_FORMAT_VERSION, type StoreData } from './state/store.js';
import { Ids, randomSeed, seedFrom, type RngState } from './core/ids.js';
import { Events } from './core/events.js';
import { createValidator, type Validator } from './core/validate.js';
import { createLogger, type Logger } from './core/log.js';
import type { Ctx, Endpoint } from './core/context.js';
import { InternalFailure, NotImplementedError } from './core/errors.js';
import { areaOfOperation } from './model/areas.js';
import type { JournalEntry } from './state/persistence.js';
import type { Area, OperationHandler, ServiceId } from './core/operation.js';
import type { OperationDef, ShapeTable } from './core/shapes.js';
import { shapes as ssmShapes } from './generated/ssm/shapes.js';
import { operations as ssmOperations } from './generated/ssm/operations.js';
import { shapes as rgShapes } from './generated/resource-groups/shapes.js';
import { operations as rgOperations } from './generated/resource-groups/operations.js';
import { areas as defaultAreas } from './services/index.js';
import type { TaggableType } from './sim/tags/registry.js';

export { DEFAULT_ACCOUNT, DEFAULT_REGION, EMULATOR_VERSION } from './core/defaults.js';

export interface EmulatorOptions {
  clock?: { mode?: ClockMode; rate?: number; start?: number };
  /** Seed for ids; random when absent. */
  seed?: number | string;
  logger?: Logger;
  /** Tests: check every response against the model and answer 500 on drift. */
  checkResponses?: boolean;
  /** Capability areas to load (all by default). */
  areas?: readonly Area[];
  /** Wall time source (tests of the clock only). */
  wall?: () => number;
  /**
   * Managed nodes to load at start and again after every reset: a fleet fixture file path, a parsed
   * fixture object (see docs/fleet.md), or null/absent for none. main.ts passes the default fleet
   * unless --no-fleet; tests get no fleet unless they ask for one.
   */
  fleet?: string | Record<string, unknown> | null;
}

export interface ServiceRuntime {
  readonly id: ServiceId;
  readonly shapes: ShapeTable;
  readonly operations: Readonly<Record<string, OperationDef>>;
  readonly validator: Validator;
  readonly handlers: Map<string, OperationHandler>;
}

export interface Snapshot {
  formatVersion: number;
  emulatorVersion: string;
  savedAt: string;
  clock: ClockState;
  store: StoreData;
}


export class Emulator {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly ids: Ids;
  readonly events: Events;
  readonly log: Logger;
  readonly services: Record<ServiceId, ServiceRuntime>;
  readonly checkResponses: boolean;
  readonly areas: readonly Area[];
  /** The fleet fixture this emulator loads at start and after each reset (EmulatorOptions.fleet). */
  readonly fleet: string | Record<string, unknown> | null;
  /** ResourceType (Parameter, Document, ManagedInstance, ...) -> how to reach its tags. */
  readonly taggable = new Map<string, TaggableType>();
  /** Wall time at creation, for uptime. */
  readonly startedAt = Date.now();
  /** Set by persistence (--data-dir): receives every state change to journal. */
  journal: ((entry: JournalEntry) => void) | undefined;
  /** Set by persistence: writes a checkpoint (control API changes wait for it before answering). */
  checkpoint: (() => Promise<void>) | undefined;
  private readonly seed: RngState;
  private _store: Store;
  private resetHooks: ((scope: { account?: string; region?: string } | undefined, reason: 'reset' | 'restore') => void)[] = [];

  constructor(options: EmulatorOptions = {}) {
    this.log = options.logger ?? createLogger('silent');
    this.checkResponses = options.checkResponses ?? false;
    this.fleet = options.fleet ?? null;
    this.seed = options.seed === undefined ? randomSeed() : seedFrom(options.seed);
    this._store = new Store(this.seed);
    this.clock = new Clock(options.clock ?? {}, options.wall);
    this.ids = new Ids(() => this._store.data.rng);
    this.events = new Events(() => this._store, this.ids);
    this.scheduler = new Scheduler(
      () => this._store,
      this.clock,
      (task, err) => this.log.log('error', 'scheduled task failed', { kind: task.kind, error: String((err as Error)?.stack ?? err) }),
      (until) => this.journal?.({ t: 'tick', until }),
    );
    // Clock changes (set, advance) are journaled under --data-dir so a restart finds the same time.
    this.clock.onChange(() => this.journal?.({ t: 'clock', state: this.clock.snapshot() }));
    this.services = {
      ssm: { id: 'ssm', shapes: ssmShapes, operations: ssmOperations, validator: createValidator(ssmShapes), handlers: new Map() },
      'resource-groups': {
        id: 'resource-groups',
        shapes: rgShapes,
        operations: rgOperations,
        validator: createValidator(rgShapes),
        handlers: new Map(),
      },
    };
    this.areas = options.areas ?? defaultAreas;
    for (const area of this.areas) {
      for (const op of area.operations ?? []) {
        const svc = this.services[op.service];
        if (!(op.name in svc.operations)) throw new Error(`${area.name}: ${op.name} is not a ${op.service} operation`);
        if (svc.handlers.has(op.name)) throw new Error(`${op.name} is implemented twice`);
        svc.handlers.set(op.name, op);
      }
      for (const t of area.taggable ?? []) this.taggable.set(t.resourceType, t);
      for (const [kind, run] of Object.entries(area.tasks ?? {})) {
        this.scheduler.define(kind, (task: Task, t) => run(task, this.context(t.account, t.region, t.now)));
      }
    }
    for (const area of this.areas) area.init?.(this);
  }

  get store(): Store {
    return this._store;
  }

  /** A context for one account and region at an instant (defaults to the clock's now). */
  context(account: string, region: string, now = this.clock.now(), extra?: { requestId?: string; operation?: string; endpoint?: Endpoint }): Ctx {
    return { emu: this, account, region, scope: this._store.scope(account, region), now, ...extra };
  }

  /**
   * Areas with derived caches outside the store register here to drop them on reset/restore.
   * `reason` tells a reset (state cleared: reload start-up data) from a restore (state replaced).
   */
  onReset(hook: (scope: { account?: string; region?: string } | undefined, reason: 'reset' | 'restore') => void): void {
    this.resetHooks.push(hook);
  }

  /** Clears all state, or one account and/or region. The clock keeps its time and mode. */
  reset(scope?: { account?: string; region?: string }): void {
    this.journal?.({ t: 'reset', scope });
    if (!scope || (scope.account === undefined && scope.region === undefined)) {
      this._store.replace(new Store(this._store.data.seed ?? this.seed).data);
      this.scheduler.clear();
    } else {
      this._store.resetRegions(scope.account, scope.region);
      this.scheduler.clear(
        (t) => (scope.account === undefined || t.account === scope.account) && (scope.region === undefined || t.region === scope.region),
      );
      const data = this._store.data;
      data.events = data.events.filter(
        (e) => !((scope.account === undefined || e.account === scope.account) && (scope.region === undefined || e.region === scope.region)),
      );
    }
    for (const h of this.resetHooks) h(scope, 'reset');
  }

  /**
   * All state as one JSON-able value. A deep copy by default, so later mutations do not leak into a
   * snapshot the caller holds; `copy: false` for callers that serialise it at once (persistence).
   */
  snapshot(opts: { copy?: boolean } = {}): Snapshot {
    return {
      formatVersion: STATE_FORMAT_VERSION,
      emulatorVersion: EMULATOR_VERSION,
      savedAt: new Date(this.clock.now()).toISOString(),
      clock: this.clock.snapshot(),
      store: opts.copy === false ? this._store.data : structuredClone(this._store.data),
    };
  }

  /** Replaces all state with a snapshot; refuses (and changes nothing) when it is not a valid one. */
  restore(snapshot: unknown): void {
    const s = checkSnapshot(snapshot);
    this._store.replace(structuredClone(s.store));
    this.clock.restore(s.clock);
    this.scheduler.rebuild();
    for (const h of this.resetHooks) h(undefined, 'restore');
  }

  /** Runs whatever is due now (called before each request in real and scaled modes). */
  catchUp(): void {
    this.scheduler.runDue(this.clock.now());
  }

  /**
   * Runs one operation as a request would, after the protocol layer decoded it: model validation,
   * the handler (or NotImplementedException), and the response check in tests. The protocol layers
   * (JSON RPC, REST-JSON), persistence replay and the in-process API all go through here.
   * `now` is read once by the caller; whatever is due up to it runs first.
   */
  invoke(service: ServiceId, operation: string, input: Record<string, unknown>, caller: { account: string; region: string; requestId?: string; endpoint?: Endpoint }, now = this.clock.now()): unknown {
    const svc = this.services[service];
    const def = svc.operations[operation];
    if (def.input) svc.validator.validate(def.input, input);
    const handler = svc.handlers.get(operation);
    if (!handler) throw new NotImplementedError(operation, service === 'ssm' ? areaOfOperation.get(operation) : 'resource-groups');
    this.scheduler.runDue(now);
    const ctx = this.context(caller.account, caller.region, now, { requestId: caller.requestId, operation, endpoint: caller.endpoint });
    let output: unknown;
    try {
      output = handler.handle(input, ctx) ?? {};
    } finally {
      // Journaled whether it succeeded or not: replay reproduces exactly what it did (see persistence.ts).
      if (this.journal && !isReadOnly(service, operation)) {
        this.journal({ t: 'op', svc: service, op: operation, in: input, a: caller.account, r: caller.region, now });
      }
    }
    if (this.checkResponses && def.output) {
      const problems = svc.validator.checkOutput(def.output, JSON.parse(JSON.stringify(output)));
      if (problems.length) throw new InternalFailure(`Response does not match the model: ${problems.join('; ')}`);
    }
    return output;
  }

  close(): void {
    this.scheduler.stop();
  }
}

/**
 * Operations that never change state (reads). Everything else is journaled under --data-dir.
 * Due scheduler tasks that a read runs first are journaled separately, as ticks.
 */
const READ_PREFIXES = /^(Get|Describe|List|Search)/;
const MUTATING_READS = new Set(['GetDeployablePatchSnapshotForInstance', 'GetAccessToken']);
export function isReadOnly(service: ServiceId, operation: string): boolean {
  void service;
  return READ_PREFIXES.test(operation) && !MUTATING_READS.has(operation);
}

export class SnapshotError extends Error {}

function checkSnapshot(value: unknown): Snapshot {
  const s = value as Partial<Snapshot> | null;
  if (!s || typeof s !== 'object') throw new SnapshotError('A snapshot must be a JSON object.');
  if (s.formatVersion !== STATE_FORMAT_VERSION) {
    throw new SnapshotError(
      `Snapshot format version ${String(s.formatVersion)} is not supported by this emulator (it reads version ${STATE_FORMAT_VERSION}).`,
    );
  }
  const c = s.clock as Partial<ClockState> | undefined;
  if (!c || !['real', 'scaled', 'frozen'].includes(c.mode as string) || typeof c.rate !== 'number' || typeof c.anchorVirtual !== 'number' || typeof c.anchorWall !== 'number') {
    throw new SnapshotError('The snapshot has no valid clock.');
  }
  const st = s.store as Partial<StoreData> | undefined;
  if (
    !st ||
    typeof st.regions !== 'object' ||
    st.regions === null ||
    !st.scheduler ||
    !Array.isArray(st.scheduler.tasks) ||
    typeof st.scheduler.seq !== 'number' ||
    !Array.isArray(st.rng) ||
    st.rng.length !== 4 ||
    !Array.isArray(st.events) ||
    typeof st.eventSeq !== 'number'
  ) {
    throw new SnapshotError('The snapshot has no valid store (regions, scheduler, rng, events).');
  }
  return s as Snapshot;
}
