import { describe, expect, it } from 'vitest';
import { runScript, type NodeFacts, type RunScriptInput } from './index.js';
import type { ServiceFact } from './system.js';

const services: ServiceFact[] = [
  { Name: 'amazon-ssm-agent', DisplayName: 'amazon-ssm-agent', Status: 'Running', StartType: 'Automatic' },
  { Name: 'amazon-cloudwatch-agent', DisplayName: 'Amazon CloudWatch Agent', Status: 'Stopped', StartType: 'Manual' },
];
const AL2023: NodeFacts = {
  InstanceId: 'i-0123456789abcdef0',
  PlatformType: 'Linux',
  PlatformName: 'Amazon Linux',
  PlatformVersion: '2023',
  Services: services,
  Applications: [{ Name: 'amazon-ssm-agent', Version: '3.3.1957.0', Release: '1.amzn2023', Architecture: 'x86_64' }],
};
const AL2: NodeFacts = { ...AL2023, PlatformVersion: '2' };
const UBUNTU: NodeFacts = { ...AL2023, PlatformName: 'Ubuntu', PlatformVersion: '22.04', Applications: [{ Name: 'openssl', Version: '3.0.2-0ubuntu1.18' }] };
const WIN: NodeFacts = {
  InstanceId: 'i-0fedcba9876543210',
  PlatformType: 'Windows',
  PlatformName: 'Microsoft Windows Server 2022 Datacenter',
  PlatformVersion: '10.0.20348',
  Services: [
    { Name: 'AmazonSSMAgent', DisplayName: 'Amazon SSM Agent', Status: 'Running', StartType: 'Automatic' },
    { Name: 'W32Time', DisplayName: 'Windows Time', Status: 'Running', StartType: 'Automatic' },
    { Name: 'wuauserv', DisplayName: 'Windows Update', Status: 'Stopped', StartType: 'Disabled' },
  ],
};
const START = Date.UTC(2025, 0, 1);

/** stderr without PowerShell's 80-column wrapping (continuation lines start with up to 3 spaces). */
const unwrapped = (s: string) => s.replace(/\r\n {0,3}/g, '');

const run = (node: NodeFacts, script: string, extra: Partial<RunScriptInput> = {}) =>
  runScript({ dialect: node.PlatformType === 'Windows' ? 'powershell' : 'sh', script, node, startTime: START, ...extra });

describe('systemctl and service', () => {
  it('a stopped service starts; the script sees its own change; the change is reported once the run ends', () => {
    const r = run(AL2023, 'systemctl is-active amazon-cloudwatch-agent || systemctl start amazon-cloudwatch-agent.service\nsystemctl is-active amazon-cloudwatch-agent');
    expect(r.stdout).toBe('inactive\nactive\n');
    expect(r.exitCode).toBe(0);
    expect(r.changes).toEqual([{ kind: 'service', service: { ...services[1], Status: 'Running' } }]);
    // The input facts are never written.
    expect(services[1].Status).toBe('Stopped');
  });

  it('stop, is-active --quiet, status and restart answer as systemd does', () => {
    const r = run(AL2023, 'systemctl stop amazon-ssm-agent\nsystemctl is-active --quiet amazon-ssm-agent; echo "rc=$?"\nsystemctl status amazon-ssm-agent; echo "rc=$?"\nsystemctl restart amazon-ssm-agent');
    expect(r.stdout).toBe(
      'rc=3\n○ amazon-ssm-agent.service - amazon-ssm-agent\n     Loaded: loaded (/usr/lib/systemd/system/amazon-ssm-agent.service; enabled; preset: disabled)\n     Active: inactive (dead)\nrc=3\n',
    );
    expect(r.changes?.map((c) => c.kind === 'service' && c.service.Status)).toEqual(['Stopped', 'Running']);
  });

  it('unknown units: start fails with exit 5, status with 4, is-active prints inactive', () => {
    const r = run(AL2023, 'systemctl start nginx; echo "start=$?"\nsystemctl status nginx; echo "status=$?"\nsystemctl is-active nginx; echo "active=$?"');
    expect(r.stdout).toBe('start=5\nstatus=4\ninactive\nactive=3\n');
    expect(r.stderr).toBe('Failed to start nginx.service: Unit nginx.service not found.\nUnit nginx.service could not be found.\n');
    expect(r.changes).toBeUndefined();
  });

  it('enable --now enables and starts; is-enabled reports it', () => {
    const r = run(AL2023, 'systemctl enable --now amazon-cloudwatch-agent && systemctl is-enabled amazon-cloudwatch-agent');
    expect(r.stdout).toBe('enabled\n');
    expect(r.stderr).toContain('Created symlink /etc/systemd/system/multi-user.target.wants/amazon-cloudwatch-agent.service');
    expect(r.changes).toEqual([{ kind: 'service', service: { ...services[1], Status: 'Running', StartType: 'Automatic' } }]);
  });

  it('service(8) redirects to systemctl on Amazon Linux and refuses unknown services on Ubuntu', () => {
    const al = run(AL2023, 'service amazon-cloudwatch-agent start');
    expect(al.stderr).toBe('Redirecting to /bin/systemctl start amazon-cloudwatch-agent.service\n');
    expect(al.changes).toHaveLength(1);
    const ub = run(UBUNTU, 'service nginx restart');
    expect(ub).toMatchObject({ stderr: 'nginx: unrecognized service\n', exitCode: 1 });
  });

  it('does not exist on Windows or macOS sh', () => {
    const mac = run({ InstanceId: 'i-0123456789abcdef0', PlatformType: 'MacOS', PlatformName: 'macOS', PlatformVersion: '14.6' }, 'systemctl start x');
    expect(mac.exitCode).toBe(127);
  });
});

