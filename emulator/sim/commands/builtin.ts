/**
 * The plugin simulators Run Command ships with (registered by the commands area):
 *
 *   aws:runShellScript, aws:runPowerShellScript   the sandboxed simulated shell (sim/shell), with the
 *                                                 node's Behaviors as per-command stubs
 *   aws:runDocument                               runs a nested Command document's steps (by name, or
 *                                                 one an earlier aws:downloadContent step fetched)
 *   aws:downloadContent                           sourceType SSMDocument: checks the document exists and
 *                                                 records it for aws:runDocument; other sources fail
 *                                                 honestly (no network, no S3)
 *   aws:updateSsmAgent                            bumps the node's AgentVersion when the step completes
 *
 * Every other plugin fails with a "not simulated" message until an area registers a simulator for it.
 */
import { ServiceError } from '../../core/errors.js';
import { renderExecution, resolveDocument, resolveParameters, type ParameterInput } from '../documents/index.js';
import { agentScriptPath, type FactChange, type RunScriptResult } from '../shell/index.js';
import { applyDrift } from '../fleet/drift.js';
import { runScriptFor } from './scripts.js';
import { LATEST_AGENT_VERSION, compareVersions, type FleetInstance } from '../fleet/instance.js';
import { updateNode } from '../fleet/nodes.js';
import { getInstance } from '../fleet/state.js';
import { failedToRunLine } from './output.js';
import type { CommandPluginRegistration, PluginOutcome, PluginRun, PluginSimulator } from './plugins.js';
import { decideStep, executionTimeoutSeconds, lineBehaviors, scriptLines, simulatorFor, startStep, stoppedExitCode } from './steps.js';
import { toStoredStep, type StoredStep } from './state.js';
import { COMMAND_COST_MS } from './timing.js';
import * as m from './messages.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const inputsOf = (run: PluginRun): Record<string, unknown> => (isObj(run.step.inputs) ? run.step.inputs : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

// ─────────────────────────────────────────── scripts ───────────────────────────────────────────

function runShell(run: PluginRun, timeoutMs: number): RunScriptResult {
  const powershell = run.step.action.toLowerCase() === 'aws:runpowershellscript';
  const dialect = powershell ? 'powershell' : 'sh';
  const inputs = inputsOf(run);
  return runScriptFor(run.ctx.emu, {
    dialect,
    script: scriptLines(inputs),
    node: run.facts,
    startTime: run.startTime,
    workingDirectory: typeof inputs.workingDirectory === 'string' ? inputs.workingDirectory : '',
    commandCostMs: COMMAND_COST_MS,
    scriptPath: agentScriptPath({ node: run.facts, dialect, commandId: run.commandId, pluginDir: run.pluginDir }),
    timeoutMs,
    commandStubs: lineBehaviors(run.node),
  });
}

/**
 * aws:runShellScript / aws:runPowerShellScript through the simulated shell. What the script changed
 * on its node (services, packages) reaches the fleet when the step completes (complete()), never at
 * its start: a step that is cancelled changes nothing.
 */
export const scriptSimulator: PluginSimulator = {
  start(run) {
    const r = runShell(run, run.timeoutMs);
    const data = r.changes && { drift: r.changes };
    if (r.timedOut) return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, durationMs: r.durationMs, timedOut: true, ...(data && { data }) };
    // The runscript plugin appends its failure line to the script's stderr for any non-zero exit.
    const stderr = r.exitCode !== 0 ? r.stderr + failedToRunLine(r.exitCode) : r.stderr;
    return { stdout: r.stdout, stderr, exitCode: r.exitCode, durationMs: r.durationMs, ...(data && { data }) };
  },
  complete(run, outcome) {
    const drift = (outcome.data as { drift?: FactChange[] } | undefined)?.drift;
    const node = drift && getInstance(run.ctx, run.node.InstanceId);
    if (node) applyDrift(node, drift);
  },
  cancel(run, elapsedMs) {
    // The same run stopped at the cancel instant: whatever the script wrote until then.
    const r = runShell(run, Math.max(0, Math.min(elapsedMs, run.timeoutMs)));
    return { stdout: r.stdout, stderr: r.stderr, exitCode: stoppedExitCode(run.facts), durationMs: elapsedMs };
  },
};

