/**
 * An interactive shell on a simulated node: what a Session Manager session (Standard_Stream) talks
 * to. Unlike runScript, which runs a whole script and forgets it, a shell session keeps its state
 * from one input line to the next: variables, functions, options, the working directory and the
 * files the user wrote. Each line gets a fresh budget (steps, time, output) from the same guards
 * runScript uses, and nothing a line does can stop the session except `exit`.
 *
 *   const shell = openShell({ dialect: 'sh', node, startTime });
 *   shell.prompt()                       // "sh-5.2$ " (bash as sh), "$ " (dash), "PS C:\Windows\system32> "
 *   shell.run('cd /tmp; x=1', now)       // { output, status, durationMs }
 *   shell.run('echo $x $(pwd)', now)     // output "1 /tmp\n"
 *   shell.run('if true; then', now)      // { incomplete: true }: nothing ran; send the rest, then run
 *                                        // the whole text again (continuationPrompt() "> " / ">> ")
 *   shell.run('exit 3', now)             // { exited: 3 }
 *
 * Output is what a terminal shows: standard output and standard error together, in the order
 * written, with "\n" line ends (the caller adds a terminal's "\r\n"). Interactive forms of the
 * messages: bash says "sh: foo: command not found" (no line number), dash "sh: 1: foo: not found"
 * (its line counter counts input lines), PowerShell "At line:1 char:1".
 *
 * Pure and synchronous like runScript; time is the caller's (`now` per line, virtual ms). It never
 * throws for any input.
 */
import { machineOf, procFiles, type Machine } from './machine.js';
import { resolveFacts, hash32, type Facts } from './facts.js';
import { Abort, DEFAULT_COMMAND_COST_MS, DEFAULT_MAX_STEPS, DEFAULT_TIMEOUT_MS, prng, Runtime } from './runtime.js';
import { InStream, Sh, ShState, type IO } from './sh/interp.js';
import { openPowerShell, type PowerShellHost } from './powershell/index.js';
import type { CommandStub, Dialect, RunScriptInput } from './types.js';
import { Vfs } from './vfs.js';
import { SystemState } from './system.js';

/**
 * What a shell starts from: runScript's inputs that describe the node and its environment
 * (`node.User` is who the shell runs as: Session Manager's ssm-user), plus the per-line budget.
 */
export interface ShellSessionInput
  extends Pick<RunScriptInput, 'dialect' | 'node' | 'startTime' | 'env' | 'workingDirectory' | 'files' | 'commandCostMs' | 'commandStubs'> {
  /** Statements one line may run (default 100,000). */
  maxStepsPerLine?: number;
  /** Virtual time one line may take (default 48 h): a longer `sleep` stops the line there. */
  lineTimeoutMs?: number;
  /** The shell's name in messages, $0 and \s (default "sh"). */
  shellName?: string;
}

export interface ShellLine {
  /** What the line wrote (stdout and stderr interleaved), "\n" line ends. */
  output: string;
  /** $? after the line ($LASTEXITCODE-like 0/1 for PowerShell). */
  status: number;
  /** Virtual time the line took. */
  durationMs: number;
  /** The input is unfinished: nothing ran; call again with the text so far plus the next line. */
  incomplete?: boolean;
  /** The shell ended with this status. */
  exited?: number;
  /** A guard stopped the line (the shell goes on). */
  aborted?: 'step-limit' | 'output-limit' | 'timeout';
}

export interface ShellSession {
  readonly dialect: Dialect;
  /**
   * Runs a line at virtual instant `now`. `maxSteps` lowers the line's step budget (a probe: a line
   * that ends within it has the result it would have with the full budget).
   */
  run(text: string, now: number, maxSteps?: number): ShellLine;
  /** The primary prompt, as the shell would print it now. */
  prompt(): string;
  /** The prompt for the next line of an unfinished statement. */
  continuationPrompt(): string;
  /** The terminal's size (Session Manager size messages): COLUMNS / LINES in sh. */
  resize(cols: number, rows: number): void;
}