describe('package managers', () => {
  it('yum install -y installs from the simulated repository, with the service the package brings (stopped, as RPMs leave it)', () => {
    const r = run(AL2023, 'rpm -q nginx || yum install -y nginx\nrpm -q nginx\nsystemctl is-active nginx');
    expect(r.stdout).toContain('package nginx is not installed\n');
    expect(r.stdout).toContain('Installed:\n  nginx-1.24.0-1.amzn2023.x86_64\n\nComplete!\n');
    expect(r.stdout).toMatch(/nginx-1\.24\.0-1\.amzn2023\.x86_64\ninactive\n$/);
    expect(r.changes).toEqual([
      { kind: 'package', package: { Name: 'nginx', Version: '1.24.0', Release: '1.amzn2023', Publisher: 'Amazon Linux', Architecture: 'x86_64', Summary: expect.any(String), InstalledTime: '2025-01-01T00:00:03Z' } },
      { kind: 'service', service: { Name: 'nginx', DisplayName: 'The nginx HTTP and reverse proxy server', Status: 'Stopped', StartType: 'Manual' } },
    ]);
    // Installing takes virtual time.
    expect(r.durationMs).toBeGreaterThanOrEqual(3000);
  });

  it('yum without -y asks and aborts; an unknown package is no match; installed packages are left alone', () => {
    expect(run(AL2023, 'yum install nginx')).toMatchObject({ exitCode: 1, stderr: 'Operation aborted.\n' });
    expect(run(AL2023, 'yum install nginx').changes).toBeUndefined();
    expect(run(AL2023, 'dnf install -y no-such-thing')).toMatchObject({ exitCode: 1, stdout: 'No match for argument: no-such-thing\n', stderr: 'Error: Unable to find a match: no-such-thing\n' });
    const again = run(AL2023, 'yum install -y amazon-ssm-agent');
    expect(again.stdout).toContain('Package amazon-ssm-agent-3.3.1957.0-1.amzn2023.x86_64 is already installed.\n');
    expect([again.exitCode, again.changes]).toEqual([0, undefined]);
  });

  it('yum remove takes the package and its service away', () => {
    const r = run(AL2023, 'yum remove -y amazon-cloudwatch-agent', { node: { ...AL2023, Applications: [{ Name: 'amazon-cloudwatch-agent', Version: '1.300051.0', Release: '1.amzn2023', Architecture: 'x86_64' }] } });
    expect(r.exitCode).toBe(0);
    expect(r.changes).toEqual([
      { kind: 'package-removed', name: 'amazon-cloudwatch-agent' },
      { kind: 'service-removed', name: 'amazon-cloudwatch-agent' },
    ]);
  });

  it('Amazon Linux 2 has yum but no dnf; Ubuntu has apt-get but no yum', () => {
    expect(run(AL2, 'dnf install -y jq').exitCode).toBe(127);
    expect(run(AL2, 'yum install -y jq').changes?.[0]).toMatchObject({ kind: 'package', package: { Name: 'jq', Release: '1.amzn2' } });
    expect(run(UBUNTU, 'yum install -y jq').exitCode).toBe(127);
  });

  it('apt-get install starts the service a Debian package brings; unknown packages exit 100', () => {
    const r = run(UBUNTU, 'apt-get install -y nginx && dpkg -s nginx | grep Status && systemctl is-active nginx');
    expect(r.stdout).toContain('The following NEW packages will be installed:\n  nginx\n');
    expect(r.stdout).toMatch(/Status: install ok installed\nactive\n$/);
    expect(r.changes?.map((c) => c.kind)).toEqual(['package', 'service']);
    expect(r.changes?.[0]).toMatchObject({ package: { Name: 'nginx', Version: '1.24.0-1ubuntu1', Architecture: 'amd64', Publisher: 'Ubuntu Developers' } });
    expect(run(UBUNTU, 'apt-get install -y nope')).toMatchObject({ exitCode: 100, stderr: 'E: Unable to locate package nope\n' });
    expect(run(UBUNTU, 'apt-get remove -y openssl').changes).toEqual([{ kind: 'package-removed', name: 'openssl' }]);
  });
});

