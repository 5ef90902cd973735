/**
 * One step of a Command document on one node: whether the agent runs, skips or fails it on the node's
 * platform, its execution timeout, and its simulated outcome (fixture Behaviors first for the script
 * plugins, then the plugin-simulator registry, else an honest "not simulated" failure).
 *
 * The skip / fail rules and their messages are the agent's (amazon-ssm-agent basicexecuter
 * getStepExecutionOperation): schema 2.2 documents skip a step whose precondition does not match the
 * node's platform or whose plugin does not run there ("Step execution skipped due to incompatible
 * platform. Step name: X", reported as a successful step); older schemas fail such a step ("Plugin with
 * name X is not supported in current platform. Step name: Y").
 */
import type { PlatformType } from '../../generated/ssm/types.js';
import type { CommandBehavior, FleetInstance } from '../fleet/instance.js';
import { compileUserRegex, type UserRegex } from '../../core/regex.js';
import type { NodeFacts } from '../shell/index.js';
import { stepApplies } from '../documents/index.js';
import { failedToRunLine } from './output.js';
import { findSimulator, type PluginOutcome, type PluginRun, type PluginSimulator } from './plugins.js';
import type { StoredStep } from './state.js';
import {
  DEFAULT_EXECUTION_TIMEOUT_SECONDS,
  MAX_EXECUTION_TIMEOUT_SECONDS,
  MIN_EXECUTION_TIMEOUT_SECONDS,
} from './timing.js';
import * as m from './messages.js';

export type StepDecision = { kind: 'execute' } | { kind: 'skip'; message: string } | { kind: 'fail'; message: string };

/** Whether the agent runs, skips or fails a step on a platform. */
export function decideStep(schemaVersion: string, step: StoredStep, platform: PlatformType): StepDecision {
  const supported = step.platforms.length === 0 || step.platforms.includes(platform);
  if (schemaVersion === '2.2') {
    return stepApplies(step, platform) ? { kind: 'execute' } : { kind: 'skip', message: m.stepSkipped(step.name) };
  }
  return supported ? { kind: 'execute' } : { kind: 'fail', message: m.pluginNotSupported(step.action, step.id ?? step.name) };
}

/**
 * The agent's ValidateExecutionTimeout: a step's timeoutSeconds (number or numeric text), 3600 when it
 * is missing, not a number, or outside 5..172800.
 */
export function executionTimeoutSeconds(step: Pick<StoredStep, 'inputs'>): number {
  const inputs = step.inputs as Record<string, unknown> | undefined;
  const raw = inputs && typeof inputs === 'object' ? inputs.timeoutSeconds : undefined;
  const n = typeof raw === 'number' ? Math.trunc(raw) : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw.trim()) : NaN;
  return Number.isFinite(n) && n >= MIN_EXECUTION_TIMEOUT_SECONDS && n <= MAX_EXECUTION_TIMEOUT_SECONDS ? n : DEFAULT_EXECUTION_TIMEOUT_SECONDS;
}

const SCRIPT_PLUGINS = new Set(['aws:runshellscript', 'aws:runpowershellscript']);
export const isScriptPlugin = (action: string) => SCRIPT_PLUGINS.has(action.toLowerCase());

/** The lines of a script plugin's runCommand (a StringList, or one String). */
export function scriptLines(inputs: unknown): string[] {
  const rc = inputs && typeof inputs === 'object' ? (inputs as Record<string, unknown>).runCommand : undefined;
  if (Array.isArray(rc)) return rc.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  if (typeof rc === 'string') return [rc];
  return [];
}

/** Compiled behaviour patterns, per behaviour record (JavaScript syntax on the linear-time engine: fixtures are untrusted too). */
const compiled = new WeakMap<CommandBehavior, UserRegex | null>();
function patternOf(b: CommandBehavior): UserRegex | null {
  let re = compiled.get(b);
  if (re === undefined) {
    try {
      re = compileUserRegex(b.Match, { dialect: 'ecma' });
    } catch {
      re = null; // a pattern the matcher cannot compile never matches
    }
    compiled.set(b, re);
  }
  return re;
}

/**
 * The node's first `Scope: script` behaviour whose Match fits the whole script (the commands joined
 * by newlines). Line behaviours (the default) answer single command lines inside the shell instead,
 * so a script that merely mentions a command still runs.
 */
export function matchBehavior(node: FleetInstance, lines: readonly string[]): CommandBehavior | undefined {
  if (!node.Behaviors?.length) return undefined;
  const text = lines.join('\n');
  return node.Behaviors.find((b) => b.Scope === 'script' && patternOf(b)?.test(text));
}

/** The node's line behaviours, as the shell's per-command stubs. */
export function lineBehaviors(node: FleetInstance): CommandBehavior[] {
  return (node.Behaviors ?? []).filter((b) => b.Scope !== 'script');
}

/** The exit code the agent reports for a process it stopped (timeout or cancel). */
export const stoppedExitCode = (facts: NodeFacts) => (facts.PlatformType === 'Windows' ? -1 : 137);

/** A behaviour's canned answer as a script outcome (with the agent's failure line for a non-zero exit). */
export function behaviorOutcome(b: CommandBehavior, run: PluginRun): PluginOutcome {
  const wanted = Math.max(0, (b.DurationSeconds ?? 0) * 1000);
  if (wanted > run.timeoutMs) {
    return { stdout: b.Stdout ?? '', stderr: b.Stderr ?? '', exitCode: stoppedExitCode(run.facts), durationMs: run.timeoutMs, timedOut: true };
  }
  const exitCode = b.ExitCode ?? 0;
  const stderr = (b.Stderr ?? '') + (exitCode !== 0 ? failedToRunLine(exitCode) : '');
  return { stdout: b.Stdout ?? '', stderr, exitCode, durationMs: wanted };
}

/** A step whose plugin no area simulates: a failure that says so. */
export function notSimulatedOutcome(step: StoredStep): PluginOutcome {
  return { stdout: '', stderr: m.notSimulated(step.action, step.name), exitCode: 1, durationMs: 0, status: 'Failed' };
}

/** Where a step's outcome comes from, so complete() and cancel() reach the same simulator. */
export function simulatorFor(run: PluginRun): { simulator?: PluginSimulator; behavior?: CommandBehavior } {
  if (isScriptPlugin(run.step.action)) {
    const b = matchBehavior(run.node, scriptLines(run.step.inputs));
    if (b) return { behavior: b };
  }
  return { simulator: findSimulator(run.ctx.emu, run.documentName, run.step.action) };
}

/** Simulates the start of a step: its outcome (never longer than the step's timeout). */
export function startStep(run: PluginRun): PluginOutcome {
  const { simulator, behavior } = simulatorFor(run);
  if (behavior) return behaviorOutcome(behavior, run);
  if (!simulator) return notSimulatedOutcome(run.step);
  const o = simulator.start(run);
  if (o.durationMs > run.timeoutMs) return { ...o, durationMs: run.timeoutMs, timedOut: true, exitCode: stoppedExitCode(run.facts), status: 'TimedOut' };
  return o;
}