export function openShell(input: ShellSessionInput): ShellSession {
  const facts = resolveFacts(input);
  const rt = new Runtime(
    input.startTime,
    Math.max(0, input.commandCostMs ?? DEFAULT_COMMAND_COST_MS),
    Math.max(1, input.maxStepsPerLine ?? DEFAULT_MAX_STEPS),
    Math.max(0, input.lineTimeoutMs ?? DEFAULT_TIMEOUT_MS),
  );
  rt.mergeErr = true;
  const windows = facts.os === 'windows';
  const machine = machineOf(facts, input.startTime);
  const vfs = new Vfs(windows, { ...facts.files, ...procFiles(facts, machine, input.startTime), ...(input.files ?? {}) }, facts.dirs);
  const cwd = vfs.normalize(input.workingDirectory || facts.agentCwd, vfs.root());
  vfs.mkdir(cwd, true);
  const env: Record<string, string> = { ...facts.env, ...(input.env ?? {}) };
  // The user's home exists (the agent creates ssm-user with one).
  if (env.HOME) vfs.mkdir(vfs.normalize(env.HOME, vfs.root()), true);
  const name = input.shellName ?? 'sh';
  const seed = hash32(`${input.node.InstanceId}|${input.startTime}|session`);
  // A session's services and packages start from the node's; what `systemctl` or `yum` change in
  // a session stays in that session (applying it to the node would change state outside a request,
  // which neither the journal nor replay would see). Run Command and State Manager do change nodes.
  const system = new SystemState(facts, { services: input.node.Services, packages: input.node.Applications });
  return input.dialect === 'powershell'
    ? powerShellSession(rt, openPowerShell({ script: '', facts, machine, rt, vfs, env, cwd, scriptPath: 'line', stubs: input.commandStubs ?? [], system }))
    : shSession(rt, facts, machine, vfs, env, cwd, name, seed, input.commandStubs ?? [], system);
}

