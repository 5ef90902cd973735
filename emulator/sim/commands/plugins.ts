/**
 * The plugin-simulator registry: how a Command document step (aws:runShellScript, aws:softwareInventory,
 * aws:configurePackage, ...) is simulated on a node. The Run Command engine owns the lifecycle (delivery,
 * rate control, timeouts, cancellation, statuses, output truncation, events); a simulator only says
 * what one step does on one node and how long it takes.
 *
 * Capability areas contribute simulators through the commandPlugins port (core/ports.ts), in their Area's
 * `provides` list:
 *
 *   export const inventoryArea: Area = {
 *     name: 'inventory',
 *     provides: [commandPlugins.provide({ plugin: 'aws:softwareInventory', simulator: softwareInventorySimulator })],
 *     ...
 *   };
 *
 * Lookup for a step of document D with action A (case-insensitive, as the agent matches plugins):
 *   1. a registration for A whose `documents` lists D (patching can claim the aws:runShellScript steps
 *      of AWS-RunPatchBaseline without touching anybody else's scripts);
 *   2. a registration for A without `documents` (the last area listed wins);
 *   3. none: the step fails with an honest "not simulated" message (never a fake success).
 * Fixture Behaviors of the node still come first for the two script plugins (see engine.ts).
 *
 * A simulator is called twice:
 *   start(run)             at the step's start instant: returns the outcome (stdout, stderr, exit code,
 *                          virtual duration, optional JSON data). Pure with respect to state: nothing
 *                          may change yet, because the step has not finished (it can be cancelled, or
 *                          the command can expire while it runs).
 *   complete(run, outcome) at the step's end instant, only if the step ran to its end and the agent
 *                          reported it: apply side effects (bump AgentVersion, record inventory,
 *                          install a package) and optionally return an amended outcome.
 * and optionally cancel(run, elapsedMs) when CancelCommand stops the step part-way (the output
 * written until then; default: nothing).
 * The outcome's status defaults to Success for exit code 0, TimedOut when `timedOut`, else Failed.
 * Durations never exceed run.timeoutMs: a simulator that would run longer returns timedOut.
 */
import type { Ctx } from '../../core/context.js';
import type { Runtime } from '../../core/runtime.js';
import { definePort } from '../../core/ports.js';
import type { FleetInstance } from '../fleet/instance.js';
import type { NodeFacts } from '../shell/index.js';
import type { StoredStep } from './state.js';

export interface PluginRun {
  /** A context at the instant of the call (the step's start, or its end for complete()). */
  ctx: Ctx;
  /**
   * The kind of run host the step runs for (runner.ts): COMMAND_HOST for a Run Command command, the
   * host's own kind otherwise (a State Manager association). Some plugins care: the agent runs
   * aws:softwareInventory only for an association.
   */
  host: string;
  commandId: string;
  /** The document that runs (for a nested aws:runDocument step: the nested document). */
  documentName: string;
  schemaVersion: string;
  /** The step with its inputs rendered (parameters and {{ssm:...}} references substituted). */
  step: StoredStep;
  /** Index of the step in its document. */
  stepIndex: number;
  node: FleetInstance;
  /** The node as the simulated shell sees it. */
  facts: NodeFacts;
  /** Epoch ms at which the step starts. */
  startTime: number;
  /** The step's execution timeout in ms. */
  timeoutMs: number;
  /** JSON scratch shared by the steps of this invocation (may be written in start()). */
  data: Record<string, unknown>;
  /** The agent's orchestration directory of this step (used in paths and messages). */
  pluginDir: string;
}

export interface PluginOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Virtual milliseconds the step takes. */
  durationMs: number;
  timedOut?: boolean;
  status?: 'Success' | 'Failed' | 'TimedOut';
  /** JSON data handed back to complete(). */
  data?: unknown;
}

export interface PluginSimulator {
  start(run: PluginRun): PluginOutcome;
  complete?(run: PluginRun, outcome: PluginOutcome): PluginOutcome | void;
  cancel?(run: PluginRun, elapsedMs: number): PluginOutcome;
}

export interface CommandPluginRegistration {
  /** The plugin (action) name, e.g. aws:softwareInventory. Matched case-insensitively. */
  plugin: string;
  /** Only for steps of these documents (by name); takes precedence over registrations without it. */
  documents?: readonly string[];
  simulator: PluginSimulator;
}

interface Index {
  specific: Map<string, PluginSimulator>;
  generic: Map<string, PluginSimulator>;
}
/** The port areas plug their simulators into: `provides: [commandPlugins.provide({...})]`. */
export const commandPlugins = definePort<CommandPluginRegistration>('commands.plugins');

const indexes = new WeakMap<Runtime, Index>();

function indexOf(emu: Runtime): Index {
  let ix = indexes.get(emu);
  if (!ix) {
    ix = { specific: new Map(), generic: new Map() };
    for (const r of emu.ports.all(commandPlugins)) {
      const p = r.plugin.toLowerCase();
      if (r.documents?.length) for (const d of r.documents) ix.specific.set(`${d}\u0000${p}`, r.simulator);
      else ix.generic.set(p, r.simulator);
    }
    indexes.set(emu, ix);
  }
  return ix;
}

/** The simulator for a step of a document, or undefined when no area simulates the plugin. */
export function findSimulator(emu: Runtime, documentName: string, action: string): PluginSimulator | undefined {
  const ix = indexOf(emu);
  const p = action.toLowerCase();
  return ix.specific.get(`${documentName}\u0000${p}`) ?? ix.generic.get(p);
}

/** The status an outcome reports. */
export function outcomeStatus(o: PluginOutcome): 'Success' | 'Failed' | 'TimedOut' {
  return o.status ?? (o.timedOut ? 'TimedOut' : o.exitCode === 0 ? 'Success' : 'Failed');
}
