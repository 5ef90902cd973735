/**
 * One emulator instance: the clock, the scheduler, the store, ids, events and the registered
 * operations of every service. Everything the HTTP layers (protocol/, control/) need hangs off it,
 * and there is no module-level mutable state, so several emulators can live in one process (tests,
 * the in-process API).
 */
import { resolveFleetFile } from './sim/fleet/resolve.js';
import { AUTO_HORIZON_MS, Clock, type ClockMode } from './time/clock.js';
import { EMULATOR_VERSION } from './core/defaults.js';
import { Scheduler, type Task } from './time/scheduler.js';
import { Store, STATE_FORMAT_VERSION } from './state/store.js';
import { checkSnapshot, type Snapshot } from './state/snapshot.js';
import { Ids, randomSeed, seedFrom, type RngState } from './core/ids.js';
import { Events } from './core/events.js';
import { createValidator, type Validator } from './core/validate.js';
import { createLogger, type Logger } from './core/log.js';
import type { Ctx, Endpoint } from './core/context.js';
import { checkRegion, NotImplementedException, ServiceError } from './core/errors.js';
import { InternalServerError, ValidationException } from './generated/ssm/errors.js';
import { BadRequestException } from './generated/resource-groups/errors.js';
import { areaOfOperation } from './model/areas.js';
import type { JournalEntry } from './state/persistence.js';
import type { Area, OperationHandler, ServiceId } from './core/operation.js';
import type { Caller, Limits, ResetHook, ResetScope, Runtime } from './core/runtime.js';
import { MAX_COMMANDS, MAX_INVOCATIONS, MAX_OUTPUT_CHARS } from './sim/commands/timing.js';
import { MAX_AUTOMATION_EXECUTIONS } from './sim/automation/engine.js';
import { PortRegistry } from './core/ports.js';
import type { OperationDef, ShapeTable } from './core/shapes.js';
import { shapes as ssmShapes } from './generated/ssm/shapes.js';
import { operations as ssmOperations } from './generated/ssm/operations.js';
import { shapes as rgShapes } from './generated/resource-groups/shapes.js';
import { operations as rgOperations } from './generated/resource-groups/operations.js';
import { shapes as smShapes } from './generated/secretsmanager/shapes.js';
import { operations as smOperations } from './generated/secretsmanager/operations.js';
import { areas as defaultAreas } from './services/index.js';
import { ChangeFeed } from './core/changes.js';

export { DEFAULT_ACCOUNT, DEFAULT_REGION, EMULATOR_VERSION } from './core/defaults.js';
export { SnapshotError, type Snapshot } from './state/snapshot.js';

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
   * unless --no-fleet; tests get no fleet unless they ask for one. A string is a shipped fixture's
   * name (`default`) or a path (sim/fleet/resolve.ts), relative to `fleetBaseDirs` or the cwd.
   */
  fleet?: string | Record<string, unknown> | null;
  /** Folders a relative fleet path is tried against before the working directory (the caller's file's). */
  fleetBaseDirs?: readonly string[];
  /**
   * A folder of patch catalogs (JSON or gzipped JSON, see docs/patching.md) that add to the built-in
   * ones in fixtures/patches/ or replace those of the same name.
   */
  patchCatalogs?: string | null;
  /**
   * Secrets Manager secrets to load at start and again after every reset: a fixture file path, a
   * parsed fixture object (see docs/parameters.md, sim/secrets/fixtures.ts), or null/absent for none.
   */
  secrets?: string | Record<string, unknown> | null;
  /** Size bounds (defaults: sim/commands/timing.ts, sim/automation/engine.ts MAX_AUTOMATION_EXECUTIONS); tests lower them. */
  limits?: Partial<Limits>;
}

export interface ServiceRuntime {
  readonly id: ServiceId;
  readonly shapes: ShapeTable;
  readonly operations: Readonly<Record<string, OperationDef>>;
  readonly validator: Validator;
  readonly handlers: Map<string, OperationHandler>;
}



