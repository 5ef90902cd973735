/**
 * The sandboxed simulated shell: runs the content of aws:runShellScript and aws:runPowerShellScript
 * on a simulated node, without ever starting a host process (no child_process, no host file system,
 * no network, no eval/Function). People run this emulator with untrusted scripts in their test
 * suites; a script can only read and change the simulated state of its own run.
 *
 * API
 * ---
 *   import { runScript } from './sim/shell/index.js';
 *
 *   runScript({
 *     dialect: 'sh' | 'powershell',
 *     script: string | string[],      // an array is joined as the agent writes it: "\n"-joined + "\n"
 *     node: NodeFacts,                // InstanceId, ComputerName, PlatformType/Name/Version, IPAddress,
 *                                     // AgentVersion, Region, [Architecture, KernelVersion, User, PowerShellVersion,
 *                                     // Services, Applications: what systemctl / yum / Get-Service see]
 *     startTime: number,              // virtual epoch ms at which the script starts
 *     env?: Record<string, string>,   // extra/overriding environment variables
 *     workingDirectory?: string,      // plugin workingDirectory ('' = the agent's: /usr/bin, C:\Windows\system32)
 *     files?: Record<string, string>, // extra simulated files (absolute path -> content)
 *     commandCostMs?: number,         // virtual ms per simple command (default 10)
 *     scriptPath?: string,            // default: agentScriptPath({ node, dialect })
 *     timeoutMs?: number,             // executionTimeout in ms (default 48 h): the run stops there
 *     maxSteps?: number,              // statement budget (default 100,000)
 *     commandStubs?: CommandStub[],   // { Match, Stdout?, Stderr?, ExitCode?, DurationSeconds? } per command line
 *     mergeStreams?: boolean,         // stderr into stdout in write order (one pipe or terminal)
 *   }): {
 *     stdout: string; stderr: string; exitCode: number; durationMs: number;
 *     timedOut?: boolean;                          // stopped at timeoutMs (exitCode 137, or -1 on Windows)
 *     aborted?: 'step-limit' | 'output-limit';     // stopped by a guard (exitCode 1, reason on stderr)
 *     changes?: FactChange[];                      // services started/stopped, packages installed/removed
 *   }
 *
 * An interactive shell whose state lasts from line to line (a Session Manager session) is
 * openShell() in session.ts.
 *
 * Pure and synchronous: the same input always gives the same output (time comes from startTime,
 * $$ / $RANDOM / tokens from a hash of the input). What a script changes on its node is reported in
 * `changes`, never written to the input (system.ts). It never throws for any script text.
 *
 * What the agent adds around a script (the "failed to run commands: exit status N" line in
 * StandardErrorContent, output truncation, the ResponseCode/Status mapping) belongs to the Run
 * Command engine, not here. See docs/shell.md for what each dialect understands.
 */
import { agentScriptPath, hash32, osOf, resolveFacts } from './facts.js';
import { machineOf, procFiles } from './machine.js';
import { runPowerShell } from './powershell/index.js';
import {
  Abort, DEFAULT_COMMAND_COST_MS, DEFAULT_MAX_STEPS, DEFAULT_TIMEOUT_MS, prng, Runtime,
} from './runtime.js';
import { runSh } from './sh/index.js';
import type { RunScriptInput, RunScriptResult } from './types.js';
import { Vfs } from './vfs.js';
import { SystemState } from './system.js';

export type { CommandStub, Dialect, NodeFacts, RunScriptInput, RunScriptResult } from './types.js';
export type { FactChange, PackageFact, ServiceFact } from './system.js';
export { agentScriptPath } from './facts.js';
export { openShell, type ShellSession, type ShellSessionInput, type ShellLine } from './session.js';

export function runScript(input: RunScriptInput): RunScriptResult {
  const facts = resolveFacts(input);
  const windows = facts.os === 'windows';
  const script = Array.isArray(input.script) ? input.script.join('\n') + '\n' : input.script;
  const scriptPath = input.scriptPath ?? agentScriptPath({ node: input.node, dialect: input.dialect });
  const rt = new Runtime(
    input.startTime,
    Math.max(0, input.commandCostMs ?? DEFAULT_COMMAND_COST_MS),
    Math.max(1, input.maxSteps ?? DEFAULT_MAX_STEPS),
    Math.max(0, input.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  );
  rt.mergeErr = input.mergeStreams ?? false;
  const machine = machineOf(facts, input.startTime);
  const vfs = new Vfs(windows, { ...facts.files, ...procFiles(facts, machine, input.startTime), ...(input.files ?? {}) }, facts.dirs);
  const cwd = vfs.normalize(input.workingDirectory || facts.agentCwd, vfs.root());
  // The agent only starts the script in a directory that exists; a workingDirectory the fixture
  // did not create is taken to exist.
  vfs.mkdir(cwd, true);
  // The script file itself exists, as the agent wrote it (cat "$0" works).
  const scriptAbs = vfs.normalize(scriptPath, vfs.root());
  vfs.mkdir(vfs.parent(scriptAbs), true);
  vfs.write(scriptAbs, script, false);
  const seed = hash32(`${input.node.InstanceId}|${input.startTime}|${script}`);
  const env: Record<string, string> = { ...facts.env, ...(input.env ?? {}) };
  const system = new SystemState(facts, { services: input.node.Services, packages: input.node.Applications });

  let exitCode: number;
  const result: Partial<RunScriptResult> = {};
  try {
    exitCode =
      input.dialect === 'powershell'
        ? runPowerShell({ script, facts, machine, rt, vfs, env, cwd, scriptPath, stubs: input.commandStubs ?? [], system })
        : runSh({
            script, facts, machine, rt, vfs, env, cwd, scriptPath, system,
            pid: 2000 + (seed % 30000),
            random: prng(seed),
            stubs: input.commandStubs ?? [],
          });
  } catch (e) {
    if (!(e instanceof Abort)) {
      // A defect of the simulation must not take the emulator down with it: report it as the
      // script's failure (the fuzz test asserts this never happens).
      appendErr(rt, `simulated shell internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return { stdout: rt.stdout(), stderr: rt.stderr(), exitCode: 1, durationMs: rt.elapsed, ...changesOf(system) };
    }
    if (e.kind === 'timeout') {
      result.timedOut = true;
      // amazon-ssm-agent: CommandStoppedPreemptivelyExitCode is 137 on Unix, -1 on Windows.
      exitCode = windows ? -1 : 137;
    } else {
      result.aborted = e.kind;
      exitCode = 1;
      appendErr(rt, `${scriptPath}: ${e.message}\n`);
    }
  }
  return {
    stdout: rt.stdout(),
    stderr: rt.stderr(),
    exitCode: osOf(input.node) === 'windows' ? exitCode | 0 : exitCode & 255,
    durationMs: rt.elapsed,
    ...result,
    ...changesOf(system),
  };
}

const changesOf = (system: SystemState) => (system.changes.length ? { changes: system.changes } : {});

/** Writes a guard message even when the stream is already at its size limit. */
function appendErr(rt: Runtime, s: string): void {
  try {
    rt.writeErr(s);
  } catch {
    // the error stream is full; the result's `aborted` says what happened
  }
}
