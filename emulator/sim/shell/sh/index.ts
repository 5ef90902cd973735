/**
 * Entry of the sh dialect: sets up the shell the agent starts (`sh -c <path>/_script.sh`): the
 * interpreter named by the shebang (bash, or /bin/sh which is dash on Ubuntu and Debian), the
 * agent's environment, the working directory, and runs the script.
 */
import type { DialectRun } from '../runtime.js';
import { ExitSig, InStream, LoopSig, ReturnSig, Sh, ShState, type IO } from './interp.js';

export interface ShRun extends DialectRun {
  pid: number;
  random: () => number;
}

/** Runs the script; returns its exit status. Output goes to rt. */
export function runSh(o: ShRun): number {
  const io: IO = { in: new InStream(''), out: { write: (s) => o.rt.writeOut(s) }, err: { write: (s) => o.rt.writeErr(s) } };
  const first = o.script.split('\n', 1)[0] ?? '';
  let bash = o.facts.binSh === 'bash';
  if (first.startsWith('#!')) {
    const interp = first.slice(2).trim();
    const [prog, arg] = interp.split(/\s+/);
    const name = (prog ?? '').split('/').pop() ?? '';
    const target = name === 'env' ? (arg ?? '') : name;
    if (target === 'bash') bash = true;
    else if (target === 'sh') bash = o.facts.binSh === 'bash';
    else if (target !== '') {
      // Another interpreter (python3, perl, ...): the simulated node has none.
      if (name === 'env') {
        o.rt.writeErr(`/usr/bin/env: ‘${target}’: No such file or directory\n`);
        return 127;
      }
      if (o.facts.binSh === 'dash') {
        o.rt.writeErr(`sh: 1: ${o.scriptPath}: not found\n`);
        return 127;
      }
      o.rt.writeErr(`sh: ${o.scriptPath}: ${prog}: bad interpreter: No such file or directory\n`);
      return 126;
    }
  }
  const sh = new Sh({ rt: o.rt, facts: o.facts, machine: o.machine, vfs: o.vfs, scriptPath: o.scriptPath, bash, pid: o.pid, random: o.random, stubs: o.stubs, system: o.system });
  const st = new ShState();
  st.cwd = o.cwd;
  for (const [k, v] of Object.entries(o.env)) st.vars.set(k, { v, exp: true });
  st.vars.set('PWD', { v: o.cwd, exp: true });
  if (bash) st.vars.set('SHLVL', { v: '1', exp: true });
  st.vars.set('PPID', { v: String(o.pid - 1), exp: false });
  st.vars.set('OPTIND', { v: '1', exp: false });
  try {
    return sh.runText(o.script, st, io);
  } catch (e) {
    if (e instanceof ExitSig) return e.code;
    if (e instanceof ReturnSig || e instanceof LoopSig) return st.status;
    throw e;
  }
}
