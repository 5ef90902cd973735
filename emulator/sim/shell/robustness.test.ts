/**
 * Property-style tests: whatever text a test suite sends, the simulated shell answers (never throws,
 * never hangs, never exceeds its step budget) and stays deterministic. Inputs come from a seeded
 * generator so failures reproduce.
 */
import { describe, expect, it } from 'vitest';
import { runScript, type Dialect, type NodeFacts } from './index.js';
import { prng } from './runtime.js';

const LINUX: NodeFacts = { InstanceId: 'i-0123456789abcdef0', PlatformType: 'Linux', PlatformName: 'Amazon Linux', PlatformVersion: '2023' };
const UBUNTU: NodeFacts = { ...LINUX, PlatformName: 'Ubuntu', PlatformVersion: '24.04' };
const WIN: NodeFacts = { InstanceId: 'i-0fedcba9876543210', PlatformType: 'Windows' };

const SH_TOKENS = [
  'echo', 'printf', '"$x"', "'q'", '$(', ')', '`', '${', '}', '{', '((', '))', '$((1+', '[[', ']]', '[', ']', 'if', 'then', 'else',
  'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', ';;', '|', '||', '&&', ';', '&', '\n', '>', '>>', '<', '<<EOF',
  'EOF', '2>&1', '>&2', '/dev/null', 'x=1', 'x=$x$x', '$?', '$$', '$#', '$@', '"', "'", '\\', '#', 'exit', 'sleep 1', 'set -e',
  'set -u', 'cat', '/etc/os-release', 'grep', '-E', '(a+)+$', '.*.*.*.*x', 'head', 'wc -l', 'true', 'false', 'f()', 'return',
  'break', 'continue', 'seq 1 100', 'read', 'date', '+%s', 'uname -a', 'hostname', 'cd /tmp', 'eval', 'bash -c', 'yum', '${x:-',
  '${x//a/b}', '${#x}', '*', '?', '~', '$((2**62*4))', '$((1/0))', 'local', 'export', 'unset', 'shift', 'test', '-f', '-eq',
];
const PS_TOKENS = [
  'Write-Output', 'Write-Host', 'Write-Error', 'echo', '"$x"', "'q'", '$(', ')', '@(', '@{', '}', '{', '(', '$x', '=', '$env:X',
  'if', 'elseif', 'else', 'foreach', 'in', 'for', 'while', 'do', 'try', 'catch', 'finally', 'throw', 'exit', '1..5', '|', ';', '\n',
  '-eq', '-match', '(a+)+$', '-replace', '-split', '-f', '-and', '-not', '+', '*', '/', '0', '`', '"', "'", '#', '<#', '#>',
  'Start-Sleep', '-Seconds', '10', 'Get-Date', '-Format', 'Get-Content', 'C:\\x', 'Where-Object', '$_', 'ForEach-Object',
  'function', 'f', 'return', 'break', 'continue', '[int]', '[Environment]::MachineName', '.Length', '[0]', ',', '$PSVersionTable',
  '$x += $x', '$x = "a" * 1000', '$LASTEXITCODE', 'Out-Null', '> $null', '2>&1', 'Select-Object', '-First', 'nosuch-cmd',
];

function randomScript(rand: () => number, tokens: string[]): string {
  const n = 1 + Math.floor(rand() * 40);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (rand() < 0.1) {
      // raw garbage characters too
      const len = 1 + Math.floor(rand() * 8);
      let s = '';
      for (let j = 0; j < len; j++) s += String.fromCharCode(32 + Math.floor(rand() * 95));
      parts.push(s);
    } else parts.push(tokens[Math.floor(rand() * tokens.length)]!);
  }
  return parts.join(rand() < 0.5 ? ' ' : '');
}

function check(dialect: Dialect, node: NodeFacts, script: string, maxSteps: number) {
  const input = { dialect, script, node, startTime: Date.UTC(2025, 0, 1), maxSteps, timeoutMs: 3_600_000 };
  const r = runScript(input);
  expect(typeof r.stdout).toBe('string');
  expect(typeof r.stderr).toBe('string');
  expect(Number.isInteger(r.exitCode)).toBe(true);
  expect(r.durationMs).toBeGreaterThanOrEqual(0);
  expect(r.durationMs).toBeLessThanOrEqual(3_600_000);
  // a defect of the interpreter would surface here rather than as a throw
  expect(r.stderr).not.toContain('simulated shell internal error');
  return r;
}

