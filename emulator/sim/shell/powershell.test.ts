import { describe, expect, it } from 'vitest';
import { agentScriptPath, runScript, type NodeFacts, type RunScriptInput } from './index.js';

const WIN: NodeFacts = {
  InstanceId: 'i-0fedcba9876543210',
  PlatformType: 'Windows',
  PlatformName: 'Microsoft Windows Server 2022 Datacenter',
  PlatformVersion: '10.0.20348',
  ComputerName: 'EC2AMAZ-ABC1234',
  IPAddress: '172.31.9.9',
  Region: 'eu-west-1',
};
const LINUX: NodeFacts = { InstanceId: 'i-0123456789abcdef0', PlatformType: 'Linux', PlatformName: 'Amazon Linux', PlatformVersion: '2023' };
const START = Date.UTC(2025, 0, 1, 0, 0, 0);
const PATH = agentScriptPath({ node: WIN, dialect: 'powershell' });

function ps(script: string, extra: Partial<RunScriptInput> = {}) {
  return runScript({ dialect: 'powershell', script, node: WIN, startTime: START, ...extra });
}

describe('powershell: output', () => {
  it('Write-Output, echo and bare values go to stdout with CRLF line ends', () => {
    expect(ps('Write-Output "hello"; echo world; "bare"; 42').stdout).toBe('hello\r\nworld\r\nbare\r\n42\r\n');
  });

  it('Write-Host writes to stdout, -NoNewline joins', () => {
    expect(ps('Write-Host "a" -NoNewline; Write-Host "b"').stdout).toBe('ab\r\n');
  });

  it('interpolates variables, $env: and $( ) in double quotes, not in single quotes', () => {
    const r = ps('$name = "world"\n"hello $name $env:COMPUTERNAME $(1 + 2)"\n\'hello $name\'');
    expect(r.stdout).toBe('hello world EC2AMAZ-ABC1234 3\r\nhello $name\r\n');
  });

  it('Write-Error goes to stderr as an error record and leaves the exit code at 0', () => {
    const r = ps('Write-Error "disk full"; Write-Output "after"');
    expect(r.stdout).toBe('after\r\n');
    expect(r.stderr).toContain(' : disk full');
    expect(r.stderr).toContain('    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorExcept\r\n   ion\r\n');
    expect(r.exitCode).toBe(0);
  });

  it('Write-Warning is written as WARNING:', () => {
    expect(ps('Write-Warning "careful"').stdout).toBe('WARNING: careful\r\n');
  });
});

describe('powershell: node facts', () => {
  it('hostname, whoami, $env variables the agent sets', () => {
    const r = ps('hostname; whoami; $env:AWS_SSM_INSTANCE_ID; $env:AWS_SSM_REGION_NAME; $env:USERNAME');
    expect(r.stdout).toBe('EC2AMAZ-ABC1234\r\nnt authority\\system\r\ni-0fedcba9876543210\r\neu-west-1\r\nEC2AMAZ-ABC1234$\r\n');
  });

  it('$PSVersionTable.PSVersion prints as a table and converts to a string', () => {
    const r = ps('$PSVersionTable.PSVersion; "$($PSVersionTable.PSVersion)"; $PSVersionTable.PSVersion.Major');
    expect(r.stdout).toBe('\r\nMajor  Minor  Build  Revision\r\n-----  -----  -----  --------\r\n5      1      20348  2849\r\n\r\n\r\n5.1.20348.2849\r\n5\r\n');
  });

  it('Get-Date answers the virtual clock, with -Format and -UFormat', () => {
    const r = ps('Get-Date -Format "yyyy-MM-dd HH:mm:ss"; Get-Date -UFormat "%Y%m%d"; (Get-Date).Year; Start-Sleep -Seconds 61; Get-Date -Format "HH:mm:ss"');
    expect(r.stdout).toBe('2025-01-01 00:00:00\r\n20250101\r\n2025\r\n00:01:01\r\n');
    expect(ps('Get-Date').stdout).toBe('\r\nWednesday, January 1, 2025 12:00:00 AM\r\n\r\n\r\n');
  });

  it('Start-Sleep advances virtual time only', () => {
    const r = ps('Start-Sleep -Seconds 30; Start-Sleep -Milliseconds 500; Start-Sleep 2', { commandCostMs: 0 });
    expect(r.durationMs).toBe(32_500);
  });

  it('Get-Location is the agent working directory (C:\\Windows\\system32) or workingDirectory', () => {
    expect(ps('"$(Get-Location)"').stdout).toBe('C:\\Windows\\system32\r\n');
    expect(ps('Set-Location C:\\Windows; "$(Get-Location)"; $PWD.Path').stdout).toBe('C:\\Windows\r\nC:\\Windows\r\n');
    expect(ps('"$(Get-Location)"', { workingDirectory: 'C:\\app' }).stdout).toBe('C:\\app\r\n');
  });

  it('Get-Content reads simulated files and reports a missing one', () => {
    const r = ps('Get-Content C:\\app\\version.txt\nGet-Content C:\\missing.txt\n"next"', { files: { 'C:\\app\\version.txt': '1.0\r\n2.0\r\n' } });
    expect(r.stdout).toBe('1.0\r\n2.0\r\nnext\r\n');
    expect(r.stderr).toBe(
      [
        "Get-Content : Cannot find path 'C:\\missing.txt' because it does not exist.",
        ...wrapAt(`At ${PATH}:2 char:1`),
        '+ Get-Content C:\\missing.txt',
        '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~',
        ...wrapAt('    + CategoryInfo          : ObjectNotFound: (C:\\missing.txt:String) [Get-Content], ItemNotFoundException', '   '),
        '    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetCon',
        '   tentCommand',
        ' ',
        '',
      ].join('\r\n'),
    );
    expect(r.exitCode).toBe(0);
  });

  it('Set-Content / Add-Content / Test-Path work on the simulated file system', () => {
    const r = ps('Set-Content -Path C:\\Windows\\Temp\\a.txt -Value "one"; Add-Content C:\\Windows\\Temp\\a.txt "two"; Get-Content C:\\Windows\\Temp\\a.txt; Test-Path C:\\Windows\\Temp\\a.txt; Test-Path C:\\nope');
    expect(r.stdout).toBe('one\r\ntwo\r\nTrue\r\nFalse\r\n');
  });
});

