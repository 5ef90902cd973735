import { describe, expect, it } from 'vitest';
import { runScript, type NodeFacts } from './index.js';

const START = Date.UTC(2025, 0, 1, 10, 0, 0);
const AL2023: NodeFacts = {
  InstanceId: 'i-0a1b2c3d4e5f60001', PlatformType: 'Linux', PlatformName: 'Amazon Linux', PlatformVersion: '2023',
  IPAddress: '172.31.10.11', ComputerName: 'ip-172-31-10-11.ec2.internal', Region: 'us-east-1',
  InstanceType: 't3.medium', LaunchTime: START / 1000 - (3 * 86400 + 2 * 3600 + 4 * 60),
};
const UBUNTU: NodeFacts = { ...AL2023, InstanceId: 'i-0a1b2c3d4e5f60003', PlatformName: 'Ubuntu', PlatformVersion: '22.04', InstanceType: 'm5.xlarge' };
const WIN: NodeFacts = {
  InstanceId: 'i-0a1b2c3d4e5f60004', PlatformType: 'Windows', PlatformName: 'Microsoft Windows Server 2022 Datacenter',
  PlatformVersion: '10.0.20348', IPAddress: '172.31.10.14', ComputerName: 'EC2AMAZ-SQL1', Region: 'us-east-1', InstanceType: 'r5.large',
};
const sh = (script: string, node = AL2023) => runScript({ dialect: 'sh', script, node, startTime: START });
const ps = (script: string, node = WIN) => runScript({ dialect: 'powershell', script, node, startTime: START });

describe('simulated machine: Linux utilities answer from the node', () => {
  it('uptime counts from the launch time, on the virtual clock', () => {
    expect(sh('uptime').stdout).toMatch(/^ 10:00:00 up 3 days,  2:04,  0 users,  load average: \d\.\d\d, \d\.\d\d, \d\.\d\d\n$/);
    expect(sh('uptime -p').stdout).toBe('up 3 days, 2 hours, 4 minutes\n');
    expect(sh('uptime -s').stdout).toBe('2024-12-29 07:56:00\n');
    expect(sh('sleep 120; uptime -p').stdout).toBe('up 3 days, 2 hours, 6 minutes\n');
    expect(sh('cut -d. -f1 /proc/uptime').stdout).toBe(`${3 * 86400 + 2 * 3600 + 4 * 60}\n`);
  });

  it('free and /proc/meminfo size memory from the instance type; nproc and cpuinfo its vCPUs', () => {
    const r = sh('free -m');
    expect(r.stdout.split('\n')[0]).toBe('               total        used        free      shared  buff/cache   available');
    expect(r.stdout).toMatch(/^Mem: +3932 +\d+ +\d+ +1 +\d+ +\d+$/m);
    expect(sh('free -h').stdout).toMatch(/^Mem: +3\.9Gi /m);
    expect(sh("grep MemTotal /proc/meminfo").stdout).toBe('MemTotal:        4026532 kB\n');
    expect(sh('nproc').stdout).toBe('2\n');
    expect(sh('grep -c processor /proc/cpuinfo', UBUNTU).stdout).toBe('4\n');
    expect(sh("grep -m1 'model name' /proc/cpuinfo").stdout).toBe('model name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz\n');
  });

  it('df -h lists the root volume; a path picks its mount', () => {
    const r = sh('df -h');
    expect(r.stdout.split('\n')[0]).toMatch(/^Filesystem +Size +Used Avail Use% Mounted on$/);
    expect(r.stdout).toMatch(/^\/dev\/nvme0n1p1 +8\.0G +\d\.\dG +\d\.\dG +\d+% \/$/m);
    expect(sh('df -h /var/log').stdout.trim().split('\n')).toHaveLength(2);
    expect(sh('df -h /', UBUNTU).stdout).toMatch(/^\/dev\/root /m);
    expect(sh("df / | awk '{print $6}'").exitCode).toBe(127);
  });

  it('ps lists the script, ps aux and ps -ef the agent', () => {
    expect(sh('ps').stdout).toMatch(/^    PID TTY          TIME CMD\n +\d+ \?        00:00:00 sh\n +\d+ \?        00:00:00 ps\n$/);
    expect(sh('ps aux | grep -c amazon-ssm-agent').stdout).toBe('1\n');
    expect(sh('ps -ef | head -1').stdout).toBe('UID          PID    PPID  C STIME TTY          TIME CMD\n');
  });

  it('ip addr and hostname -I show the node address; whoami and id the agent user', () => {
    expect(sh('ip addr').stdout).toContain('    inet 172.31.10.11/20 metric 512 brd 172.31.15.255 scope global dynamic ens5\n');
    expect(sh('ip -4 a').stdout).toContain('inet 172.31.10.11/20');
    expect(sh('ip route').stdout).toMatch(/^default via 172\.31\.0\.1 dev ens5/);
    expect(sh('hostname -I').stdout).toBe('172.31.10.11 \n');
    expect(sh('whoami; id').stdout).toBe('root\nuid=0(root) gid=0(root) groups=0(root)\n');
  });

  it('lsb_release on Ubuntu; Amazon Linux does not ship it', () => {
    const r = sh('lsb_release -a', UBUNTU);
    expect(r.stdout).toBe('Distributor ID:\tUbuntu\nDescription:\tUbuntu 22.04 LTS\nRelease:\t22.04\nCodename:\tjammy\n');
    expect(r.stderr).toBe('No LSB modules are available.\n');
    expect(sh('lsb_release -cs', UBUNTU).stdout).toBe('jammy\n');
    const al = sh('lsb_release -a');
    expect(al.exitCode).toBe(127);
    expect(al.stderr).toMatch(/lsb_release: command not found\n$/);
  });

  it('curl and wget reach the instance metadata service only', () => {
    expect(sh('curl -s http://169.254.169.254/latest/meta-data/instance-id').stdout).toBe('i-0a1b2c3d4e5f60001');
    expect(sh('wget -qO- http://169.254.169.254/latest/meta-data/local-ipv4').stdout).toBe('172.31.10.11');
    const w = sh('wget -q -O - https://example.com/');
    expect(w.exitCode).toBe(4);
    const c = sh('curl -sS https://example.com/');
    expect([c.exitCode, c.stderr]).toEqual([6, 'curl: (6) Could not resolve host: example.com\n']);
    expect(sh('wget http://example.com/x').stderr).toContain('wget: unable to resolve host address ‘example.com’');
  });

  it('answers the same on every run (deterministic)', () => {
    const script = 'uptime; free; df; ps aux; ip a; cat /proc/cpuinfo /proc/loadavg';
    expect(sh(script).stdout).toBe(sh(script).stdout);
  });

  it('unknown programs stay "command not found"', () => {
    expect(sh('htop').exitCode).toBe(127);
    expect(sh('top -bn1').stderr).toMatch(/top: command not found/);
  });
});

