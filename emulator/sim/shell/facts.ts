/**
 * What a simulated node looks like from inside a script: host name, user, kernel, the files a script
 * commonly reads (/etc/os-release, ...), the environment the SSM agent gives its child processes
 * and the agent's working directory. Everything is derived from NodeFacts, deterministically.
 *
 * Sources:
 * - Environment: amazon-ssm-agent agent/executers (prepareEnvironment) appends AWS_SSM_INSTANCE_ID,
 *   AWS_SSM_REGION_NAME, AWS_SSM_PLATFORM_NAME and AWS_SSM_PLATFORM_VERSION to the agent's own
 *   environment. On Linux the agent is a systemd service without User=, so HOME is not set (a known
 *   surprise of Run Command) and PATH is systemd's default.
 * - Working directory: the agent's systemd unit has WorkingDirectory=/usr/bin/, and a plugin without
 *   workingDirectory inherits it; a Windows service starts in C:\Windows\system32.
 * - Shell: the runShellScript plugin runs `sh -c <path>/_script.sh`. Without a shebang the script is
 *   run by /bin/sh, which is dash on Ubuntu and Debian and bash elsewhere.
 * - /etc/os-release and friends follow the files those distributions ship (values simplified).
 */
import type { NodeFacts, RunScriptInput } from './types.js';

export type OsKind = 'linux' | 'windows' | 'macos';

export interface Facts {
  os: OsKind;
  instanceId: string;
  hostname: string;
  ip: string;
  region: string;
  agentVersion: string;
  platformName: string;
  platformVersion: string;
  user: string;
  arch: 'x86_64' | 'arm64';
  kernel: string;
  /** Which program /bin/sh is. */
  binSh: 'bash' | 'dash';
  psVersion: string;
  psEdition: 'Desktop' | 'Core';
  /** The agent's working directory (before the plugin's workingDirectory applies). */
  agentCwd: string;
  /** Default environment of a command (agent environment + AWS_SSM_*). */
  env: Record<string, string>;
  /** Built-in simulated files (path -> content). Windows paths use backslashes. */
  files: Record<string, string>;
  /** Directories that exist besides the parents of files. */
  dirs: string[];
  /** The EC2 instance type, when known (machine.ts sizes the machine from it). */
  instanceType?: string;
  /** Epoch seconds the node booted, when known. */
  bootSeconds?: number;
  /** The distribution family, for os-release and kernel strings. */
  distro: 'amzn' | 'ubuntu' | 'debian' | 'rhel' | 'centos' | 'rocky' | 'alma' | 'sles' | 'other';
}

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_AGENT_VERSION = '3.3.1142.0';

export function osOf(node: NodeFacts): OsKind {
  if (node.PlatformType === 'Windows') return 'windows';
  if (node.PlatformType === 'MacOS') return 'macos';
  return 'linux';
}

function distroOf(name: string): Facts['distro'] {
  const n = name.toLowerCase();
  if (n.includes('amazon')) return 'amzn';
  if (n.includes('ubuntu')) return 'ubuntu';
  if (n.includes('debian')) return 'debian';
  if (n.includes('red hat')) return 'rhel';
  if (n.includes('centos')) return 'centos';
  if (n.includes('rocky')) return 'rocky';
  if (n.includes('alma')) return 'alma';
  if (n.includes('suse') || n.includes('sles')) return 'sles';
  return 'other';
}

/** ip-172-31-1-2.ec2.internal in us-east-1, ip-172-31-1-2.eu-west-1.compute.internal elsewhere (EC2's private DNS names). */
function defaultHostname(ip: string, region: string, os: OsKind, instanceId: string): string {
  if (os === 'windows') {
    // EC2 Windows AMIs name the machine EC2AMAZ-<7 characters>; derive them from the instance id.
    const tail = instanceId.replace(/[^0-9a-zA-Z]/g, '').toUpperCase().slice(-7).padStart(7, '0');
    return `EC2AMAZ-${tail}`;
  }
  const dashed = `ip-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${dashed}.ec2.internal` : `${dashed}.${region}.compute.internal`;
}

function defaultKernel(distro: Facts['distro'], version: string, arch: string): string {
  const a = arch === 'arm64' ? 'aarch64' : 'x86_64';
  switch (distro) {
    case 'amzn':
      return version.startsWith('2023') ? `6.1.119-129.201.amzn2023.${a}` : `5.10.230-223.885.amzn2.${a}`;
    case 'ubuntu':
      return version.startsWith('20.') ? '5.15.0-1072-aws' : '6.8.0-1019-aws';
    case 'debian':
      return `6.1.0-28-cloud-${arch === 'arm64' ? 'arm64' : 'amd64'}`;
    case 'rhel':
    case 'centos':
    case 'rocky':
    case 'alma':
      return version.startsWith('8') ? `4.18.0-553.el8_10.${a}` : `5.14.0-503.11.1.el9_5.${a}`;
    case 'sles':
      return '6.4.0-150600.23.25-default';
    default:
      return `6.1.0.${a}`;
  }
}