// ───────────────────────────────────────── downloads ──────────────────────────────────────────

function sourceInfoOf(v: unknown): Record<string, unknown> {
  if (isObj(v)) return v;
  if (typeof v === 'string') {
    try {
      const o = JSON.parse(v);
      if (isObj(o)) return o;
    } catch {
      /* not JSON */
    }
  }
  return {};
}

/** aws:downloadContent: SSM documents only (checked to exist and be readable by the account). */
export const downloadContentSimulator: PluginSimulator = {
  start(run) {
    const inputs = inputsOf(run);
    const sourceType = str(inputs.sourceType);
    if (sourceType !== 'SSMDocument') return { stdout: '', stderr: m.downloadNotSimulated(sourceType || '(no sourceType)'), exitCode: 1, durationMs: 0 };
    const info = sourceInfoOf(inputs.sourceInfo);
    const name = str(info.name);
    const version = info.version === undefined ? undefined : str(info.version);
    try {
      resolveDocument(run.ctx, { name, version }, { types: ['Command'] });
    } catch (e) {
      if (e instanceof ServiceError) return { stdout: '', stderr: m.documentDownloadFailed(name, e.message), exitCode: 1, durationMs: 1000 };
      throw e;
    }
    const dest = str(inputs.destinationPath) || `${run.pluginDir.split('/')[0]}/downloads`;
    const downloads = ((run.data.downloads as Record<string, unknown>) ??= {}) as Record<string, { name: string; version?: string }>;
    downloads[dest] = { name, ...(version !== undefined && { version }) };
    run.data.lastDownload = dest;
    return { stdout: m.contentDownloaded(dest), stderr: '', exitCode: 0, durationMs: 1000 };
  },
};

// ───────────────────────────────────────── runDocument ─────────────────────────────────────────

interface NestedStep {
  step: StoredStep;
  index: number;
  startTime: number;
  timeoutMs: number;
  outcome: PluginOutcome;
  decision: 'execute' | 'skip' | 'fail';
}
interface NestedData {
  document: string;
  schemaVersion: string;
  steps: NestedStep[];
}

function nestedRun(run: PluginRun, doc: { name: string; schemaVersion: string }, n: Pick<NestedStep, 'step' | 'index' | 'startTime' | 'timeoutMs'>, ctx = run.ctx): PluginRun {
  return {
    ...run,
    ctx,
    documentName: doc.name,
    schemaVersion: doc.schemaVersion,
    step: n.step,
    stepIndex: n.index,
    startTime: n.startTime,
    timeoutMs: n.timeoutMs,
    pluginDir: `${run.pluginDir}/${n.step.name.replace(/:/g, '')}`,
  };
}