describe('powershell: errors and exit codes', () => {
  it("an unknown command gives PowerShell's not-recognized error and the script goes on, exit 0", () => {
    const r = ps('Write-Output "before"\nInstall-Thing -Force\nWrite-Output "after"');
    expect(r.stdout).toBe('before\r\nafter\r\n');
    expect(r.stderr).toBe(
      [
        "Install-Thing : The term 'Install-Thing' is not recognized as the name of a ",
        'cmdlet, function, script file, or operable program. Check the spelling of the ',
        'name, or if a path was included, verify that the path is correct and try again.',
        ...wrapAt(`At ${PATH}:2 char:1`),
        '+ Install-Thing -Force',
        '+ ~~~~~~~~~~~~~',
        '    + CategoryInfo          : ObjectNotFound: (Install-Thing:String) [], Comman',
        '   dNotFoundException',
        '    + FullyQualifiedErrorId : CommandNotFoundException',
        ' ',
        '',
      ].join('\r\n'),
    );
    expect(r.exitCode).toBe(0);
  });

  it('exit N sets the exit code and stops the script; $LASTEXITCODE follows', () => {
    const r = ps('Write-Output "a"\nexit 3010\nWrite-Output "b"');
    expect(r.stdout).toBe('a\r\n');
    expect(r.exitCode).toBe(3010);
    expect(ps('hostname | Out-Null; "code=$LASTEXITCODE"').stdout).toBe('code=0\r\n');
  });

  it('throw "x" ends the script with exit 1 and the error on stderr', () => {
    const r = ps('Write-Output "a"\nthrow "deploy failed"\nWrite-Output "b"');
    expect(r.stdout).toBe('a\r\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\r\n').slice(0, 1)).toEqual(['deploy failed']);
    expect(r.stderr).toContain(`+ throw "deploy failed"\r\n+ ${'~'.repeat('throw "deploy failed"'.length)}\r\n`);
    expect(r.stderr).toContain('+ CategoryInfo          : OperationStopped: (deploy failed:String) [], Runt');
  });

  it('try/catch catches throw and not-recognized commands; $_ is the error', () => {
    const r = ps('try { throw "boom" } catch { "caught: $($_.Exception.Message)" } finally { "cleanup" }\ntry { nosuchcmd } catch { "caught 2" }');
    expect(r.stdout).toBe('caught: boom\r\ncleanup\r\ncaught 2\r\n');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it("$ErrorActionPreference = 'Stop' makes Write-Error terminating", () => {
    const r = ps("$ErrorActionPreference = 'Stop'\nWrite-Error 'fatal'\nWrite-Output 'never'");
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(' : fatal');
  });

  it('-ErrorAction SilentlyContinue hides the error; $? is false', () => {
    const r = ps('Get-Content C:\\nope -ErrorAction SilentlyContinue; "ok=$?"');
    expect(r.stdout).toBe('ok=False\r\n');
    expect(r.stderr).toBe('');
  });

  it('a parse error stops the script before it runs, exit 1', () => {
    const r = ps('Write-Output "a"\nif ($true) { "x"');
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Missing closing '}'");
  });
});

describe('powershell: language', () => {
  it('if/elseif/else, comparison and logical operators', () => {
    const r = ps('$n = 7\nif ($n -gt 10) { "big" } elseif ($n -ge 5 -and $n -ne 6) { "mid" } else { "small" }\n"abc" -like "a*"; "ABC" -eq "abc"; "ABC" -ceq "abc"; "v1.2" -match "^v\\d+\\.\\d+$"; -not $true');
    expect(r.stdout).toBe('mid\r\nTrue\r\nTrue\r\nFalse\r\nTrue\r\nFalse\r\n');
  });

  it('foreach, for, while with ranges and arrays', () => {
    expect(ps('foreach ($x in @("a","b")) { "x=$x" }; foreach ($i in 1..3) { $i }').stdout).toBe('x=a\r\nx=b\r\n1\r\n2\r\n3\r\n');
    expect(ps('for ($i = 0; $i -lt 3; $i++) { "i$i" }').stdout).toBe('i0\r\ni1\r\ni2\r\n');
    expect(ps('$i = 0; while ($i -lt 2) { $i += 1; "w$i" }').stdout).toBe('w1\r\nw2\r\n');
  });

  it('functions with param() and return values', () => {
    expect(ps('function Add($a, $b) { return $a + $b }\nAdd 2 3\nfunction Greet { param([string]$Name = "you") "hi $Name" }\nGreet -Name Bob; Greet').stdout).toBe('5\r\nhi Bob\r\nhi you\r\n');
  });

  it('string methods, -f, -replace, -split, -join and hashtables', () => {
    const r = ps('"  Mixed  ".Trim().ToUpper(); "{0}-{1:00}" -f "a", 7; "a.b.c" -replace "\\.", "/"; ("a,b" -split ",").Count; @("x","y") -join "+"; $h = @{ Name = "n1"; Count = 2 }; $h.Name; $h["Count"]');
    expect(r.stdout).toBe('MIXED\r\na-07\r\na/b/c\r\n2\r\nx+y\r\nn1\r\n2\r\n');
  });

  it('.Split(chars) splits at each of the characters, .Trim(chars) trims them', () => {
    const r = ps('"a-b]c^d".Split("]^-") -join "|"; "a b".Split("") -join "|"; "xxhixx".Trim("x")');
    expect(r.stdout).toBe('a|b|c|d\r\na|b\r\nhi\r\n');
  });

  it('pipelines: Where-Object, ForEach-Object, Select-Object, Out-Null, Measure-Object', () => {
    const r = ps('1..5 | Where-Object { $_ -gt 2 } | ForEach-Object { $_ * 10 } | Select-Object -First 2; "x" | Out-Null; (1..4 | Measure-Object).Count');
    expect(r.stdout).toBe('30\r\n40\r\n4\r\n');
  });

  it('redirection to $null discards output', () => {
    expect(ps('Write-Output "hidden" > $null; "shown"').stdout).toBe('shown\r\n');
  });

  it('[Environment] statics', () => {
    expect(ps('[Environment]::MachineName; [System.Environment]::GetEnvironmentVariable("AWS_SSM_INSTANCE_ID")').stdout).toBe('EC2AMAZ-ABC1234\r\ni-0fedcba9876543210\r\n');
  });

  it('each command costs commandCostMs and the run is deterministic', () => {
    expect(ps('"a"; "b"', { commandCostMs: 20 }).durationMs).toBe(40);
    expect(ps('Get-Date; Start-Sleep 3; Get-Date')).toEqual(ps('Get-Date; Start-Sleep 3; Get-Date'));
  });

  it('an endless while loop ends at the step limit', () => {
    const r = ps('while ($true) { $x = 1 }', { maxSteps: 2000 });
    expect(r.aborted).toBe('step-limit');
    expect(r.exitCode).toBe(1);
  });

  it('a loop that sleeps past the timeout is stopped with exit -1 on Windows', () => {
    const r = ps('while ($true) { Start-Sleep -Seconds 10 }', { timeoutMs: 30_000 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBe(-1);
    expect(r.durationMs).toBe(30_000);
  });
});

describe('powershell on Linux (pwsh 7)', () => {
  it('uses LF, root, PowerShell 7 and the ConciseView error format', () => {
    const path = agentScriptPath({ node: LINUX, dialect: 'powershell' });
    const r = runScript({ dialect: 'powershell', script: 'whoami; $PSVersionTable.PSEdition\nfoo', node: LINUX, startTime: START });
    expect(r.stdout).toBe('root\nCore\n');
    expect(r.stderr).toBe(
      `${path}:2\nLine |\n   2 |  foo\n     |  ~~~\n     | The term 'foo' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n`,
    );
    expect(r.exitCode).toBe(0);
  });
});

/** The 79-column hard wrap powershell.exe applies to a long "At <path>" line. */
function wrapAt(line: string, indent = ''): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > 79) {
    out.push(rest.slice(0, 79));
    rest = indent + rest.slice(79);
  }
  out.push(rest);
  return out;
}
