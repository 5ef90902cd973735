/**
 * Platform presets: what a fixture's `Platform: amazon-linux-2023` expands to. The names and versions
 * are what SSM Agent reports on those systems in DescribeInstanceInformation (PlatformName
 * "Amazon Linux", PlatformVersion "2023"; Windows reports its product name and kernel build).
 * macOS values are unverified.
 */
import type { PlatformType } from '../../generated/ssm/types.js';
import type { InstalledApplication, InstalledService } from './instance.js';

export interface PlatformPreset {
  PlatformType: PlatformType;
  PlatformName: string;
  PlatformVersion: string;
  Architecture: string;
  InstanceType: string;
  Applications: InstalledApplication[];
  Services: InstalledService[];
}

const linuxServices = (extra: InstalledService[] = []): InstalledService[] => [
  { Name: 'amazon-ssm-agent', DisplayName: 'amazon-ssm-agent', Status: 'Running', StartType: 'Automatic' },
  { Name: 'sshd', DisplayName: 'OpenSSH server daemon', Status: 'Running', StartType: 'Automatic' },
  ...extra,
];

const windowsServices: InstalledService[] = [
  { Name: 'AmazonSSMAgent', DisplayName: 'Amazon SSM Agent', Status: 'Running', StartType: 'Automatic', ServiceType: 'Win32OwnProcess' },
  { Name: 'W32Time', DisplayName: 'Windows Time', Status: 'Running', StartType: 'Automatic', ServiceType: 'Win32ShareProcess' },
  { Name: 'WinRM', DisplayName: 'Windows Remote Management (WS-Management)', Status: 'Running', StartType: 'Automatic', ServiceType: 'Win32ShareProcess' },
  { Name: 'wuauserv', DisplayName: 'Windows Update', Status: 'Stopped', StartType: 'Manual', ServiceType: 'Win32ShareProcess' },
];

const rpm = (Name: string, Version: string, Release: string, Publisher = 'Amazon Linux'): InstalledApplication => ({
  Name,
  Version,
  Release,
  Publisher,
  Architecture: 'x86_64',
  ApplicationType: 'System Environment/Base',
});
const deb = (Name: string, Version: string): InstalledApplication => ({ Name, Version, Publisher: 'Ubuntu Developers', Architecture: 'amd64' });
const msi = (Name: string, Version: string, Publisher: string): InstalledApplication => ({ Name, Version, Publisher, Architecture: 'x86_64' });

/** Red Hat Enterprise Linux <version>: the agent plus Red Hat's packages [name, version, release]. */
const rhel = (version: string, packages: [string, string, string][]): PlatformPreset => ({
  PlatformType: 'Linux',
  PlatformName: 'Red Hat Enterprise Linux',
  PlatformVersion: version,
  Architecture: 'x86_64',
  InstanceType: 't3.medium',
  Applications: [rpm('amazon-ssm-agent', '3.3.1957.0', `1.el${version.split('.')[0]}`, 'Amazon.com'), ...packages.map(([n, v, r]) => rpm(n, v, r, 'Red Hat, Inc.'))],
  Services: linuxServices([{ Name: 'crond', DisplayName: 'Command Scheduler', Status: 'Running', StartType: 'Automatic' }]),
});