/** Runs one line under the guards: a guard or a defect of the simulation ends the line, never the session. */
function guarded(rt: Runtime, now: number, maxSteps: number | undefined, body: () => { incomplete?: boolean; exit?: number }, status: () => number): ShellLine {
  rt.beginLine(now, maxSteps);
  let r: { incomplete?: boolean; exit?: number } = {};
  let aborted: ShellLine['aborted'];
  try {
    r = body();
  } catch (e) {
    if (e instanceof Abort) {
      aborted = e.kind;
      if (e.kind !== 'timeout') writeGuard(rt, `${e.message}\n`);
    } else {
      writeGuard(rt, `simulated shell internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      aborted = 'output-limit';
    }
  }
  const line: ShellLine = { output: rt.stdout(), status: aborted ? (aborted === 'timeout' ? 130 : 1) : status(), durationMs: rt.elapsed };
  if (r.incomplete) line.incomplete = true;
  if (r.exit !== undefined) line.exited = r.exit;
  if (aborted) line.aborted = aborted;
  return line;
}

function writeGuard(rt: Runtime, s: string): void {
  try {
    rt.writeOut(s);
  } catch {
    // the stream is at its limit; `aborted` says what happened
  }
}

/** bash's version as `sh` reports it in the prompt (\v), by distribution. */
function bashVersion(facts: Facts): string {
  if (facts.os === 'macos') return '3.2';
  if (facts.distro === 'amzn') return facts.platformVersion.startsWith('2023') ? '5.2' : '4.2';
  if (facts.distro === 'rhel' || facts.distro === 'centos' || facts.distro === 'rocky' || facts.distro === 'alma') {
    return facts.platformVersion.startsWith('8') ? '4.4' : facts.platformVersion.startsWith('7') ? '4.2' : '5.1';
  }
  if (facts.distro === 'sles') return '4.4';
  return '5.2';
}

const BASH_RELEASE: Record<string, string> = { '3.2': '3.2.57(1)-release', '4.2': '4.2.46(2)-release', '4.4': '4.4.20(1)-release', '5.1': '5.1.8(1)-release', '5.2': '5.2.15(1)-release' };

function shSession(rt: Runtime, facts: Facts, machine: Machine, vfs: Vfs, env: Record<string, string>, cwd: string, name: string, seed: number, stubs: CommandStub[], system: SystemState): ShellSession {
  const bash = facts.binSh === 'bash';
  const sh = new Sh({ rt, facts, machine, vfs, scriptPath: name, bash, pid: 2000 + (seed % 30000), random: prng(seed), stubs, interactive: true, system });
  const st = new ShState();
  st.cwd = cwd;
  for (const [k, v] of Object.entries(env)) st.vars.set(k, { v, exp: true });
  st.vars.set('PWD', { v: cwd, exp: true });
  st.vars.set('PPID', { v: String(sh.pid - 1), exp: false });
  st.vars.set('OPTIND', { v: '1', exp: false });
  const version = bashVersion(facts);
  if (bash) {
    st.vars.set('SHLVL', { v: '1', exp: true });
    st.vars.set('BASH_VERSION', { v: BASH_RELEASE[version] ?? `${version}.0(1)-release`, exp: false });
    st.vars.set('PS1', { v: '\\s-\\v\\$ ', exp: false });
  } else {
    st.vars.set('PS1', { v: '$ ', exp: false });
  }
  st.vars.set('PS2', { v: '> ', exp: false });
  let lineNo = 0;
  const io: IO = { in: new InStream(''), out: { write: (s) => rt.writeOut(s) }, err: { write: (s) => rt.writeErr(s) } };
  const user = facts.user;
  const root = user === 'root';
  return {
    dialect: 'sh',
    run(text, now, maxSteps) {
      return guarded(
        rt,
        now,
        maxSteps,
        () => {
          const r = sh.runInteractive(text, st, io, lineNo + 1);
          if (!r.incomplete) lineNo += text.split('\n').length;
          // bash says goodbye on `exit` at an interactive prompt; dash does not.
          if (r.exit !== undefined && bash) rt.writeErr('exit\n');
          return r;
        },
        () => st.status,
      );
    },
    prompt() {
      const ps1 = st.vars.get('PS1')?.v ?? '';
      return bash ? expandBashPrompt(ps1, { name, version, user, root, host: facts.hostname, cwd: st.cwd, home: st.vars.get('HOME')?.v }) : ps1;
    },
    continuationPrompt() {
      return st.vars.get('PS2')?.v ?? '> ';
    },
    resize(cols, rows) {
      st.vars.set('COLUMNS', { v: String(cols), exp: false });
      st.vars.set('LINES', { v: String(rows), exp: false });
    },
  };
}

/**
 * One thing done to a shell session, as data: a line run at a virtual instant, or a terminal size.
 * A session is a pure function of its input and its operations, so the same operations give the same
 * shell wherever they are applied (replayShell): what lets a worker thread take a session over
 * (sim/shell/offload.ts).
 */
export type ShellOp = { run: string; now: number; maxSteps?: number } | { resize: { cols: number; rows: number } };

/** A line's result with the prompts that follow it (a shell on another thread cannot be asked later). */
export interface ShellReply extends ShellLine {
  prompt: string;
  continuationPrompt: string;
}

export function applyShellOp(shell: ShellSession, op: ShellOp): ShellReply | undefined {
  if ('resize' in op) {
    shell.resize(op.resize.cols, op.resize.rows);
    return undefined;
  }
  const line = shell.run(op.run, op.now, op.maxSteps);
  return { ...line, prompt: shell.prompt(), continuationPrompt: shell.continuationPrompt() };
}

/** The shell that `history` made of a session opened with `input`. */
export function replayShell(input: ShellSessionInput, history: readonly ShellOp[]): ShellSession {
  const shell = openShell(input);
  for (const op of history) applyShellOp(shell, op);
  return shell;
}

/** bash's prompt escapes (PROMPTING in bash(1)) that a session prompt uses; others are left as they are. */
export function expandBashPrompt(
  ps1: string,
  s: { name: string; version: string; user: string; root: boolean; host: string; cwd: string; home?: string },
): string {
  const tilde = (p: string) => (s.home && (p === s.home || p.startsWith(s.home + '/')) ? '~' + p.slice(s.home.length) : p);
  let out = '';
  for (let i = 0; i < ps1.length; i++) {
    const c = ps1[i];
    if (c !== '\\' || i === ps1.length - 1) {
      out += c;
      continue;
    }
    const e = ps1[++i];
    switch (e) {
      case 's': out += s.name; break;
      case 'v': out += s.version; break;
      case 'u': out += s.user; break;
      case 'h': out += s.host.split('.')[0]; break;
      case 'H': out += s.host; break;
      case 'w': out += tilde(s.cwd); break;
      case 'W': out += s.cwd === '/' ? '/' : tilde(s.cwd) === '~' ? '~' : s.cwd.slice(s.cwd.lastIndexOf('/') + 1); break;
      case '$': out += s.root ? '#' : '$'; break;
      case 'n': out += '\n'; break;
      case 'e': out += '\x1b'; break;
      case '\\': out += '\\'; break;
      case '[': case ']': break;
      default: out += '\\' + e;
    }
  }
  return out;
}

function powerShellSession(rt: Runtime, host: PowerShellHost): ShellSession {
  return {
    dialect: 'powershell',
    run: (text, now, maxSteps) => guarded(rt, now, maxSteps, () => host.run(text), () => (host.succeeded() ? 0 : 1)),
    prompt: () => `PS ${host.location()}> `,
    continuationPrompt: () => '>> ',
    resize() {
      // $Host.UI.RawUI is not simulated; the size only matters to the terminal.
    },
  };
}