/** aws:runDocument: the nested document's steps one after another, inside this step's time budget. */
export const runDocumentSimulator: PluginSimulator = {
  start(run) {
    const inputs = inputsOf(run);
    const type = str(inputs.documentType) || 'SSMDocument';
    const path = inputs.documentPath;
    const downloads = (run.data.downloads ?? {}) as Record<string, { name: string; version?: string }>;
    let ref: { name: string; version?: string } | undefined;
    if (isObj(path) && typeof path.name === 'string') ref = { name: path.name, ...(typeof path.version === 'string' && { version: path.version }) };
    else if (type === 'SSMDocument' && typeof path === 'string' && path) ref = { name: path };
    else if (typeof path === 'string' && downloads[path]) ref = downloads[path];
    else if (type === 'LocalPath' && !path && typeof run.data.lastDownload === 'string') ref = downloads[run.data.lastDownload];
    if (!ref) return { stdout: '', stderr: m.runDocumentNotFound(str(path) || '(none)'), exitCode: 1, durationMs: 0 };

    let steps: StoredStep[];
    let schemaVersion: string;
    try {
      const doc = resolveDocument(run.ctx, ref, { types: ['Command'] });
      const params = isObj(inputs.documentParameters) ? inputs.documentParameters : sourceInfoOf(inputs.documentParameters);
      const exec = renderExecution(run.ctx, doc, resolveParameters(doc, params as Record<string, ParameterInput>));
      schemaVersion = doc.schemaVersion ?? '2.2';
      steps = exec.steps.map(toStoredStep);
    } catch (e) {
      if (e instanceof ServiceError) return { stdout: '', stderr: m.runDocumentInvalid(ref.name, e.message), exitCode: 1, durationMs: 0 };
      throw e;
    }

    const nested: NestedData = { document: ref.name, schemaVersion, steps: [] };
    const outs: string[] = [];
    const errs: string[] = [];
    let elapsed = 0;
    let exitCode = 0;
    let status: 'Success' | 'Failed' | 'TimedOut' = 'Success';
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      const remaining = run.timeoutMs - elapsed;
      const n = { step, index: i, startTime: run.startTime + elapsed, timeoutMs: Math.min(executionTimeoutSeconds(step) * 1000, remaining) };
      const d = decideStep(schemaVersion, step, run.node.PlatformType);
      let outcome: PluginOutcome;
      if (d.kind === 'skip') outcome = { stdout: d.message, stderr: '', exitCode: 0, durationMs: 0 };
      else if (d.kind === 'fail') outcome = { stdout: '', stderr: d.message, exitCode: 1, durationMs: 0, status: 'Failed' };
      else outcome = startStep(nestedRun(run, { name: ref.name, schemaVersion }, n));
      nested.steps.push({ ...n, outcome, decision: d.kind });
      elapsed += outcome.durationMs;
      if (outcome.stdout) outs.push(outcome.stdout);
      if (outcome.stderr) errs.push(outcome.stderr);
      const st = outcome.status ?? (outcome.timedOut ? 'TimedOut' : outcome.exitCode === 0 ? 'Success' : 'Failed');
      if (st !== 'Success' && status === 'Success') {
        status = st;
        exitCode = outcome.exitCode || 1;
      }
      if (st === 'TimedOut') break;
    }
    return { stdout: outs.join('\n'), stderr: errs.join('\n'), exitCode, durationMs: elapsed, status, ...(status === 'TimedOut' && { timedOut: true }), data: nested };
  },
  complete(run, outcome) {
    const nested = outcome.data as NestedData | undefined;
    if (!nested) return;
    for (const n of nested.steps) {
      if (n.decision !== 'execute') continue;
      const r = nestedRun(run, { name: nested.document, schemaVersion: nested.schemaVersion }, n);
      simulatorFor(r).simulator?.complete?.(r, n.outcome);
    }
  },
};

// ─────────────────────────────────────── updateSsmAgent ───────────────────────────────────────

/** aws:updateSsmAgent: the node's AgentVersion becomes the target (latest by default) when the step completes. */
export const updateSsmAgentSimulator: PluginSimulator = {
  start(run) {
    const inputs = inputsOf(run);
    const agent = str(inputs.agentName) || 'amazon-ssm-agent';
    const from = run.node.AgentVersion;
    const to = str(inputs.targetVersion) || LATEST_AGENT_VERSION;
    if (compareVersions(to, from) === 0) return { stdout: m.agentAlreadyInstalled(agent, from), stderr: '', exitCode: 0, durationMs: 5000 };
    if (compareVersions(to, from) < 0 && str(inputs.allowDowngrade).toLowerCase() !== 'true') {
      return { stdout: '', stderr: m.agentDowngradeRefused(agent, from, to), exitCode: 1, durationMs: 5000 };
    }
    return { stdout: m.agentUpdateLines(agent, from, to, run.ctx.region).join('\n'), stderr: '', exitCode: 0, durationMs: 60_000, data: { to } };
  },
  complete(run, outcome) {
    const to = (outcome.data as { to?: string } | undefined)?.to;
    if (!to) return;
    const node: FleetInstance | undefined = getInstance(run.ctx, run.node.InstanceId);
    if (node) updateNode(run.ctx, node, { AgentVersion: to });
  },
};

/** What the commands area registers. */
export const BUILTIN_PLUGINS: readonly CommandPluginRegistration[] = [
  { plugin: 'aws:runShellScript', simulator: scriptSimulator },
  { plugin: 'aws:runPowerShellScript', simulator: scriptSimulator },
  { plugin: 'aws:runDocument', simulator: runDocumentSimulator },
  { plugin: 'aws:downloadContent', simulator: downloadContentSimulator },
  { plugin: 'aws:updateSsmAgent', simulator: updateSsmAgentSimulator },
];