export const PLATFORMS: Readonly<Record<string, PlatformPreset>> = {
  'amazon-linux-2023': {
    PlatformType: 'Linux',
    PlatformName: 'Amazon Linux',
    PlatformVersion: '2023',
    Architecture: 'x86_64',
    InstanceType: 't3.micro',
    Applications: [
      rpm('amazon-ssm-agent', '3.3.1957.0', '1.amzn2023'),
      rpm('bash', '5.2.15', '1.amzn2023.0.2'),
      rpm('openssl', '3.0.8', '1.amzn2023.0.18'),
      rpm('python3', '3.9.16', '1.amzn2023.0.9'),
      rpm('curl-minimal', '8.5.0', '1.amzn2023.0.4'),
    ],
    Services: linuxServices([{ Name: 'chronyd', DisplayName: 'NTP client/server', Status: 'Running', StartType: 'Automatic' }]),
  },
  'amazon-linux-2': {
    PlatformType: 'Linux',
    PlatformName: 'Amazon Linux',
    PlatformVersion: '2',
    Architecture: 'x86_64',
    InstanceType: 't3.micro',
    Applications: [
      rpm('amazon-ssm-agent', '3.3.1957.0', '1.amzn2'),
      rpm('bash', '4.2.46', '34.amzn2'),
      rpm('openssl', '1.0.2k', '24.amzn2.0.14', 'Amazon Linux'),
      rpm('python', '2.7.18', '1.amzn2.0.8'),
    ],
    Services: linuxServices([{ Name: 'chronyd', DisplayName: 'NTP client/server', Status: 'Running', StartType: 'Automatic' }]),
  },
  'ubuntu-22.04': {
    PlatformType: 'Linux',
    PlatformName: 'Ubuntu',
    PlatformVersion: '22.04',
    Architecture: 'x86_64',
    InstanceType: 't3.small',
    Applications: [deb('amazon-ssm-agent', '3.3.1957.0'), deb('bash', '5.1-6ubuntu1.1'), deb('openssl', '3.0.2-0ubuntu1.18'), deb('python3', '3.10.6-1~22.04.1')],
    Services: linuxServices([{ Name: 'cron', DisplayName: 'Regular background program processing daemon', Status: 'Running', StartType: 'Automatic' }]),
  },
  'ubuntu-24.04': {
    PlatformType: 'Linux',
    PlatformName: 'Ubuntu',
    PlatformVersion: '24.04',
    Architecture: 'x86_64',
    InstanceType: 't3.small',
    Applications: [deb('amazon-ssm-agent', '3.3.1957.0'), deb('bash', '5.2.21-2ubuntu4'), deb('openssl', '3.0.13-0ubuntu3.4'), deb('python3', '3.12.3-0ubuntu2')],
    Services: linuxServices([{ Name: 'cron', DisplayName: 'Regular background program processing daemon', Status: 'Running', StartType: 'Automatic' }]),
  },
  'rhel-8': rhel('8.10', [['bash', '4.4.20', '5.el8'], ['openssl', '1.1.1k', '12.el8_9']]),
  'rhel-9': rhel('9.4', [['bash', '5.1.8', '9.el9'], ['openssl', '3.0.7', '27.el9']]),
  'windows-2022': {
    PlatformType: 'Windows',
    PlatformName: 'Microsoft Windows Server 2022 Datacenter',
    PlatformVersion: '10.0.20348',
    Architecture: 'x86_64',
    InstanceType: 't3.large',
    Applications: [
      msi('Amazon SSM Agent', '3.3.1957.0', 'Amazon Web Services'),
      msi('AWS Tools for Windows', '4.1.600', 'Amazon Web Services Developer Relations'),
      msi('Microsoft Edge', '126.0.2592.87', 'Microsoft Corporation'),
    ],
    Services: windowsServices,
  },
  'windows-2019': {
    PlatformType: 'Windows',
    PlatformName: 'Microsoft Windows Server 2019 Datacenter',
    PlatformVersion: '10.0.17763',
    Architecture: 'x86_64',
    InstanceType: 't3.large',
    Applications: [
      msi('Amazon SSM Agent', '3.3.1957.0', 'Amazon Web Services'),
      msi('AWS Tools for Windows', '4.1.600', 'Amazon Web Services Developer Relations'),
    ],
    Services: windowsServices,
  },
  'macos-14': {
    PlatformType: 'MacOS',
    PlatformName: 'macOS',
    PlatformVersion: '14.6',
    Architecture: 'arm64',
    InstanceType: 'mac2.metal',
    Applications: [{ Name: 'amazon-ssm-agent', Version: '3.3.1957.0', Publisher: 'Amazon.com', Architecture: 'arm64' }],
    Services: [{ Name: 'com.amazon.aws.ssm', DisplayName: 'amazon-ssm-agent', Status: 'Running', StartType: 'Automatic' }],
  },
};

/** The preset used when a node names only its PlatformType. */
export const DEFAULT_PLATFORM: Readonly<Record<PlatformType, string>> = {
  Linux: 'amazon-linux-2023',
  Windows: 'windows-2022',
  MacOS: 'macos-14',
};
