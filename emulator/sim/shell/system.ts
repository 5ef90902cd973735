/**
 * The node's services and packages as a script sees and changes them: configuration drift, for real.
 *
 *   sh          systemctl start|stop|restart|reload|enable|disable|is-active|is-enabled|status,
 *               service NAME start|stop|restart|status, yum|dnf install|remove|update (Amazon Linux,
 *               RHEL family), apt-get|apt install|remove|purge|update (Ubuntu, Debian), rpm -q, dpkg -s
 *   PowerShell  Get-Service, Start-Service, Stop-Service, Restart-Service, Set-Service (Windows),
 *               Install-Package, Uninstall-Package, Get-Package
 *
 * A run starts from the node's facts (RunScriptInput.services / packages: the fleet record's Services
 * and Applications, copied here, never written), changes its own copy as the script goes (so a
 * later `systemctl is-active x` sees an earlier `systemctl stop x`), and reports what changed, in
 * order, as RunScriptResult.changes. runScript stays pure: the caller applies the changes to the
 * node when the step completes (sim/fleet/drift.ts, from the script plugin's complete() hook), so a
 * step that is cancelled or times out changes nothing, and replaying the same tasks gives the same
 * fleet state.
 *
 * Repositories are simulated too: PACKAGES lists what `yum install` / `apt-get install` /
 * `Install-Package` can find (with the service a package brings); any other name is "no match", as a
 * real repository answers. A node's Behaviors can still stub any command line.
 */
import type { Facts } from './facts.js';

/** A service or daemon (the shape of the fleet's InstalledService and of inventory's AWS:Service). */
export interface ServiceFact {
  Name: string;
  DisplayName?: string;
  Status: 'Running' | 'Stopped';
  StartType?: 'Automatic' | 'Manual' | 'Disabled';
  ServiceType?: string;
}

/** An installed package (the shape of the fleet's InstalledApplication and of AWS:Application). */
export interface PackageFact {
  Name: string;
  Version: string;
  Release?: string;
  Publisher?: string;
  Architecture?: string;
  ApplicationType?: string;
  InstalledTime?: string;
  Summary?: string;
}

/** Virtual time to install (download and set up) or remove one package. */
export const INSTALL_MS = 3000;
export const REMOVE_MS = 1000;

/** One change a script made to its node, in the order it made them. */
export type FactChange =
  | { kind: 'service'; service: ServiceFact }
  | { kind: 'service-removed'; name: string }
  | { kind: 'package'; package: PackageFact }
  | { kind: 'package-removed'; name: string };

/** What a package of the simulated repositories is, and the service it installs. */
interface RepoPackage {
  version: string;
  summary: string;
  service?: { name: string; displayName: string };
  /** Only in these families' repositories (default: both Linux families). */
  families?: readonly ('rpm' | 'deb')[];
}

/**
 * The simulated Linux repositories. Versions are those Amazon Linux 2023 shipped in early 2025
 * (other distributions get the same upstream version with their own release tag): plausible,
 * not a mirror of any real repository.
 */