describe('simulated machine: Windows', () => {
  it('ipconfig and systeminfo', () => {
    const r = ps('ipconfig');
    expect(r.stdout).toContain('\r\nWindows IP Configuration\r\n');
    expect(r.stdout).toContain('   IPv4 Address. . . . . . . . . . . : 172.31.10.14\r\n');
    expect(ps('ipconfig /all').stdout).toContain('   Host Name . . . . . . . . . . . . : EC2AMAZ-SQL1\r\n');
    const s = ps('systeminfo');
    expect(s.stdout).toContain('Host Name:                 EC2AMAZ-SQL1\r\n');
    expect(s.stdout).toContain('OS Name:                   Microsoft Windows Server 2022 Datacenter\r\n');
    expect(s.stdout).toContain('Total Physical Memory:     15,728 MB\r\n');
  });

  it('Get-ComputerInfo is a list with readable properties', () => {
    const r = ps('Get-ComputerInfo');
    expect(r.stdout).toMatch(/\r\nWindowsProductName +: Windows Server 2022 Datacenter\r\n/);
    expect(ps('(Get-ComputerInfo).CsName').stdout).toBe('EC2AMAZ-SQL1\r\n');
    expect(ps('$i = Get-ComputerInfo; $i.CsNumberOfLogicalProcessors').stdout).toBe('2\r\n');
  });

  it('Get-Process lists the agent; a missing name is ObjectNotFound', () => {
    expect(ps('Get-Process').stdout).toMatch(/ amazon-ssm-agent\r\n/);
    expect(ps('Get-Process -Name amazon-ssm-agent').stdout).not.toContain('svchost');
    const r = ps('Get-Process nosuch');
    expect(r.stderr).toContain('Get-Process : Cannot find a process with the name "nosuch". Verify the process');
    expect(r.stderr).toContain('NoProcessFoundForGivenName');
  });

  it('ipconfig and Get-ComputerInfo do not exist in pwsh on Linux', () => {
    const r = ps('ipconfig', AL2023);
    expect(r.stderr).toContain("The term 'ipconfig' is not recognized");
  });
});
