/**
 * The Run Command plugin simulators of Patch Manager's documents: the aws:runShellScript and
 * aws:runPowerShellScript steps of AWS-RunPatchBaseline and AWS-RunPatchBaselineAssociation, and the
 * aws:runPowerShellScript step of the legacy AWS-ApplyPatchBaseline (Windows, always RebootIfNeeded).
 * The patching area claims those steps through the commandPlugins port (`documents: [...]`), so every
 * other script still runs in the simulated shell; a node's fixture Behaviors still answer first.
 *
 * The documents' scripts (fixtures/documents) are the emulator's stand-ins for AWS's: they pass every
 * document parameter to the patching module on one line (`--operation 'Scan'`, `-Operation 'Scan'`,
 * `$operation = 'Scan'`), which is where the simulator reads the parameters of the run: the same for a
 * Run Command invocation, a State Manager association or a maintenance-window task.
 */
import type { PluginOutcome, PluginRun, PluginSimulator } from '../commands/plugins.js';
import { getInstance } from '../fleet/state.js';
import { cancelReboot, finishOperation, planOperation, scheduleReboot, type OperationParams, type PlanData } from './operation.js';

/** The value of a parameter in the stand-in scripts: `--flag 'v'`, `-Flag 'v'` or `$var = 'v'`. */
function arg(script: string, ...names: string[]): string | undefined {
  for (const n of names) {
    for (let at = script.indexOf(n); at >= 0; at = script.indexOf(n, at + 1)) {
      if (at > 0 && !/\s/.test(script[at - 1])) continue;
      let i = at + n.length;
      while (script[i] === ' ' || script[i] === '\t' || script[i] === '=') i++;
      if (i === at + n.length || script[i] !== "'") continue;
      const end = script.indexOf("'", i + 1);
      if (end > i) return script.slice(i + 1, end);
    }
  }
  return undefined;
}

/** The BaselineTags StringList as the script renders it: its entries joined with commas ("Key=a,Values=b,Key=c,Values=d"). */
const tagsOf = (raw: string | undefined): string[] | undefined => raw?.split(/,(?=Key=)/).filter((x) => x.length);

export function parametersOf(run: PluginRun): OperationParams {
  const inputs = (run.step.inputs ?? {}) as { runCommand?: unknown };
  const script = Array.isArray(inputs.runCommand) ? inputs.runCommand.map(String).join('\n') : String(inputs.runCommand ?? '');
  const operation = arg(script, '--operation', '-Operation', '$operation') === 'Install' ? 'Install' : 'Scan';
  const reboot = arg(script, '--reboot-option', '-RebootOption');
  const tags = tagsOf(arg(script, '--baseline-tags', '-BaselineTags'));
  const association = arg(script, '--association-id', '-AssociationId');
  return {
    Operation: operation,
    SnapshotId: arg(script, '--snapshot-id', '-SnapshotId', '$snapshotId') ?? '',
    InstallOverrideList: arg(script, '--install-override-list', '-InstallOverrideList') ?? '',
    BaselineOverride: arg(script, '--baseline-override', '-BaselineOverride') ?? '',
    RebootOption: reboot === 'NoReboot' ? 'NoReboot' : 'RebootIfNeeded',
    ...(tags?.length && { BaselineTags: tags }),
    ...(association && { AssociationId: association }),
  };
}

export const patchBaselineSimulator: PluginSimulator = {
  start(run): PluginOutcome {
    const plan = planOperation(run.ctx, run.node, parametersOf(run), run.timeoutMs);
    if (!plan.ok) return { stdout: '', stderr: `${plan.message}\n`, exitCode: 1, durationMs: 1_000 };
    if (plan.data.reboot) scheduleReboot(run.ctx, run.node, plan.data);
    const failures = plan.data.fail.length;
    return {
      stdout: plan.stdout,
      stderr: failures ? `${failures} patch(es) failed to install.\n` : '',
      exitCode: plan.timedOut ? 1 : failures ? 1 : 0,
      durationMs: plan.durationMs,
      ...(plan.timedOut && { timedOut: true }),
      data: plan.data,
    };
  },
  complete(run, outcome) {
    const data = outcome.data as PlanData | undefined;
    const node = getInstance(run.ctx, run.node.InstanceId);
    if (data && node) finishOperation(run.ctx, node, data, run.startTime);
  },
  cancel(run, elapsedMs) {
    cancelReboot(run.ctx, run.node.InstanceId);
    return { stdout: '', stderr: '', exitCode: 1, durationMs: elapsedMs };
  },
};

/** The documents whose steps the simulator takes over. */
export const PATCH_DOCUMENTS = ['AWS-RunPatchBaseline', 'AWS-RunPatchBaselineAssociation'] as const;
export const LEGACY_PATCH_DOCUMENT = 'AWS-ApplyPatchBaseline';
