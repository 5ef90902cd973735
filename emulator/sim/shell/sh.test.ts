import { describe, expect, it } from 'vitest';
import { agentScriptPath, runScript, type NodeFacts, type RunScriptInput } from './index.js';
import { AL2023 } from '../../testing/nodes.js';

const UBUNTU: NodeFacts = { ...AL2023, InstanceId: 'i-0aaaaaaaaaaaaaaaa', PlatformName: 'Ubuntu', PlatformVersion: '22.04', ComputerName: 'ip-172-31-1-2' };
const START = Date.UTC(2025, 0, 1, 0, 0, 0);
const PATH = agentScriptPath({ node: AL2023, dialect: 'sh' });

function sh(script: string, extra: Partial<RunScriptInput> = {}) {
  return runScript({ dialect: 'sh', script, node: AL2023, startTime: START, ...extra });
}

describe('sh: output builtins', () => {
  it('echo joins words, honours -n and -e', () => {
    expect(sh('echo hello   world').stdout).toBe('hello world\n');
    expect(sh('echo -n no newline').stdout).toBe('no newline');
    expect(sh('echo -e "a\\tb\\nc"').stdout).toBe('a\tb\nc\n');
    expect(sh('echo "a\\nb"').stdout).toBe('a\\nb\n');
  });

  it('dash (Ubuntu /bin/sh, no shebang) prints -e literally and always interprets escapes', () => {
    const r = runScript({ dialect: 'sh', script: 'echo -e "a\\nb"', node: UBUNTU, startTime: START });
    expect(r.stdout).toBe('-e a\nb\n');
    const b = runScript({ dialect: 'sh', script: '#!/bin/bash\necho -e "a\\nb"', node: UBUNTU, startTime: START });
    expect(b.stdout).toBe('a\nb\n');
  });

  it('printf handles %s %d %b %5s %-5s| %05d %x %.2f and reuses the format', () => {
    expect(sh('printf "%s=%d\\n" a 1 b 2').stdout).toBe('a=1\nb=2\n');
    expect(sh('printf "%b|%5s|%-5s|%05d|%x|%.2f\\n" "x\\ty" ab cd 42 255 3.14159').stdout).toBe('x\ty|   ab|cd   |00042|ff|3.14\n');
    expect(sh('printf "no newline"').stdout).toBe('no newline');
  });

  it('printf reports an invalid number and fails', () => {
    const r = sh('printf "%d\\n" abc');
    expect(r.stdout).toBe('0\n');
    expect(r.stderr).toBe(`${PATH}: line 1: printf: abc: invalid number\n`);
    expect(r.exitCode).toBe(1);
  });
});