describe('robustness', () => {
  it('random sh token soup never throws, never exceeds the step limit, stays deterministic', () => {
    const rand = prng(12345);
    for (let i = 0; i < 400; i++) {
      const script = randomScript(rand, SH_TOKENS);
      const node = i % 3 === 0 ? UBUNTU : LINUX;
      const r = check('sh', node, script, 2000);
      if (i % 50 === 0) expect(runScript({ dialect: 'sh', script, node, startTime: Date.UTC(2025, 0, 1), maxSteps: 2000, timeoutMs: 3_600_000 })).toEqual(r);
    }
  });

  it('random PowerShell token soup never throws, never exceeds the step limit', () => {
    const rand = prng(777);
    for (let i = 0; i < 400; i++) check('powershell', i % 2 ? WIN : LINUX, randomScript(rand, PS_TOKENS), 2000);
  });

  it('random bytes never throw in either dialect', () => {
    const rand = prng(99);
    for (let i = 0; i < 150; i++) {
      let s = '';
      const len = Math.floor(rand() * 200);
      for (let j = 0; j < len; j++) s += String.fromCharCode(Math.floor(rand() * 0x250));
      check('sh', LINUX, s, 2000);
      check('powershell', WIN, s, 2000);
    }
  });

  it('hostile scripts end quickly: deep recursion, fork-bomb shape, catastrophic regexes, huge ranges', () => {
    const cases: [Dialect, string][] = [
      ['sh', 'f() { f; }; f'],
      ['sh', ':(){ :|:& };:'],
      ['sh', 'x=$(printf "a%.0s" $(seq 1 40)); echo "${x}b" | grep -E "^(a+)+$"; echo $?'],
      ['sh', 'for i in $(seq 1 100000000); do :; done'],
      ['sh', 'while :; do echo spam; done'],
      ['sh', 'x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; [[ ${x}b =~ ^(a|a)*$ ]]; echo $?'],
      ['sh', 'echo $((2**63)) $((-2**63 / -1))'],
      ['powershell', 'function f { f }; f'],
      ['powershell', '1..100000000 | ForEach-Object { $_ }'],
      ['powershell', '$s = "a" * 40 + "b"; $s -match "^(a+)+$"'],
      ['powershell', 'while ($true) { "spam" }'],
      ['powershell', '$x = "a"; while ($true) { $x += $x }'],
    ];
    for (const [dialect, script] of cases) {
      const started = performance.now();
      const r = check(dialect, dialect === 'sh' ? LINUX : WIN, script, 20_000);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(r.exitCode).not.toBeUndefined();
    }
  });

  it('a catastrophic regex answers correctly in linear time', () => {
    const r = runScript({ dialect: 'sh', script: 'echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab | grep -E "^(a+)+$"; echo $?', node: LINUX, startTime: 0 });
    expect(r.stdout).toBe('1\n');
  });

  it('printf widths and precisions past the value limit fail as a builtin does: status 1, stderr, the script goes on', () => {
    for (const fmt of ['%0999999999d', '%999999999s', '%.999999999f', '%-999999999x']) {
      const r = check('sh', LINUX, `printf "a${fmt}" 1; echo " status=$?"; echo after`, 1000);
      expect(r.stdout).toBe('a status=1\nafter\n');
      expect(r.stderr).toMatch(/_script\.sh: line 1: printf: write error: Cannot allocate memory\n$/);
      expect(r.exitCode).toBe(0);
      expect(r.aborted).toBeUndefined();
    }
    const star = check('sh', LINUX, 'x=$(printf "%*s" 999999999 a); echo "[${x}] $?"', 1000);
    expect(star.stdout).toBe('[] 1\n');
    // long precisions that fit are printed as printf prints them (zeros past a double's digits)
    expect(check('sh', LINUX, 'printf "%.120f" 0.5 | wc -c', 1000).stdout).toBe('122\n');
  });

  it('seq refuses a range it cannot hold at once, before building it', () => {
    const r = check('sh', LINUX, 'seq 1 999999999; echo "status=$?"; seq 1 999999999 | head -1; seq 3', 1000);
    expect(r.stderr).toBe('seq: write error: Cannot allocate memory\n'.repeat(2));
    expect(r.stdout).toBe('status=1\n1\n2\n3\n');
    expect(r.aborted).toBeUndefined();
    expect(check('sh', LINUX, 'seq 1 Infinity; echo $?', 1000).stdout).toBe('1\n');
  });

  it('PowerShell repetitions, ranges and paddings past the limits throw OutOfMemoryException, which try/catch handles', () => {
    for (const expr of ['"x" * 1e9', "'ab' * 100000000", '@(1) * 1e9', '(1..1e9).Count', '"{0,999999999}" -f 1', '"x".PadLeft(999999999)', '"x".PadRight(1e9)']) {
      const r = check('powershell', WIN, `try { $v = ${expr}; 'no' } catch { "caught: $($_.Exception.Message)" }; 'after'`, 1000);
      expect(r.stdout).toBe("caught: Exception of type 'System.OutOfMemoryException' was thrown.\r\nafter\r\n");
      expect(r.aborted).toBeUndefined();
      const bare = check('powershell', WIN, `$v = ${expr}; 'after'`, 1000);
      expect(bare.stderr).toContain('OutOfMemoryException');
      expect(bare.stdout).toBe('after\r\n');
    }
  });
});