const UBUNTU_CODENAMES: Record<string, [string, string]> = {
  '18.04': ['bionic', 'Bionic Beaver'],
  '20.04': ['focal', 'Focal Fossa'],
  '22.04': ['jammy', 'Jammy Jellyfish'],
  '24.04': ['noble', 'Noble Numbat'],
};

function osRelease(distro: Facts['distro'], name: string, version: string): string {
  const q = (k: string, v: string) => `${k}="${v}"`;
  switch (distro) {
    case 'amzn':
      if (version.startsWith('2023')) {
        return [
          q('NAME', 'Amazon Linux'), q('VERSION', '2023'), q('ID', 'amzn'), q('ID_LIKE', 'fedora'),
          q('VERSION_ID', '2023'), q('PLATFORM_ID', 'platform:al2023'), q('PRETTY_NAME', `Amazon Linux ${version}`),
          q('ANSI_COLOR', '0;33'), q('CPE_NAME', 'cpe:2.3:o:amazon:amazon_linux:2023'),
          q('HOME_URL', 'https://aws.amazon.com/linux/amazon-linux-2023/'),
          q('DOCUMENTATION_URL', 'https://docs.aws.amazon.com/linux/'),
          q('SUPPORT_URL', 'https://aws.amazon.com/premiumsupport/'),
          q('BUG_REPORT_URL', 'https://github.com/amazonlinux/amazon-linux-2023'),
          q('VENDOR_NAME', 'AWS'), q('VENDOR_URL', 'https://aws.amazon.com/'), q('SUPPORT_END', '2029-06-30'),
        ].join('\n') + '\n';
      }
      return [
        q('NAME', 'Amazon Linux'), q('VERSION', version), q('ID', 'amzn'), q('ID_LIKE', 'centos rhel fedora'),
        q('VERSION_ID', version), q('PRETTY_NAME', `Amazon Linux ${version}`), q('ANSI_COLOR', '0;33'),
        q('CPE_NAME', `cpe:2.3:o:amazon:amazon_linux:${version}`), q('HOME_URL', 'https://amazonlinux.com/'),
        q('SUPPORT_END', '2026-06-30'),
      ].join('\n') + '\n';
    case 'ubuntu': {
      const [code, words] = UBUNTU_CODENAMES[version] ?? ['ubuntu', 'Ubuntu'];
      const lts = /^\d\d\.04$/.test(version) && Number(version.slice(0, 2)) % 2 === 0 ? ' LTS' : '';
      return [
        q('PRETTY_NAME', `Ubuntu ${version}${lts}`), q('NAME', 'Ubuntu'), q('VERSION_ID', version),
        q('VERSION', `${version}${lts} (${words})`), `VERSION_CODENAME=${code}`, 'ID=ubuntu', 'ID_LIKE=debian',
        q('HOME_URL', 'https://www.ubuntu.com/'), q('SUPPORT_URL', 'https://help.ubuntu.com/'),
        q('BUG_REPORT_URL', 'https://bugs.launchpad.net/ubuntu/'),
        q('PRIVACY_POLICY_URL', 'https://www.ubuntu.com/legal/terms-and-policies/privacy-policy'),
        `UBUNTU_CODENAME=${code}`,
      ].join('\n') + '\n';
    }
    case 'debian':
      return [
        q('PRETTY_NAME', `Debian GNU/Linux ${version}`), q('NAME', 'Debian GNU/Linux'), q('VERSION_ID', version),
        q('VERSION', version), 'ID=debian', q('HOME_URL', 'https://www.debian.org/'),
        q('SUPPORT_URL', 'https://www.debian.org/support'), q('BUG_REPORT_URL', 'https://bugs.debian.org/'),
      ].join('\n') + '\n';
    case 'rhel':
      return [
        q('NAME', 'Red Hat Enterprise Linux'), q('VERSION', version), 'ID="rhel"', q('ID_LIKE', 'fedora'),
        q('VERSION_ID', version), q('PLATFORM_ID', `platform:el${version.split('.')[0]}`),
        q('PRETTY_NAME', `Red Hat Enterprise Linux ${version}`), q('ANSI_COLOR', '0;31'),
        q('HOME_URL', 'https://www.redhat.com/'),
      ].join('\n') + '\n';
    default: {
      const id = distro === 'other' ? name.toLowerCase().split(/\s+/)[0] || 'linux' : distro;
      return [q('NAME', name), q('VERSION', version), `ID=${id}`, q('VERSION_ID', version), q('PRETTY_NAME', `${name} ${version}`)].join('\n') + '\n';
    }
  }
}