describe('sh: variables, quoting and expansion', () => {
  it('assigns, exports and expands variables with ${} forms', () => {
    const r = sh('A=1; export B=two\necho "$A ${B} ${C:-dflt} ${A:+set} ${#B}"\nunset A; echo "[${A-unset}]"');
    expect(r.stdout).toBe('1 two dflt set 3\n[unset]\n');
  });

  it('keeps single quotes literal and expands inside double quotes', () => {
    expect(sh("X=v; echo '$X' \"$X\" \\$X").stdout).toBe('$X v $X\n');
  });

  it('splits unquoted expansions into fields but not quoted ones', () => {
    expect(sh('L="a b  c"; for w in $L; do echo "<$w>"; done; for w in "$L"; do echo "<$w>"; done').stdout).toBe('<a>\n<b>\n<c>\n<a b  c>\n');
  });

  it('runs $(...) and backtick substitutions with the builtins', () => {
    expect(sh('echo "host=$(hostname) user=`whoami`"').stdout).toBe('host=ip-172-31-1-2.ec2.internal user=root\n');
    expect(sh('N=$(echo a; echo b); echo "$N"').stdout).toBe('a\nb\n');
  });

  it('evaluates $(( )) arithmetic, including assignment and precedence', () => {
    expect(sh('i=3; echo $((i * 2 + 1)) $(( (i + 1) ** 2 )) $((10 % 4)) $((i > 2 && i < 5))').stdout).toBe('7 16 2 1\n');
    expect(sh('i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i').stdout).toBe('3\n');
  });

  it('reports division by zero and goes on with the next command', () => {
    const r = sh('echo $((1/0))\necho after');
    expect(r.stdout).toBe('after\n');
    expect(r.stderr).toContain('line 1: 1/0: division by 0');
  });

  it('pattern operators trim and replace', () => {
    expect(sh('f=/var/log/app.log.gz; echo ${f##*/} ${f%.gz} ${f%%.*} ${f#/var/} ${f/log/LOG} ${f//log/X}').stdout).toBe(
      'app.log.gz /var/log/app.log /var/log/app log/app.log.gz /var/LOG/app.log.gz /var/X/app.X.gz\n',
    );
  });

  it('$? follows the last command, $$ is a stable pid, $0 is the script path', () => {
    const r = sh('false; echo $?; true; echo $?; echo $0');
    expect(r.stdout).toBe(`1\n0\n${PATH}\n`);
    expect(sh('echo $$').stdout).toBe(sh('echo $$').stdout);
  });

  it('sees the environment the SSM agent sets, without HOME', () => {
    const r = sh('echo $AWS_SSM_INSTANCE_ID $AWS_SSM_REGION_NAME "$AWS_SSM_PLATFORM_NAME" "[${HOME-}]"');
    expect(r.stdout).toBe('i-0123456789abcdef0 us-east-1 Amazon Linux []\n');
  });

  it('applies extra env from the input', () => {
    expect(sh('echo $STAGE', { env: { STAGE: 'prod' } }).stdout).toBe('prod\n');
  });

  it('set -u stops at an unbound variable', () => {
    const r = sh('set -u\necho $NOPE\necho after');
    expect(r.stderr).toBe(`${PATH}: line 2: NOPE: unbound variable\n`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('${x:?msg} stops the script', () => {
    const r = sh('echo ${REQUIRED:?must be set}; echo after');
    expect(r.stderr).toBe(`${PATH}: line 1: REQUIRED: must be set\n`);
    expect(r.exitCode).toBe(1);
  });
});

describe('sh: lists, exit status and control flow', () => {
  it('; && || run in order with short-circuiting', () => {
    expect(sh('true && echo yes || echo no; false && echo yes || echo no; false; echo $?').stdout).toBe('yes\nno\n1\n');
  });

  it('exit N ends the script with that status', () => {
    const r = sh('echo one\nexit 3\necho two');
    expect(r.stdout).toBe('one\n');
    expect(r.exitCode).toBe(3);
  });

  it('exit status is the last command status, wrapped to 8 bits', () => {
    expect(sh('false').exitCode).toBe(1);
    expect(sh('exit 256').exitCode).toBe(0);
    expect(sh('exit 300').exitCode).toBe(44);
  });

  it('comments and blank lines are ignored', () => {
    expect(sh('#!/bin/bash\n# a comment\n\necho hi # trailing\n').stdout).toBe('hi\n');
  });

  it('if/elif/else with test and [ ] string and number comparisons', () => {
    const script = [
      'V=5',
      'if [ "$V" -gt 10 ]; then echo big',
      'elif [ "$V" -eq 5 ] && test "a" = "a"; then echo five',
      'else echo other; fi',
      '[ -z "" ] && echo empty',
      '[ -n "x" ] && echo nonempty',
      '[ "abc" != "abd" ] && echo differ',
      'if [ 3 -le 2 ]; then echo wrong; fi',
    ].join('\n');
    expect(sh(script).stdout).toBe('five\nempty\nnonempty\ndiffer\n');
  });

  it('[ ] reports a non-integer and a missing ]', () => {
    const r = sh('[ abc -gt 1 ]; echo $?\n[ 1 -eq 1; echo $?');
    expect(r.stdout).toBe('2\n2\n');
    expect(r.stderr).toBe(`${PATH}: line 1: [: abc: integer expression expected\n${PATH}: line 2: [: missing \`]'\n`);
  });

  it('[[ ]] supports globs, regexes and && ||', () => {
    expect(sh('x=hello.txt; [[ $x == *.txt && $x =~ ^h[a-z]+ ]] && echo match; [[ -z $y || $x != h* ]] && echo two').stdout).toBe('match\ntwo\n');
  });

  it('for, while, until, break and continue', () => {
    expect(sh('for x in a b c; do echo "$x"; done').stdout).toBe('a\nb\nc\n');
    expect(sh('for i in 1 2 3 4 5; do [ $i -eq 2 ] && continue; [ $i -eq 4 ] && break; echo $i; done').stdout).toBe('1\n3\n');
    expect(sh('n=0; until [ $n -ge 2 ]; do echo $n; n=$((n+1)); done').stdout).toBe('0\n1\n');
  });

  it('case matches glob patterns', () => {
    const script = 'for f in a.txt b.log c; do case "$f" in *.txt) echo "$f text";; *.log|*.out) echo "$f log";; *) echo "$f other";; esac; done';
    expect(sh(script).stdout).toBe('a.txt text\nb.log log\nc other\n');
  });

  it('functions take arguments, return a status and keep locals local', () => {
    const script = 'greet() { local who="$1"; echo "hi $who ($#)"; return 3; }\ngreet bob x; echo "rc=$? who=[$who]"';
    expect(sh(script).stdout).toBe('hi bob (2)\nrc=3 who=[]\n');
  });

  it('set -e stops at the first failing command but not in conditions', () => {
    const r = sh('set -e\nif false; then :; fi\nfalse || echo handled\necho before\nfalse\necho after');
    expect(r.stdout).toBe('handled\nbefore\n');
    expect(r.exitCode).toBe(1);
  });

  it('set -x traces commands to stderr', () => {
    const r = sh('set -x\necho "a b"');
    expect(r.stderr).toBe("+ echo 'a b'\n");
  });

  it('subshells and pipelines do not change the parent shell', () => {
    expect(sh('x=1; (x=2; echo in $x); echo out $x').stdout).toBe('in 2\nout 1\n');
    expect(sh('(exit 4); echo $?').stdout).toBe('4\n');
  });
});

describe('sh: commands not found and syntax errors', () => {
  it('reports an unknown command like bash, with status 127, and goes on', () => {
    const r = sh('echo start\nfoo --bar\necho "rc=$?"');
    expect(r.stdout).toBe('start\nrc=127\n');
    expect(r.stderr).toBe(`${PATH}: line 2: foo: command not found\n`);
    expect(r.exitCode).toBe(0);
  });

  it('uses dash wording on Ubuntu without a shebang', () => {
    const path = agentScriptPath({ node: UBUNTU, dialect: 'sh' });
    const r = runScript({ dialect: 'sh', script: 'kubectl get pods', node: UBUNTU, startTime: START });
    expect(r.stderr).toBe(`${path}: 1: kubectl: not found\n`);
    expect(r.exitCode).toBe(127);
  });

  it('the realistic test-suite script stops at a missing program under set -e', () => {
    const r = sh('#!/bin/bash\nset -e\necho "hello $(hostname)"\naws s3 ls\necho done');
    expect(r.stdout).toBe('hello ip-172-31-1-2.ec2.internal\n');
    expect(r.stderr).toBe(`${PATH}: line 4: aws: command not found\n`);
    expect(r.exitCode).toBe(127);
  });

  it('uses the given scriptPath in messages', () => {
    expect(sh('nope', { scriptPath: '/tmp/x.sh' }).stderr).toBe('/tmp/x.sh: line 1: nope: command not found\n');
  });

  it('a syntax error stops the script after the earlier lines ran, with status 2', () => {
    const r = sh('echo one\nfi\necho two');
    expect(r.stdout).toBe('one\n');
    expect(r.stderr).toBe(`${PATH}: line 2: syntax error near unexpected token \`fi'\n${PATH}: line 2: \`fi'\n`);
    expect(r.exitCode).toBe(2);
    const eof = sh('if true; then echo x');
    expect(eof.stderr).toContain('syntax error: unexpected end of file');
    expect(eof.exitCode).toBe(2);
  });

  it('an unterminated quote is a syntax error', () => {
    const r = sh('echo "abc');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('unexpected EOF while looking for matching');
  });

  it('a shebang for an interpreter the node does not have fails as exec would', () => {
    const r = sh('#!/usr/bin/env python3\nprint("x")');
    expect(r.stderr).toBe('/usr/bin/env: ‘python3’: No such file or directory\n');
    expect(r.exitCode).toBe(127);
  });
});

describe('sh: node facts', () => {
  it('hostname, whoami, id', () => {
    expect(sh('hostname; hostname -s; hostname -i; whoami; id -un; id -u; id').stdout).toBe(
      'ip-172-31-1-2.ec2.internal\nip-172-31-1-2\n172.31.1.2\nroot\nroot\n0\nuid=0(root) gid=0(root) groups=0(root)\n',
    );
  });

  it('uname with -s -r -m -a', () => {
    expect(sh('uname; uname -r; uname -m; uname -s -m').stdout).toBe('Linux\n6.1.119-129.201.amzn2023.x86_64\nx86_64\nLinux x86_64\n');
    expect(sh('uname -a').stdout).toMatch(/^Linux ip-172-31-1-2\.ec2\.internal 6\.1\.119-129\.201\.amzn2023\.x86_64 #1 SMP .* x86_64 x86_64 x86_64 GNU\/Linux\n$/);
    const arm = runScript({ dialect: 'sh', script: 'uname -m', node: { ...AL2023, Architecture: 'arm64' }, startTime: START });
    expect(arm.stdout).toBe('aarch64\n');
  });

  it('date prints the virtual clock and formats', () => {
    expect(sh('date').stdout).toBe('Wed Jan  1 00:00:00 UTC 2025\n');
    expect(sh('date +%Y-%m-%dT%H:%M:%S%z; date -u +%s; date +"%a %b %e %j %p"').stdout).toBe(
      '2025-01-01T00:00:00+0000\n1735689600\nWed Jan  1 001 AM\n',
    );
    expect(sh('date -d @0 +%F; date -d "2024-02-29 12:30" "+%F %T"').stdout).toBe('1970-01-01\n2024-02-29 12:30:00\n');
    expect(sh('date -d bogus').stderr).toBe('date: invalid date ‘bogus’\n');
  });

  it('sleep moves virtual time (and date) without sleeping', () => {
    const r = sh('sleep 90; date +%T; sleep 1.5', { commandCostMs: 10 });
    expect(r.stdout).toBe('00:01:30\n');
    expect(r.durationMs).toBe(10 + 90_000 + 10 + 10 + 1500);
    expect(sh('sleep abc').stderr).toContain('sleep: invalid time interval ‘abc’');
  });

  it('cat reads the simulated /etc files and reports missing ones', () => {
    const r = sh('cat /etc/os-release | grep -E "^(NAME|VERSION_ID)="; cat /etc/system-release; cat /etc/hostname; cat /nope; echo $?');
    expect(r.stdout).toBe('NAME="Amazon Linux"\nVERSION_ID="2023"\nAmazon Linux release 2023 (Amazon Linux)\nip-172-31-1-2.ec2.internal\n1\n');
    expect(r.stderr).toBe('cat: /nope: No such file or directory\n');
    const u = runScript({ dialect: 'sh', script: '. /etc/os-release; echo "$ID $VERSION_ID $VERSION_CODENAME"', node: UBUNTU, startTime: START });
    expect(u.stdout).toBe('ubuntu 22.04 jammy\n');
  });

  it('extra files from the input are readable, and test -f sees them', () => {
    const r = sh('[ -f /opt/app/VERSION ] && cat /opt/app/VERSION; [ -f /opt/none ] || echo missing; [ -d /opt/app ] && echo dir', {
      files: { '/opt/app/VERSION': '1.2.3\n' },
    });
    expect(r.stdout).toBe('1.2.3\nmissing\ndir\n');
  });

  it('pwd is the agent working directory, or workingDirectory; cd is simulated', () => {
    expect(sh('pwd').stdout).toBe('/usr/bin\n');
    expect(sh('pwd', { workingDirectory: '/opt/app' }).stdout).toBe('/opt/app\n');
    const r = sh('cd /tmp && pwd; cd /does/not/exist; echo $?; pwd');
    expect(r.stdout).toBe('/tmp\n1\n/tmp\n');
    expect(r.stderr).toBe(`${PATH}: line 1: cd: /does/not/exist: No such file or directory\n`);
  });

  it('answers the instance metadata service through curl', () => {
    const r = sh('TOKEN=$(curl -s -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")\ncurl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id; echo\ncurl -s http://169.254.169.254/latest/meta-data/placement/region');
    expect(r.stdout).toBe('i-0123456789abcdef0\nus-east-1');
    const off = sh('curl -sS https://example.com');
    expect(off.stderr).toBe('curl: (6) Could not resolve host: example.com\n');
    expect(off.exitCode).toBe(6);
  });
});

describe('sh: redirections, files and pipes', () => {
  it('> /dev/null, 2>&1, >&2 and 2>/dev/null route the streams', () => {
    const r = sh('echo out >/dev/null; echo err >&2; nope 2>/dev/null; nope2 >/dev/null 2>&1; echo both 2>&1');
    expect(r.stdout).toBe('both\n');
    expect(r.stderr).toBe('err\n');
  });

  it('writes and appends simulated files, readable in the same run', () => {
    const r = sh('echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; wc -l < /tmp/f; echo x > /nodir/f; echo $?');
    expect(r.stdout).toBe('one\ntwo\n2\n1\n');
    expect(r.stderr).toBe(`${PATH}: line 1: /nodir/f: No such file or directory\n`);
  });

  it('here-documents feed stdin, with and without expansion', () => {
    const r = sh('N=world\ncat <<EOF\nhello $N\nEOF\ncat <<\'EOF\'\nhello $N\nEOF\necho end');
    expect(r.stdout).toBe('hello world\nhello $N\nend\n');
  });

  it('pipes through grep, head, tail, wc, sort, uniq, tr, cut', () => {
    expect(sh('printf "b\\na\\nc\\na\\n" | sort | uniq -c').stdout).toBe('      2 a\n      1 b\n      1 c\n');
    expect(sh('cat /etc/os-release | grep -i "^id=" | cut -d= -f2').stdout).toBe('"amzn"\n');
    expect(sh('seq 1 10 | head -n 3; seq 5 | tail -2; seq 4 | wc -l; echo Hello | tr a-z A-Z').stdout).toBe('1\n2\n3\n4\n5\n4\nHELLO\n');
    expect(sh('echo abc | grep -q b && echo found; echo abc | grep x; echo $?').stdout).toBe('found\n1\n');
  });

  it('while read consumes piped lines', () => {
    expect(sh('printf "a 1\\nb 2\\n" | while read k v; do echo "$v-$k"; done').stdout).toBe('1-a\n2-b\n');
  });

  it('read splits on IFS and trims IFS characters at the ends; an empty IFS keeps the line as it is', () => {
    expect(sh('echo "  one  two  three  " | { read a b; echo "[$a][$b]"; }').stdout).toBe('[one][two  three]\n');
    expect(sh('echo "x:y:z:" | { IFS=":-]" read a b; echo "[$a][$b]"; }').stdout).toBe('[x][y:z]\n');
    expect(sh('echo "  keep  " | { IFS= read -r line; echo "[$line]"; }').stdout).toBe('[  keep  ]\n');
    // A long run of IFS characters inside the last field (quadratic for a RegExp class with +$).
    const spaces = ' '.repeat(100_000);
    expect(sh(`echo "a b${spaces}c" | { read x y; echo "\${#y}"; }`).stdout).toBe(`${spaces.length + 2}\n`);
  });

  it('set -o pipefail makes a failing pipeline fail', () => {
    expect(sh('false | true; echo $?; set -o pipefail; false | true; echo $?').stdout).toBe('0\n1\n');
  });
});

describe('sh: virtual time and limits', () => {
  it('each command costs commandCostMs', () => {
    expect(sh('echo a; echo b; echo c', { commandCostMs: 25 }).durationMs).toBe(75);
    expect(sh('true').durationMs).toBe(10);
  });

  it('is deterministic', () => {
    const s = 'echo $$ $RANDOM $RANDOM; date; sleep 2; date +%s';
    expect(sh(s)).toEqual(sh(s));
  });

  it('an endless loop ends at the step limit with an error', () => {
    const r = sh('while true; do :; done; echo never', { maxSteps: 5000 });
    expect(r.aborted).toBe('step-limit');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('step limit');
    expect(r.stdout).toBe('');
  });

  it('a script that sleeps past the timeout is stopped there', () => {
    const r = sh('echo start; while true; do sleep 1; done', { timeoutMs: 60_000 });
    expect(r.timedOut).toBe(true);
    expect(r.durationMs).toBe(60_000);
    expect(r.exitCode).toBe(137);
    expect(r.stdout).toBe('start\n');
    expect(sh('sleep infinity', { timeoutMs: 5000 }).timedOut).toBe(true);
  });

  it('a value that doubles without end is stopped by the size guard', () => {
    const r = sh('x=a; while true; do x="$x$x"; done');
    expect(r.aborted).toBe('output-limit');
    expect(r.exitCode).toBe(1);
  });

  it('accepts runCommand as an array of lines', () => {
    const r = runScript({ dialect: 'sh', script: ['echo a', 'echo b'], node: AL2023, startTime: START });
    expect(r.stdout).toBe('a\nb\n');
  });

  it('command stubs answer for programs the simulation does not have', () => {
    const r = sh('#!/bin/bash\nset -e\nyum update -y\necho ok\nsystemctl restart nginx', {
      commandStubs: [
        { Match: '^yum update', Stdout: 'Complete!\n', DurationSeconds: 90 },
        { Match: '^systemctl restart', Stderr: 'Job failed\n', ExitCode: 1 },
      ],
    });
    expect(r.stdout).toBe('Complete!\nok\n');
    expect(r.stderr).toBe('Job failed\n');
    expect(r.exitCode).toBe(1);
    expect(r.durationMs).toBeGreaterThanOrEqual(90_000);
  });
});