export class Emulator implements Runtime {
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
  /** The folder of user patch catalogs (EmulatorOptions.patchCatalogs), or null. */
  readonly patchCatalogs: string | null;
  /** The secrets fixture loaded at start and after each reset (EmulatorOptions.secrets). */
  readonly secrets: string | Record<string, unknown> | null;
  /** What the areas provide to each other (core/ports.ts). */
  readonly ports: PortRegistry;
  readonly limits: Limits;
  /** Wall time at creation, for uptime. */
  readonly startedAt = Date.now();
  /** Told of every state change, for live views (the dashboard's GET /_emulator/live). */
  readonly changes = new ChangeFeed();
  /** Set by persistence (--data-dir): receives every state change to journal. */
  journal: ((entry: JournalEntry) => void) | undefined;
  /** Set by persistence: writes a checkpoint (control API changes wait for it before answering). */
  checkpoint: (() => Promise<void>) | undefined;
  private readonly seed: RngState;
  private _store: Store;
  private resetHooks: ResetHook[] = [];

  constructor(options: EmulatorOptions = {}) {
    this.log = options.logger ?? createLogger('silent');
    this.checkResponses = options.checkResponses ?? false;
    this.fleet = typeof options.fleet === 'string' ? resolveFleetFile(options.fleet, options.fleetBaseDirs) : (options.fleet ?? null);
    this.patchCatalogs = options.patchCatalogs ?? null;
    this.secrets = options.secrets ?? null;
    this.limits = { maxCommands: MAX_COMMANDS, maxInvocations: MAX_INVOCATIONS, maxOutputChars: MAX_OUTPUT_CHARS, maxAutomationExecutions: MAX_AUTOMATION_EXECUTIONS, ...options.limits };
    this.seed = options.seed === undefined ? randomSeed() : seedFrom(options.seed);
    this._store = new Store(this.seed);
    this.clock = new Clock(options.clock ?? {}, options.wall);
    this.ids = new Ids(() => this._store.data.rng);
    this.events = new Events(() => this._store, this.ids);
    this.scheduler = new Scheduler(
      () => this._store,
      this.clock,
      (task, err) => this.log.log('error', 'scheduled task failed', { kind: task.kind, error: String((err as Error)?.stack ?? err) }),
      (until) => {
        this.journal?.({ t: 'tick', until });
        this.changes.bump();
      },
    );
    // Clock changes (set, advance) are journaled under --data-dir so a restart finds the same time.
    this.clock.onChange(() => {
      this.journal?.({ t: 'clock', state: this.clock.snapshot() });
      this.changes.bump();
    });
    this.services = {
      ssm: { id: 'ssm', shapes: ssmShapes, operations: ssmOperations, validator: createValidator(ssmShapes, (m) => new ValidationException(m)), handlers: new Map() },
      'resource-groups': {
        id: 'resource-groups',
        shapes: rgShapes,
        operations: rgOperations,
        validator: createValidator(rgShapes, (m) => new BadRequestException(m)),
        handlers: new Map(),
      },
      // Secrets Manager's model declares no ValidationException, but AWS answers constraint violations
      // with it, as every JSON service does (AWS's "Common Errors": ValidationException, 400).
      secretsmanager: {
        id: 'secretsmanager',
        shapes: smShapes,
        operations: smOperations,
        validator: createValidator(smShapes, (m) => new ServiceError('ValidationException', m, 400, 'message')),
        handlers: new Map(),
      },
    };
    this.areas = options.areas ?? defaultAreas;
    this.ports = new PortRegistry(this.areas.flatMap((a) => a.provides ?? []));
    for (const area of this.areas) {
      for (const op of area.operations ?? []) {
        const svc = this.services[op.service];
        if (!(op.name in svc.operations)) throw new Error(`${area.name}: ${op.name} is not a ${op.service} operation`);
        if (svc.handlers.has(op.name)) throw new Error(`${op.name} is implemented twice`);
        svc.handlers.set(op.name, op);
      }
      for (const [kind, run] of Object.entries(area.tasks ?? {})) {
        this.scheduler.define(kind, (task: Task, t) => run(task, this.context(t.account, t.region, t.now)));
      }
      for (const [kind, prepare] of Object.entries(area.prepare ?? {})) {
        this.scheduler.definePrepare(kind, (task: Task, t) => prepare(task, this.context(t.account, t.region, t.now)));
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
  onReset(hook: ResetHook): void {
    this.resetHooks.push(hook);
  }

  /** Clears all state, or one account and/or region. The clock keeps its time and mode. */
  reset(scope?: ResetScope): void {
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

  /**
   * The snapshot as JSON text in pieces (the envelope, then each region's state, then the rest), so a
   * large state is never one string: what GET /_emulator/state streams. Equal, once joined, to
   * JSON.stringify(snapshot()).
   */
  *snapshotJson(): Generator<string> {
    const { store, ...envelope } = this.snapshot({ copy: false });
    const { regions, ...rest } = store;
    const head = JSON.stringify(envelope);
    yield `${head.slice(0, -1)},"store":{"regions":{`;
    let first = true;
    for (const key of Object.keys(regions)) {
      yield `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(regions[key])}`;
      first = false;
    }
    yield `},${JSON.stringify(rest).slice(1)}}`;
  }

  /** Replaces all state with a snapshot; refuses (and changes nothing) when it is not a valid one. */
  restore(snapshot: unknown): void {
    const s = checkSnapshot(snapshot);
    this._store.replace(structuredClone(s.store));
    this.clock.restore(s.clock);
    this.scheduler.rebuild();
    for (const h of this.resetHooks) h(undefined, 'restore');
  }

  // ─────────────── sharing the event loop (the HTTP server; see Scheduler.runDueAsync) ───────────────

  private tail: Promise<unknown> = Promise.resolve();
  private holders = 0;
  private wakeQueued = false;

  /**
   * Runs `work` alone: after every earlier piece of exclusive work has finished, and before any later
   * one starts. Sliced scheduler runs hold it across their turns of the event loop, so requests see
   * the state between requests, never between two tasks.
   */
  exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    this.holders++;
    const run = this.tail.then(work).finally(() => {
      this.holders--;
    });
    this.tail = run.catch(() => {});
    return run;
  }

  /**
   * Runs a request at `now`: at once (synchronously) when nothing holds the state and nothing is due;
   * otherwise once the lock is free and what is due has run in slices. Requests come through here
   * (an auto clock first jumps through the work due soon); so does what a Session Manager data
   * channel receives (`jump: false`: input is not a request, and moves no clock), in the order it
   * arrives.
   */
  serve<T>(handle: (now: number) => T, opts: { jump?: boolean } = {}): T | Promise<T> {
    const jump = opts.jump ?? true;
    const now = this.clock.now();
    if (this.holders === 0 && !this.scheduler.dueBy(now)) {
      if (jump) this.autoJump();
      return handle(this.clock.now());
    }
    return this.exclusive(async () => {
      await this.scheduler.runDueAsync(this.clock.now());
      if (jump) this.autoJump();
      return handle(this.clock.now());
    });
  }

  /**
   * Runs `work` at once, for callers that cannot wait for the lock: the in-process API (index.ts),
   * whose calls answer synchronously. A sliced scheduler run that holds the lock half-way through is
   * completed first, synchronously (Scheduler.settle), so `work` sees the state between requests,
   * never between two tasks. (Nothing else holds the lock across turns of the event loop: requests,
   * control routes and data channel input run synchronously under it.)
   */
  immediate<T>(work: () => T): T {
    this.scheduler.settle();
    return work();
  }

  /** An auto clock jumps through the work due soon before a live request (see request()). */
  private autoJump(): void {
    if (this.clock.mode === 'auto') this.scheduler.runNextWithin(this.clock.now() + AUTO_HORIZON_MS);
  }

  /**
   * From now on the scheduler's timer runs due tasks in slices under the lock (what the HTTP server
   * wants: a long run of tasks never holds the event loop).
   */
  shareEventLoop(): void {
    this.scheduler.wake = () => {
      if (this.wakeQueued) return;
      this.wakeQueued = true;
      void this.exclusive(() => {
        this.wakeQueued = false;
        return this.scheduler.runDueAsync(this.clock.now());
      });
    };
  }

  /** Runs whatever is due now (called before each request in real and scaled modes). */
  catchUp(): void {
    this.scheduler.runDue(this.clock.now());
  }

  /**
   * Runs one request after the protocol layer decoded it: model validation, whatever is due up to
   * `now` (read once by the caller), the handler (or NotImplementedException), and the response
   * check in tests. The protocol layers (JSON RPC, REST-JSON), persistence replay and the in-process
   * API all come through here. A request whose operation can change state is journaled (under
   * --data-dir) whether it succeeds or fails: replay reproduces exactly what it did. Calls the
   * handler makes through invoke() are part of it and are not journaled again.
   */
  request(service: ServiceId, operation: string, input: Record<string, unknown>, caller: Caller, at?: number): unknown {
    checkRegion(caller.region);
    const handler = this.handlerFor(service, operation, input);
    // An auto clock jumps through the work due soon before a live request (a replayed one carries
    // its instant, and the jump before it was journaled as ticks and a clock change).
    if (at === undefined && this.clock.mode === 'auto') this.scheduler.runNextWithin(this.clock.now() + AUTO_HORIZON_MS);
    const now = at ?? this.clock.now();
    this.scheduler.runDue(now);
    const scopeExisted = this._store.peek(caller.account, caller.region) !== undefined;
    try {
      return this.run(service, handler, input, caller, now);
    } catch (err) {
      // A failed request leaves no trace: not even the empty region it looked in.
      if (!scopeExisted) this._store.drop(caller.account, caller.region);
      throw err;
    } finally {
      // A request made while scheduled tasks run belongs to their tick, which is journaled instead.
      if (handler.mutates && !this.scheduler.isRunning) {
        this.journal?.({ t: 'op', svc: service, op: operation, in: input, a: caller.account, r: caller.region, now });
        this.changes.bump();
      }
    }
  }

  /** See Runtime.invoke: an operation run from inside the emulator, never journaled on its own. */
  invoke(service: ServiceId, operation: string, input: Record<string, unknown>, caller: Caller, now = this.clock.now()): unknown {
    return this.run(service, this.handlerFor(service, operation, input), input, caller, now);
  }

  /** Model validation, then the operation's handler (NotImplementedException when there is none). */
  private handlerFor(service: ServiceId, operation: string, input: Record<string, unknown>): OperationHandler {
    const svc = this.services[service];
    const def = svc.operations[operation];
    if (def.input) svc.validator.validate(def.input, input);
    const handler = svc.handlers.get(operation);
    if (!handler) throw new NotImplementedException(operation, service === 'ssm' ? areaOfOperation.get(operation) : service);
    return handler;
  }

  private run(service: ServiceId, handler: OperationHandler, input: Record<string, unknown>, caller: Caller, now: number): unknown {
    const ctx = this.context(caller.account, caller.region, now, { requestId: caller.requestId, operation: handler.name, endpoint: caller.endpoint });
    const output = handler.handle(input, ctx) ?? {};
    const svc = this.services[service];
    const def = svc.operations[handler.name];
    if (this.checkResponses && def.output) {
      const problems = svc.validator.checkOutput(def.output, JSON.parse(JSON.stringify(output)));
      if (problems.length) throw new InternalServerError(`Response does not match the model: ${problems.join('; ')}`);
    }
    return output;
  }

  close(): void {
    this.scheduler.stop();
  }
}
