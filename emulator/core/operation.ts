/**
 * defineOperation(): how an area declares one AWS operation. The handler gets the validated input and
 * a context, mutates state synchronously, and returns the output object (wire member names, epoch
 * seconds for timestamps, nothing undefined that should be absent is ever null).
 */
import type { OperationName, OperationTypes } from '../generated/ssm/operations.js';
import type {
  OperationName as RgOperationName,
  OperationTypes as RgOperationTypes,
} from '../generated/resource-groups/operations.js';
import type { Ctx } from './context.js';
import type { Task } from '../time/scheduler.js';
import type { Emulator } from '../emulator.js';
import type { ControlRoute } from './control.js';
import type { RestApi, UpgradeRoute } from './http.js';
import type { TaggableType } from '../sim/tags/registry.js';
import type { CommandPluginRegistration } from '../sim/commands/plugins.js';

export type ServiceId = 'ssm' | 'resource-groups';

export interface OperationHandler {
  readonly service: ServiceId;
  readonly name: string;
  readonly handle: (input: any, ctx: Ctx) => unknown;
}

export function defineOperation<N extends OperationName>(
  name: N,
  handle: (input: OperationTypes[N]['input'], ctx: Ctx) => OperationTypes[N]['output'],
): OperationHandler {
  return { service: 'ssm', name, handle };
}

export function defineRgOperation<N extends RgOperationName>(
  name: N,
  handle: (input: RgOperationTypes[N]['input'], ctx: Ctx) => RgOperationTypes[N]['output'],
): OperationHandler {
  return { service: 'resource-groups', name, handle };
}

/** A capability area (services/<area>/index.ts): its operations, task kinds and start-up hook. */
export interface Area {
  readonly name: string;
  readonly operations?: readonly OperationHandler[];
  /** Scheduler task kinds this area runs; names are prefixed by convention: "parameters.expire". */
  readonly tasks?: Readonly<Record<string, (task: Task<any>, ctx: Ctx) => void>>;
  /** Runs once when an emulator is created (load fixtures, register resolvers). */
  readonly init?: (emu: Emulator) => void;
  /** Resource types of this area that carry tags (see services/tagging/registry.ts). */
  readonly taggable?: readonly TaggableType[];
  /** Routes under /_emulator (simulation controls: fleet, ...), declared with their schemas (core/control.ts). */
  readonly controlRoutes?: readonly ControlRoute[];
  /** An AWS REST-JSON API on the emulator's port (Resource Groups), its routes as data (core/http.ts). */
  readonly restApi?: RestApi;
  /** WebSocket endpoints on the emulator's port (core/http.ts). */
  readonly upgrades?: readonly UpgradeRoute[];
  /**
   * Simulators of Command document plugins this area provides (aws:softwareInventory,
   * aws:configurePackage, ...), run by the Run Command engine (see sim/commands/plugins.ts).
   */
  readonly plugins?: readonly CommandPluginRegistration[];
}