function systemRelease(distro: Facts['distro'], name: string, version: string): string | undefined {
  if (distro === 'amzn') {
    return version.startsWith('2023')
      ? `Amazon Linux release ${version} (Amazon Linux)\n`
      : `Amazon Linux release ${version} (Karoo)\n`;
  }
  if (distro === 'rhel' || distro === 'centos' || distro === 'rocky' || distro === 'alma') {
    return `${name} release ${version}\n`;
  }
  return undefined;
}

/** PowerShell 5.1 builds follow the Windows build (10.0.20348 -> 5.1.20348.x). */
function windowsPsVersion(platformVersion: string): string {
  const build = platformVersion.split('.')[2] ?? '20348';
  const rev: Record<string, string> = { '14393': '7426', '17763': '6414', '20348': '2849', '26100': '2161' };
  return `5.1.${build}.${rev[build] ?? '1'}`;
}

export function resolveFacts(input: Pick<RunScriptInput, 'node'>): Facts {
  const node = input.node;
  const os = osOf(node);
  const region = node.Region ?? DEFAULT_REGION;
  const ip = node.IPAddress ?? '172.31.0.10';
  const platformName =
    node.PlatformName ?? (os === 'windows' ? 'Microsoft Windows Server 2022 Datacenter' : os === 'macos' ? 'macOS' : 'Amazon Linux');
  const platformVersion = node.PlatformVersion ?? (os === 'windows' ? '10.0.20348' : os === 'macos' ? '14.7' : '2023');
  const distro = os === 'linux' ? distroOf(platformName) : 'other';
  const hostname = node.ComputerName ?? defaultHostname(ip, region, os, node.InstanceId);
  const arch = node.Architecture ?? 'x86_64';
  const user = node.User ?? (os === 'windows' ? 'nt authority\\system' : 'root');
  const agentVersion = node.AgentVersion ?? DEFAULT_AGENT_VERSION;
  const machine = { instanceType: node.InstanceType, bootSeconds: node.LaunchTime };
  const ssmEnv = {
    AWS_SSM_INSTANCE_ID: node.InstanceId,
    AWS_SSM_REGION_NAME: region,
    AWS_SSM_PLATFORM_NAME: platformName,
    AWS_SSM_PLATFORM_VERSION: platformVersion,
  };

  if (os === 'windows') {
    const cn = hostname.toUpperCase();
    const sysprofile = 'C:\\Windows\\system32\\config\\systemprofile';
    return {
      ...machine, os, instanceId: node.InstanceId, hostname, ip, region, agentVersion, platformName, platformVersion, user, arch,
      kernel: platformVersion, binSh: 'bash',
      psVersion: node.PowerShellVersion ?? windowsPsVersion(platformVersion), psEdition: 'Desktop',
      agentCwd: 'C:\\Windows\\system32',
      env: {
        ALLUSERSPROFILE: 'C:\\ProgramData',
        APPDATA: `${sysprofile}\\AppData\\Roaming`,
        CommonProgramFiles: 'C:\\Program Files\\Common Files',
        COMPUTERNAME: cn,
        ComSpec: 'C:\\Windows\\system32\\cmd.exe',
        LOCALAPPDATA: `${sysprofile}\\AppData\\Local`,
        NUMBER_OF_PROCESSORS: '2',
        OS: 'Windows_NT',
        Path: 'C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\Wbem;C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\;C:\\Program Files\\Amazon\\cfn-bootstrap\\',
        PATHEXT: '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC;.CPL',
        PROCESSOR_ARCHITECTURE: arch === 'arm64' ? 'ARM64' : 'AMD64',
        ProgramData: 'C:\\ProgramData',
        ProgramFiles: 'C:\\Program Files',
        'ProgramFiles(x86)': 'C:\\Program Files (x86)',
        PSModulePath: 'C:\\Program Files\\WindowsPowerShell\\Modules;C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules',
        PUBLIC: 'C:\\Users\\Public',
        SystemDrive: 'C:',
        SystemRoot: 'C:\\Windows',
        TEMP: 'C:\\Windows\\TEMP',
        TMP: 'C:\\Windows\\TEMP',
        USERDOMAIN: 'WORKGROUP',
        USERNAME: `${cn}$`,
        USERPROFILE: sysprofile,
        windir: 'C:\\Windows',
        ...ssmEnv,
      },
      files: {
        'C:\\Windows\\System32\\drivers\\etc\\hosts':
          '# Copyright (c) 1993-2009 Microsoft Corp.\r\n#\r\n# This is a sample HOSTS file used by Microsoft TCP/IP for Windows.\r\n',
      },
      dirs: [
        'C:\\', 'C:\\Windows', 'C:\\Windows\\system32', 'C:\\Windows\\Temp', 'C:\\Program Files', 'C:\\Program Files (x86)',
        'C:\\ProgramData', 'C:\\ProgramData\\Amazon', 'C:\\Users', 'C:\\Users\\Administrator', 'C:\\Users\\Public', sysprofile,
      ],
      distro,
    };
  }

  if (os === 'macos') {
    return {
      ...machine, os, instanceId: node.InstanceId, hostname, ip, region, agentVersion, platformName, platformVersion, user,
      arch, kernel: node.KernelVersion ?? '23.6.0', binSh: 'bash',
      psVersion: node.PowerShellVersion ?? '7.4.6', psEdition: 'Core',
      agentCwd: '/opt/aws/ssm/bin',
      env: { PATH: '/usr/bin:/bin:/usr/sbin:/sbin', ...ssmEnv },
      files: {},
      dirs: ['/', '/bin', '/etc', '/opt', '/private', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/var', '/Users', '/opt/aws/ssm/bin'],
      distro,
    };
  }

  const files: Record<string, string> = {
    '/etc/os-release': osRelease(distro, platformName, platformVersion),
    '/etc/hostname': `${hostname}\n`,
  };
  const sysRel = systemRelease(distro, platformName, platformVersion);
  if (sysRel) files['/etc/system-release'] = sysRel;
  if (distro === 'amzn' && platformVersion.startsWith('2023')) files['/etc/amazon-linux-release'] = sysRel!;
  if (distro === 'rhel') files['/etc/redhat-release'] = sysRel!;
  if (distro === 'ubuntu') {
    const [code] = UBUNTU_CODENAMES[platformVersion] ?? ['ubuntu'];
    files['/etc/lsb-release'] =
      `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${platformVersion}\nDISTRIB_CODENAME=${code}\nDISTRIB_DESCRIPTION="Ubuntu ${platformVersion}"\n`;
  }
  files['/etc/hosts'] = `127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost6 localhost6.localdomain6\n`;
  const homeUser = distro === 'ubuntu' ? 'ubuntu' : distro === 'debian' ? 'admin' : 'ec2-user';
  const lang = distro === 'amzn' && !platformVersion.startsWith('2023') ? 'en_US.UTF-8' : 'C.UTF-8';
  return {
    ...machine, os, instanceId: node.InstanceId, hostname, ip, region, agentVersion, platformName, platformVersion, user, arch,
    kernel: node.KernelVersion ?? defaultKernel(distro, platformVersion, arch),
    binSh: distro === 'ubuntu' || distro === 'debian' ? 'dash' : 'bash',
    psVersion: node.PowerShellVersion ?? '7.4.6', psEdition: 'Core',
    agentCwd: '/usr/bin',
    env: { LANG: lang, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...ssmEnv },
    files,
    dirs: [
      '/', '/bin', '/boot', '/dev', '/etc', '/home', `/home/${homeUser}`, '/opt', '/proc', '/root', '/run', '/sbin', '/srv',
      '/sys', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/sbin', '/usr/share', '/var',
      '/var/lib', '/var/lib/amazon/ssm', '/var/log', '/var/log/amazon/ssm', '/var/tmp', '/etc/amazon/ssm',
    ],
    distro,
  };
}

/**
 * The path the agent writes the script to, for error messages and $0:
 * /var/lib/amazon/ssm/<instance>/document/orchestration/<command id>/<plugin dir>/_script.sh on Linux,
 * C:\ProgramData\Amazon\SSM\InstanceData\<instance>\document\orchestration\<command id>\<plugin dir>\_script.ps1
 * on Windows. The plugin dir of AWS-RunShellScript is awsrunShellScript/0.awsrunShellScript.
 */
export function agentScriptPath(opts: {
  node: NodeFacts;
  dialect: 'sh' | 'powershell';
  commandId?: string;
  pluginDir?: string;
}): string {
  const commandId = opts.commandId ?? '00000000-0000-0000-0000-000000000000';
  const plugin = opts.pluginDir ?? (opts.dialect === 'sh' ? 'awsrunShellScript/0.awsrunShellScript' : 'awsrunPowerShellScript/0.awsrunPowerShellScript');
  const name = opts.dialect === 'sh' ? '_script.sh' : '_script.ps1';
  if (osOf(opts.node) === 'windows') {
    return `C:\\ProgramData\\Amazon\\SSM\\InstanceData\\${opts.node.InstanceId}\\document\\orchestration\\${commandId}\\${plugin.replace(/\//g, '\\')}\\${name}`;
  }
  const root = osOf(opts.node) === 'macos' ? '/opt/aws/ssm/data' : '/var/lib/amazon/ssm';
  return `${root}/${opts.node.InstanceId}/document/orchestration/${commandId}/${plugin}/${name}`;
}

/** A small deterministic hash (FNV-1a) for $$, $RANDOM seeds and the like. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