const LINUX_PACKAGES: Readonly<Record<string, RepoPackage>> = {
  'amazon-cloudwatch-agent': { version: '1.300051.0', summary: 'Amazon CloudWatch Agent', service: { name: 'amazon-cloudwatch-agent', displayName: 'Amazon CloudWatch Agent' } },
  'amazon-efs-utils': { version: '2.1.0', summary: 'This package provides utilities for simplifying the use of EFS file systems' },
  nginx: { version: '1.24.0', summary: 'A high performance web server and reverse proxy server', service: { name: 'nginx', displayName: 'The nginx HTTP and reverse proxy server' } },
  httpd: { version: '2.4.62', summary: 'Apache HTTP Server', families: ['rpm'], service: { name: 'httpd', displayName: 'The Apache HTTP Server' } },
  apache2: { version: '2.4.58', summary: 'Apache HTTP Server', families: ['deb'], service: { name: 'apache2', displayName: 'The Apache HTTP Server' } },
  docker: { version: '25.0.8', summary: 'Automates deployment of containerized applications', families: ['rpm'], service: { name: 'docker', displayName: 'Docker Application Container Engine' } },
  'docker.io': { version: '24.0.7', summary: 'Linux container runtime', families: ['deb'], service: { name: 'docker', displayName: 'Docker Application Container Engine' } },
  cronie: { version: '1.5.7', summary: 'Cron daemon for executing programs at set times', families: ['rpm'], service: { name: 'crond', displayName: 'Command Scheduler' } },
  chrony: { version: '4.6', summary: 'An NTP client/server', service: { name: 'chronyd', displayName: 'NTP client/server' } },
  'clamav': { version: '1.4.2', summary: 'End-user tools for the Clam Antivirus scanner' },
  'clamd': { version: '1.4.2', summary: 'The Clam AntiVirus Daemon', families: ['rpm'], service: { name: 'clamd@scan', displayName: 'clamd scanner (scan) daemon' } },
  'clamav-daemon': { version: '1.4.2', summary: 'anti-virus utility for Unix - scanner daemon', families: ['deb'], service: { name: 'clamav-daemon', displayName: 'Clam AntiVirus userspace daemon' } },
  git: { version: '2.47.1', summary: 'Fast Version Control System' },
  jq: { version: '1.7.1', summary: 'Command-line JSON processor' },
  htop: { version: '3.2.1', summary: 'Interactive process viewer' },
  unzip: { version: '6.0', summary: 'A utility for unpacking zip files' },
  wget: { version: '1.21.3', summary: 'A utility for retrieving files using the HTTP or FTP protocols' },
  curl: { version: '8.5.0', summary: 'A utility for getting files from remote servers (FTP, HTTP, and others)' },
  tmux: { version: '3.2a', summary: 'A terminal multiplexer' },
  python3: { version: '3.9.16', summary: 'Python 3.9 interpreter' },
  'python3-pip': { version: '21.3.1', summary: 'A tool for installing and managing Python3 packages' },
  'postgresql15': { version: '15.10', summary: 'PostgreSQL client programs', families: ['rpm'] },
  'redis6': { version: '6.2.14', summary: 'A persistent key-value database', families: ['rpm'], service: { name: 'redis6', displayName: 'Redis persistent key-value database' } },
  'redis-server': { version: '7.0.15', summary: 'Persistent key-value database with network interface', families: ['deb'], service: { name: 'redis-server', displayName: 'Advanced key-value store' } },
};

/** The simulated PowerShell Gallery (Install-Package on Windows). */
const GALLERY_PACKAGES: Readonly<Record<string, RepoPackage & { name: string }>> = {
  'aws.tools.installer': { name: 'AWS.Tools.Installer', version: '1.0.2.5', summary: 'The AWS.Tools.Installer module makes it easier to install, update and uninstall the AWS.Tools modules.' },
  'aws.tools.common': { name: 'AWS.Tools.Common', version: '4.1.750', summary: 'The AWS Tools for PowerShell lets developers and administrators manage their AWS services from the PowerShell scripting environment.' },
  pester: { name: 'Pester', version: '5.6.1', summary: 'Pester provides a framework for running BDD style Tests to execute and validate PowerShell commands inside of PowerShell.' },
  pswindowsupdate: { name: 'PSWindowsUpdate', version: '2.2.1.5', summary: 'This module contain cmdlets to manage Windows Update Client.' },
  '7zip4powershell': { name: '7Zip4Powershell', version: '2.7.0', summary: 'Powershell module for creating and extracting 7-Zip archives' },
  'amazoncloudwatchagent': { name: 'AmazonCloudWatchAgent', version: '1.300051.0', summary: 'Amazon CloudWatch Agent', service: { name: 'AmazonCloudWatchAgent', displayName: 'Amazon CloudWatch Agent' } },
};

export type PackageFamily = 'rpm' | 'deb' | 'windows' | 'none';

export function packageFamily(facts: Pick<Facts, 'os' | 'distro'>): PackageFamily {
  if (facts.os === 'windows') return 'windows';
  if (facts.os !== 'linux') return 'none';
  if (facts.distro === 'ubuntu' || facts.distro === 'debian') return 'deb';
  if (facts.distro === 'other' || facts.distro === 'sles') return 'none';
  return 'rpm';
}

/** The distribution's release tag for rpm packages (1.amzn2023, 1.amzn2, 1.el9). */
function rpmRelease(facts: Facts): string {
  if (facts.distro === 'amzn') return facts.platformVersion.startsWith('2023') ? '1.amzn2023' : '1.amzn2';
  return `1.el${facts.platformVersion.split('.')[0] || '9'}`;
}

function rpmPublisher(facts: Facts): string {
  if (facts.distro === 'amzn') return 'Amazon Linux';
  if (facts.distro === 'rhel') return 'Red Hat, Inc.';
  return facts.platformName;
}

/** ISO-8601 to the second, as inventory's InstalledTime. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A script's view of its node's services and packages: read and changed in place for the run,
 * every change recorded. Linux names are case-sensitive; Windows names are not.
 */
export class SystemState {
  private readonly services: ServiceFact[];
  private readonly packages: PackageFact[];
  readonly changes: FactChange[] = [];
  readonly family: PackageFamily;