describe('PowerShell services and packages (Windows)', () => {
  it('Get-Service prints one table for a stream of services', () => {
    const r = run(WIN, 'Get-Service W32Time, AmazonSSMAgent');
    expect(r.stdout).toBe(
      '\r\nStatus   Name               DisplayName\r\n------   ----               -----------\r\n' +
        'Running  W32Time            Windows Time\r\nRunning  AmazonSSMAgent     Amazon SSM Agent\r\n\r\n\r\n',
    );
  });

  it('Stop-Service / Start-Service change the node; (Get-Service x).Status sees it', () => {
    const r = run(WIN, "Stop-Service -Name w32time\n(Get-Service W32Time).Status\nGet-Service W32Time | Start-Service\nif ((Get-Service W32Time).Status -eq 'Running') { 'back' }");
    expect(r.stdout).toBe('Stopped\r\nback\r\n');
    expect(r.changes?.map((c) => c.kind === 'service' && c.service.Status)).toEqual(['Stopped', 'Running']);
  });

  it('an unknown service is a non-terminating error; a disabled one cannot start', () => {
    const r = run(WIN, "Start-Service nope\nStart-Service wuauserv\n'after'");
    expect(r.stdout).toBe('after\r\n');
    const err = unwrapped(r.stderr);
    expect(err).toContain("Start-Service : Cannot find any service with service name 'nope'.");
    expect(err).toContain('NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.StartServiceCommand');
    expect(err).toContain("Service 'Windows Update (wuauserv)' cannot be started due to the following error: Cannot start service wuauserv on computer '.'.");
    expect(r.changes).toBeUndefined();
  });

  it('Set-Service -StartupType then Start-Service', () => {
    const r = run(WIN, 'Set-Service wuauserv -StartupType Manual; Start-Service wuauserv');
    expect(r.changes?.at(-1)).toEqual({ kind: 'service', service: { Name: 'wuauserv', DisplayName: 'Windows Update', Status: 'Running', StartType: 'Manual' } });
  });

  it('Install-Package adds an application and prints it; Get-Package finds it; unknown names are no match', () => {
    const r = run(WIN, 'Install-Package -Name Pester -Force\nGet-Package Pester | Select-Object -ExpandProperty Version\nInstall-Package nothing-like-this');
    expect(r.stdout).toContain('Pester                         5.6.1            PSGallery        Pester provides');
    expect(r.stdout).toContain('5.6.1\r\n');
    expect(unwrapped(r.stderr)).toContain("Install-Package : No match was found for the specified search criteria and package name 'nothing-like-this'.");
    expect(r.changes).toEqual([{ kind: 'package', package: expect.objectContaining({ Name: 'Pester', Version: '5.6.1', Publisher: 'PSGallery' }) }]);
  });

  it('Get-Service does not exist in pwsh on Linux', () => {
    const r = runScript({ dialect: 'powershell', script: 'Get-Service', node: AL2023, startTime: START });
    expect(r.stderr).toContain("The term 'Get-Service' is not recognized");
  });
});
