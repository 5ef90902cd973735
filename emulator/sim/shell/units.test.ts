import { describe, expect, it } from 'vitest';
import { dotnetFormat, psDefaultDate, strftime } from './datefmt.js';
import { agentScriptPath, resolveFacts } from './facts.js';
import { compileRegex, globMatch, RegexError } from './regex.js';

const T = Date.UTC(2025, 6, 4, 15, 7, 9, 123); // Friday 2025-07-04 15:07:09.123 UTC

describe('regex (linear-time matcher)', () => {
  it('BRE, ERE and .NET flavours agree with the usual semantics', () => {
    expect(compileRegex('^ab*c$', 'bre').test('abbbc')).toBe(true);
    expect(compileRegex('a+', 'bre').test('aa')).toBe(false); // + is literal in BRE
    expect(compileRegex('a\\+', 'bre').test('aa')).toBe(true);
    expect(compileRegex('^(foo|bar){2}$', 'ere').test('foobar')).toBe(true);
    expect(compileRegex('[[:digit:]]{3}', 'ere').test('ab123')).toBe(true);
    expect(compileRegex('^\\d+\\.\\d+$', 'net').test('10.25')).toBe(true);
    expect(compileRegex('\\bword\\b', 'net').test('a word here')).toBe(true);
    expect(compileRegex('\\bword\\b', 'net').test('swordfish')).toBe(false);
    expect(compileRegex('HELLO', 'ere', true).test('say hello')).toBe(true);
    expect(compileRegex('b+', 'ere').exec('aabbbc')).toEqual([2, 5]);
  });

  it('rejects malformed patterns with a RegexError', () => {
    expect(() => compileRegex('(a', 'ere')).toThrow(RegexError);
    expect(() => compileRegex('[a', 'ere')).toThrow(RegexError);
    expect(() => compileRegex('a{5000}', 'ere')).toThrow(RegexError);
  });

  it('answers catastrophic patterns quickly', () => {
    const s = 'a'.repeat(5000) + 'b';
    const t = performance.now();
    expect(compileRegex('^(a+)+$', 'ere').test(s)).toBe(false);
    expect(compileRegex('(a|aa)*c', 'ere').test(s)).toBe(false);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('glob matching with *, ?, classes and escapes', () => {
    expect(globMatch('*.txt', 'a.txt')).toBe(true);
    expect(globMatch('?.t[xy]t', 'a.tyt')).toBe(true);
    expect(globMatch('[!a]*', 'abc')).toBe(false);
    expect(globMatch('\\*', '*')).toBe(true);
    expect(globMatch('\\*', 'x')).toBe(false);
    expect(globMatch('A*', 'abc', true)).toBe(true);
    expect(globMatch('*a*a*a*a*a*b', 'a'.repeat(3000))).toBe(false);
  });
});

describe('date formats', () => {
  it('strftime conversions', () => {
    expect(strftime('%Y-%m-%d %H:%M:%S %j %a %A %b %B %e %I %p %u %w %s %N', T)).toBe(
      '2025-07-04 15:07:09 185 Fri Friday Jul July  4 03 PM 5 5 1751641629 123000000',
    );
    expect(strftime('%F %T %D %R %-d %_m %V %G %% %Q', T)).toBe('2025-07-04 15:07:09 07/04/25 15:07 4  7 27 2025 % %Q');
  });

  it('.NET formats', () => {
    expect(dotnetFormat('yyyy-MM-dd HH:mm:ss.fff', T)).toBe('2025-07-04 15:07:09.123');
    expect(dotnetFormat('dddd, MMMM d, yyyy h:mm tt', T)).toBe('Friday, July 4, 2025 3:07 PM');
    expect(dotnetFormat('o', T)).toBe('2025-07-04T15:07:09.1230000+00:00');
    expect(dotnetFormat('s', T)).toBe('2025-07-04T15:07:09');
    expect(dotnetFormat("yyyyMMdd'T'HHmm", T)).toBe('20250704T1507');
    expect(psDefaultDate(T)).toBe('Friday, July 4, 2025 3:07:09 PM');
  });
});

describe('node facts', () => {
  it('derive host names, kernels, shells and files from the platform', () => {
    const al2 = resolveFacts({ node: { InstanceId: 'i-1', PlatformName: 'Amazon Linux', PlatformVersion: '2', IPAddress: '10.0.0.5', Region: 'eu-west-1' } });
    expect(al2.hostname).toBe('ip-10-0-0-5.eu-west-1.compute.internal');
    expect(al2.files['/etc/system-release']).toBe('Amazon Linux release 2 (Karoo)\n');
    expect(al2.binSh).toBe('bash');
    expect(al2.agentCwd).toBe('/usr/bin');
    expect(al2.env.HOME).toBeUndefined();
    const ubuntu = resolveFacts({ node: { InstanceId: 'i-2', PlatformName: 'Ubuntu', PlatformVersion: '24.04' } });
    expect(ubuntu.binSh).toBe('dash');
    expect(ubuntu.files['/etc/os-release']).toContain('VERSION_CODENAME=noble');
    const win = resolveFacts({ node: { InstanceId: 'i-0abc1234567', PlatformType: 'Windows', PlatformVersion: '10.0.17763' } });
    expect(win.user).toBe('nt authority\\system');
    expect(win.psVersion).toBe('5.1.17763.6414');
    expect(win.hostname).toMatch(/^EC2AMAZ-[0-9A-Z]{7}$/);
    expect(win.env.AWS_SSM_INSTANCE_ID).toBe('i-0abc1234567');
  });

  it('agentScriptPath follows the agent orchestration layout', () => {
    expect(agentScriptPath({ node: { InstanceId: 'i-1' }, dialect: 'sh', commandId: 'c-1' })).toBe(
      '/var/lib/amazon/ssm/i-1/document/orchestration/c-1/awsrunShellScript/0.awsrunShellScript/_script.sh',
    );
    expect(agentScriptPath({ node: { InstanceId: 'i-1', PlatformType: 'Windows' }, dialect: 'powershell', commandId: 'c-1', pluginDir: 'step1' })).toBe(
      'C:\\ProgramData\\Amazon\\SSM\\InstanceData\\i-1\\document\\orchestration\\c-1\\step1\\_script.ps1',
    );
  });
});