  constructor(
    readonly facts: Facts,
    input: { services?: readonly ServiceFact[]; packages?: readonly PackageFact[] },
  ) {
    this.services = (input.services ?? []).map((s) => ({ ...s }));
    this.packages = (input.packages ?? []).map((p) => ({ ...p }));
    this.family = packageFamily(facts);
  }

  private same(a: string, b: string): boolean {
    return this.facts.os === 'windows' ? a.toLowerCase() === b.toLowerCase() : a === b;
  }

  allServices(): readonly ServiceFact[] {
    return this.services;
  }

  service(name: string): ServiceFact | undefined {
    return this.services.find((s) => this.same(s.Name, name));
  }

  /** Changes a service (status, start type) and records it. */
  updateService(s: ServiceFact, patch: Partial<Pick<ServiceFact, 'Status' | 'StartType'>>): void {
    const changed = (patch.Status !== undefined && patch.Status !== s.Status) || (patch.StartType !== undefined && patch.StartType !== s.StartType);
    Object.assign(s, patch);
    if (changed) this.changes.push({ kind: 'service', service: { ...s } });
  }

  allPackages(): readonly PackageFact[] {
    return this.packages;
  }

  package(name: string): PackageFact | undefined {
    return this.packages.find((p) => this.same(p.Name, name));
  }

  /** The simulated repository's entry for a name, or undefined ("no match"). */
  available(name: string): (RepoPackage & { name: string }) | undefined {
    if (this.family === 'windows') return GALLERY_PACKAGES[name.toLowerCase()];
    if (this.family === 'none') return undefined;
    const p = Object.hasOwn(LINUX_PACKAGES, name) ? LINUX_PACKAGES[name] : undefined;
    return p && (!p.families || p.families.includes(this.family)) ? { ...p, name } : undefined;
  }

  /** The package record a repository entry installs as on this node. */
  packageRecord(r: RepoPackage & { name: string }, at: number): PackageFact {
    const arch = this.facts.arch === 'arm64' ? (this.family === 'deb' ? 'arm64' : 'aarch64') : this.family === 'deb' ? 'amd64' : 'x86_64';
    if (this.family === 'rpm') {
      return { Name: r.name, Version: r.version, Release: rpmRelease(this.facts), Publisher: rpmPublisher(this.facts), Architecture: arch, Summary: r.summary, InstalledTime: isoSeconds(at) };
    }
    if (this.family === 'deb') {
      const version = `${r.version}-1${this.facts.distro === 'ubuntu' ? 'ubuntu1' : ''}`;
      return { Name: r.name, Version: version, Publisher: this.facts.distro === 'ubuntu' ? 'Ubuntu Developers' : 'Debian', Architecture: arch, Summary: r.summary, InstalledTime: isoSeconds(at) };
    }
    return { Name: r.name, Version: r.version, Publisher: 'PSGallery', Architecture: 'x86_64', Summary: r.summary, InstalledTime: isoSeconds(at) };
  }

  /**
   * Installs a package and the service it brings. Debian-family packages start their service
   * (Debian policy); RPM and Windows packages leave it stopped until someone starts it.
   */
  install(pkg: PackageFact, service?: { name: string; displayName: string }): void {
    const i = this.packages.findIndex((p) => this.same(p.Name, pkg.Name));
    if (i >= 0) this.packages[i] = pkg;
    else this.packages.push(pkg);
    this.changes.push({ kind: 'package', package: { ...pkg } });
    if (service && !this.service(service.name)) {
      const started = this.family === 'deb';
      const s: ServiceFact = {
        Name: service.name,
        DisplayName: service.displayName,
        Status: started ? 'Running' : 'Stopped',
        StartType: started ? 'Automatic' : 'Manual',
        ...(this.family === 'windows' && { ServiceType: 'Win32OwnProcess' }),
      };
      this.services.push(s);
      this.changes.push({ kind: 'service', service: { ...s } });
    }
  }

  /** Removes a package and, when the repository knows it brought one, its service. */
  remove(name: string): PackageFact | undefined {
    const i = this.packages.findIndex((p) => this.same(p.Name, name));
    if (i < 0) return undefined;
    const [gone] = this.packages.splice(i, 1);
    this.changes.push({ kind: 'package-removed', name: gone.Name });
    const svc = this.available(gone.Name)?.service;
    const j = svc ? this.services.findIndex((s) => this.same(s.Name, svc.name)) : -1;
    if (j >= 0) {
      const [s] = this.services.splice(j, 1);
      this.changes.push({ kind: 'service-removed', name: s.Name });
    }
    return gone;
  }
}
