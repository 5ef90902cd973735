/**
 * defineOperation(): how an area declares one AWS operation. The handler gets the validated input and
 * a context, mutates state synchronously, and returns the output object (wire member names, epoch
 * seconds for timestamps, nothing undefined that should be absent is ever null).
 *
 * `mutates` says whether the operation can change state, so that persistence journals it (and only
 * it): by default every operation but Get*, Describe*, List* and Search*; an operation whose name
 * reads but which writes (GetDeployablePatchSnapshotForInstance records a snapshot, GetAccessToken
 * consumes a request) declares `{ mutates: true }`.
 */
import type { OperationName, OperationTypes } from '../generated/ssm/operations.js';
import type {
  OperationName as RgOperationName,
  OperationTypes as RgOperationTypes,
} from '../generated/resource-groups/operations.js';
import type {
  OperationName as SmOperationName,
  OperationTypes as SmOperationTypes,
} from '../generated/secretsmanager/operations.js';
import type { Ctx } from './context.js';
import type { Task } from '../time/scheduler.js';
import type { Runtime } from './runtime.js';
import type { ControlRoute } from './control.js';
import type { RestApi, UpgradeRoute } from './http.js';
import type { PortBinding } from './ports.js';

export type ServiceId = 'ssm' | 'resource-groups' | 'secretsmanager';

export interface OperationHandler {
  readonly service: ServiceId;
  readonly name: string;
  readonly handle: (input: any, ctx: Ctx) => unknown;
  /** Whether the operation can change state (journaled under --data-dir). */
  readonly mutates: boolean;
}

export interface OperationOptions {
  /** Default: false for Get*, Describe*, List* and Search*; true otherwise. */
  mutates?: boolean;
}

const READ_NAME = /^(Get|Describe|List|Search)[A-Z]/;
const mutatesByDefault = (name: string) => !READ_NAME.test(name);

export function defineOperation<N extends OperationName>(
  name: N,
  handle: (input: OperationTypes[N]['input'], ctx: Ctx) => OperationTypes[N]['output'],
  options: OperationOptions = {},
): OperationHandler {
  return { service: 'ssm', name, handle, mutates: options.mutates ?? mutatesByDefault(name) };
}

export function defineRgOperation<N extends RgOperationName>(
  name: N,
  handle: (input: RgOperationTypes[N]['input'], ctx: Ctx) => RgOperationTypes[N]['output'],
  options: OperationOptions = {},
): OperationHandler {
  return { service: 'resource-groups', name, handle, mutates: options.mutates ?? mutatesByDefault(name) };
}

export function defineSmOperation<N extends SmOperationName>(
  name: N,
  handle: (input: SmOperationTypes[N]['input'], ctx: Ctx) => SmOperationTypes[N]['output'],
  options: OperationOptions = {},
): OperationHandler {
  return { service: 'secretsmanager', name, handle, mutates: options.mutates ?? mutatesByDefault(name) };
}

/** A capability area (services/<area>/index.ts): its operations, task kinds and start-up hook. */
export interface Area {
  readonly name: string;
  readonly operations?: readonly OperationHandler[];
  /** Scheduler task kinds this area runs; names are prefixed by convention: "parameters.expire". */
  readonly tasks?: Readonly<Record<string, (task: Task<any>, ctx: Ctx) => void>>;
  /**
   * For task kinds whose run can be expensive (a script step): work computed ahead, off the event
   * loop, without changing state (time/scheduler.ts TaskPreparer; sim/commands/scripts.ts).
   */
  readonly prepare?: Readonly<Record<string, (task: Task<any>, ctx: Ctx) => Promise<void> | undefined>>;
  /** Runs once when an emulator is created (load fixtures, subscribe to fleet changes). */
  readonly init?: (runtime: Runtime) => void;
  /**
   * What this area plugs into other capabilities' ports (core/ports.ts): taggable resource types
   * (sim/tags), document plugin simulators (sim/commands), resource-group membership (sim/fleet), ...
   */
  readonly provides?: readonly PortBinding<any>[];
  /** Routes under /_emulator (simulation controls: fleet, ...), declared with their schemas (core/control.ts). */
  readonly controlRoutes?: readonly ControlRoute[];
  /** An AWS REST-JSON API on the emulator's port (Resource Groups), its routes as data (core/http.ts). */
  readonly restApi?: RestApi;
  /** WebSocket endpoints on the emulator's port (core/http.ts). */
  readonly upgrades?: readonly UpgradeRoute[];
}
