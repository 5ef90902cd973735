/**
 * Runtime: what capability code (handlers, engines, scheduled tasks, area start-up) sees of an
 * emulator. emulator.ts implements it; core/, sim/ and services/ depend on this interface only, so
 * no module below the composition root imports emulator.ts (which imports every area).
 */
import type { Clock } from '../time/clock.js';
import type { Scheduler } from '../time/scheduler.js';
import type { Store } from '../state/store.js';
import type { Ids } from './ids.js';
import type { Events } from './events.js';
import type { Logger } from './log.js';
import type { Ctx, Endpoint } from './context.js';
import type { Area, ServiceId } from './operation.js';
import type { PortRegistry } from './ports.js';

export interface Caller {
  account: string;
  region: string;
  requestId?: string;
  /** Where the client reached the emulator (requests only): Ctx.endpoint. */
  endpoint?: Endpoint;
}

export type ResetScope = { account?: string; region?: string } | undefined;
export type ResetHook = (scope: ResetScope, reason: 'reset' | 'restore') => void;

export interface Limits {
  /** The command history's caps per account and Region (sim/commands/timing.ts): past one, the oldest finished commands are dropped. */
  maxCommands: number;
  maxInvocations: number;
  maxOutputChars: number;
  /** Automation executions kept per account and Region (sim/automation/engine.ts MAX_AUTOMATION_EXECUTIONS). */
  maxAutomationExecutions: number;
}

export interface Runtime {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly ids: Ids;
  readonly events: Events;
  readonly log: Logger;
  readonly store: Store;
  readonly areas: readonly Area[];
  /** What the areas provide to each other (core/ports.ts). */
  readonly ports: PortRegistry;
  /** Size bounds the emulator keeps to (EmulatorOptions.limits). */
  readonly limits: Limits;
  /** The fleet fixture loaded at start and after each reset (EmulatorOptions.fleet). */
  readonly fleet: string | Record<string, unknown> | null;
  /** A folder of patch catalogs that add to or replace the built-in ones (EmulatorOptions.patchCatalogs). */
  readonly patchCatalogs: string | null;
  /** The Secrets Manager fixture loaded at start and after each reset (EmulatorOptions.secrets). */
  readonly secrets: string | Record<string, unknown> | null;
  /** A context for one account and region at an instant (defaults to the clock's now). */
  context(account: string, region: string, now?: number, extra?: { requestId?: string; operation?: string; endpoint?: Endpoint }): Ctx;
  /** Runs whatever scheduled work is due now (real and scaled clocks; a no-op when frozen and idle). */
  catchUp(): void;
  /**
   * Runs `handle` on the state between requests: at once when nothing holds the emulator's lock and
   * nothing is due, otherwise after what holds it and what is due (a sliced scheduler run), in call
   * order. `jump: false` for what is not a request (data channel input): an auto clock does not
   * jump for it.
   */
  serve<T>(handle: (now: number) => T, opts?: { jump?: boolean }): T | Promise<T>;
  /**
   * Under --data-dir: writes a checkpoint. For state changes that are not requests and so are not
   * journaled (a Session Manager data channel connecting or ending); undefined without persistence.
   */
  readonly checkpoint?: (() => Promise<void>) | undefined;
  /** Areas with derived caches outside the store drop them on reset/restore. */
  onReset(hook: ResetHook): void;
  /**
   * Runs an operation from inside the emulator (a scheduled task, an Automation step calling
   * aws:executeAwsApi, a maintenance-window task): model validation, the handler, the response check
   * in tests. It is never journaled on its own: the request or scheduler tick that caused it is, and
   * replaying that replays this call (see state/persistence.ts).
   */
  invoke(service: ServiceId, operation: string, input: Record<string, unknown>, caller: Caller, now?: number): unknown;
}
