import { describe, expect, it } from 'vitest';
import { openShell, runScript, type NodeFacts, type ShellSessionInput } from './index.js';
import { AL2023_SESSION, WINDOWS_2022_SESSION } from '../../testing/nodes.js';

const AL2023 = AL2023_SESSION;
const AL2: NodeFacts = { ...AL2023, PlatformVersion: '2' };
const UBUNTU: NodeFacts = { ...AL2023, PlatformName: 'Ubuntu', PlatformVersion: '22.04' };
const WINDOWS = WINDOWS_2022_SESSION;
const START = Date.UTC(2025, 0, 1);

const shell = (node = AL2023, extra: Partial<ShellSessionInput> = {}) =>
  openShell({ dialect: node.PlatformType === 'Windows' ? 'powershell' : 'sh', node, startTime: START, ...extra });

describe('openShell (sh): state lasts from line to line', () => {
  it('keeps variables, functions and the working directory across lines', () => {
    const s = shell();
    expect(s.run('cd /tmp', START).status).toBe(0);
    s.run('greeting=hello; greet() { echo "$greeting $1 from $(pwd)"; }', START);
    expect(s.run('greet world', START).output).toBe('hello world from /tmp\n');
    expect(s.run('echo x > note.txt; cat /tmp/note.txt', START).output).toBe('x\n');
    // a fresh runScript sees none of it
    expect(runScript({ dialect: 'sh', script: 'greet; echo "[$greeting]"', node: AL2023, startTime: START }).stdout).toBe('[]\n');
  });

  it('answers $? of the previous line and starts where the agent does, as ssm-user', () => {
    const s = shell(AL2023, { env: { HOME: '/home/ssm-user' } });
    s.run('false', START);
    expect(s.run('echo $?', START).output).toBe('1\n');
    expect(s.run('pwd; whoami; echo $HOME', START).output).toBe('/usr/bin\nssm-user\n/home/ssm-user\n');
  });

  it('prompts as bash-as-sh does per distribution, dash with "$ ", and follows PS1', () => {
    expect(shell(AL2023).prompt()).toBe('sh-5.2$ ');
    expect(shell(AL2).prompt()).toBe('sh-4.2$ ');
    expect(shell(UBUNTU).prompt()).toBe('$ ');
    const s = shell(AL2023, { env: { HOME: '/home/ssm-user' } });
    s.run("PS1='\\u@\\h:\\w\\$ '; cd ~", START);
    expect(s.prompt()).toBe('ssm-user@ip-172-31-1-2:~$ ');
    expect(s.continuationPrompt()).toBe('> ');
  });

  it('asks for more input inside an open construct, then runs the whole statement', () => {
    const s = shell();
    const first = s.run('for i in 1 2; do', START);
    expect(first).toMatchObject({ incomplete: true, output: '' });
    expect(s.run('for i in 1 2; do\necho "n=$i"\ndone', START).output).toBe('n=1\nn=2\n');
    expect(s.run('echo "open', START).incomplete).toBe(true);
  });

  it('reports errors interactively and goes on: no line numbers in bash, dash counts lines', () => {
    const s = shell();
    expect(s.run('nosuchcmd', START)).toMatchObject({ output: 'sh: nosuchcmd: command not found\n', status: 127 });
    expect(s.run('echo )', START)).toMatchObject({ output: "sh: syntax error near unexpected token `)'\n", status: 2 });
    expect(s.run('echo ${unset_var?}; echo not reached', START).output).toBe('sh: unset_var: parameter null or not set\n');
    expect(s.run('echo still here', START).output).toBe('still here\n');
    const d = shell(UBUNTU);
    d.run('true', START);
    expect(d.run('nosuchcmd', START).output).toBe('sh: 2: nosuchcmd: not found\n');
  });

  it('interleaves stderr with stdout as a terminal shows them', () => {
    expect(shell().run('echo one; echo two >&2; echo three', START).output).toBe('one\ntwo\nthree\n');
  });

  it('ends on exit (bash says "exit"), and on errexit', () => {
    expect(shell().run('exit 3', START)).toMatchObject({ exited: 3, output: 'exit\n' });
    expect(shell(UBUNTU).run('exit', START)).toMatchObject({ exited: 0, output: '' });
    const s = shell();
    s.run('set -e', START);
    expect(s.run('false', START).exited).toBe(1);
    // exit inside a subshell or a pipeline only ends that
    const t = shell();
    expect(t.run('(exit 4); echo $?', START)).toMatchObject({ output: '4\n' });
    expect(t.run('echo x | exit 5; echo after', START).exited).toBeUndefined();
  });

  it('gives every line its own budget: a runaway line stops, the shell goes on', () => {
    const s = shell(AL2023, { maxStepsPerLine: 1000 });
    const r = s.run('while true; do :; done', START);
    expect(r.aborted).toBe('step-limit');
    expect(s.run('echo alive', START)).toMatchObject({ output: 'alive\n', status: 0 });
  });

  it('runs in virtual time from the instant it is given', () => {
    const s = shell();
    const r = s.run('sleep 5; date -u +%H:%M:%S', START + 60_000);
    expect(r.output).toBe('00:01:05\n');
    expect(r.durationMs).toBeGreaterThanOrEqual(5000);
  });

  it('sets COLUMNS and LINES from the terminal size', () => {
    const s = shell();
    s.resize(132, 43);
    expect(s.run('echo $COLUMNS x $LINES', START).output).toBe('132 x 43\n');
  });
});

describe('openShell (PowerShell on Windows)', () => {
  it('keeps variables, functions and the location across lines, with the PS prompt', () => {
    const s = shell(WINDOWS);
    expect(s.prompt()).toBe('PS C:\\Windows\\system32> ');
    s.run('$name = "world"', START);
    s.run('function Greet { "hello $name" }', START);
    expect(s.run('Greet', START).output).toBe('hello world\r\n');
    s.run('Set-Location C:\\Windows', START);
    expect(s.prompt()).toBe('PS C:\\Windows> ');
  });

  it('asks for more input with >> and reports errors at "line:N" without ending', () => {
    const s = shell(WINDOWS);
    expect(s.run('if ($true) {', START).incomplete).toBe(true);
    expect(s.continuationPrompt()).toBe('>> ');
    expect(s.run('if ($true) {\n"yes"\n}', START).output).toBe('yes\r\n');
    const err = s.run('Get-Nothing', START);
    expect(err.status).toBe(1);
    expect(err.output).toContain('At line:1 char:1');
    expect(s.run('exit 7', START).exited).toBe(7);
  });
});
