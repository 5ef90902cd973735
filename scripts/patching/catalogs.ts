/**
 * The synthetic patch catalogs (fixtures/patches/): real package names, KB / advisory / USN formats,
 * version and release schemes and publishing rhythms of each operating system; made-up releases.
 * Nothing here is a real advisory: versions, dates, CVE ids and KB numbers are invented (seeded, so the
 * output is the same on every run). docs/patching.md says so too.
 *
 * Rhythms, from January 2024 to the end of 2026:
 *   Amazon Linux 2 / 2023   ALAS2-YYYY-NNNN / ALAS2023-YYYY-NNN advisories every few days (Security,
 *                           Bugfix, Enhancement), a few plain repository updates without an advisory
 *   RHEL 8 / 9              RHSA (security, Critical..Low), RHBA (bug fix), RHEA (enhancement) errata;
 *                           releases carry the minor version of the day (el9_4, el9_5, ...)
 *   Ubuntu 22.04 / 24.04    USN-NNNN-1 notices in <codename>-security, plain updates in <codename>-updates
 *   Windows Server 2019/22  Patch Tuesday (second Tuesday, 17:00 UTC): the cumulative update, .NET, the
 *                           servicing stack (2019), the Malicious Software Removal Tool, Defender's
 *                           platform, now and then a standalone security update; previews on the fourth
 *                           Tuesday; SQL Server cumulative and security updates (application patches).
 *                           Each cumulative line supersedes its previous release.
 *
 * Used by generate-catalogs.ts (writes the fixtures) and by the benchmark (a 5,000-patch catalog).
 */
import { createHash } from 'node:crypto';
import type { CatalogFile, CatalogPatchFile } from '../../emulator/sim/patching/catalog.js';
import { Ids, seedFrom } from '../../emulator/core/ids.js';

const DAY = 86_400;
export const CATALOG_START = Date.UTC(2024, 0, 1) / 1000;
export const CATALOG_END = Date.UTC(2026, 11, 31, 23, 59, 59) / 1000;

/** A seeded generator (the emulator's own, core/ids.ts): the catalogs come out the same on every run. */
export function seeded(seed: string): () => number {
  const state = seedFrom(seed);
  const ids = new Ids(() => state);
  return () => ids.next() / 2 ** 32;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const uuidOf = (s: string) => {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const ymd = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
const year = (t: number) => new Date(t * 1000).getUTCFullYear();

function cves(r: Rand, t: number, n: number): string[] {
  const y = year(t);
  const out = new Set<string>();
  while (out.size < n) out.add(`CVE-${y - (r() < 0.3 ? 1 : 0)}-${int(r, 1000, 58999)}`);
  return [...out].sort();
}

/** Bumps the last number of a version: 3.0.8 -> 3.0.9, 8.7p1 -> 8.7p2. */
function bump(v: string, by = 1): string {
  const m = /^(.*?)(\d+)(\D*)$/.exec(v);
  return m ? `${m[1]}${Number(m[2]) + by}${m[3]}` : `${v}.1`;
}

// ───────────────────────────────────────── Linux packages ─────────────────────────────────────────

interface PackageSpec {
  /** Source package: what an advisory is about. */
  src: string;
  /** Binary packages built from it (one catalog entry each per update); "name:noarch" overrides the arch. */
  bins: string[];
  version: string;
  /** yum: the starting release number; apt: the starting Ubuntu revision counter. */
  rel: number;
  epoch?: number;
  /** Updates per year. */
  perYear: number;
  /** Share of updates that are security advisories. */
  security: number;
  /** Share of updates that move to a new upstream version (the rest rebuild the same one). */
  upstream?: number;
  optional?: boolean;
  kernel?: boolean;
  /** apt: priority and section. */
  priority?: string;
  section?: string;
  /** apt: how the Debian revision is written around the counter ("-0ubuntu1.{n}"). */
  debrev?: string;
}

interface LinuxDistro {
  name: string;
  operatingSystem: CatalogFile['operatingSystem'];
  platforms: CatalogFile['platforms'];
  product: string;
  /** PRODUCT of a patch released at t. */
  productAt(t: number): string;
  productFamily: string;
  vendor: string;
  arch: string;
  kind: 'al' | 'rhel' | 'ubuntu';
  /** Release string of a build (yum). */
  release?(rel: number, n: number, t: number): string;
  /** Kernel version and release (yum) or version (apt) of the k-th build. */
  kernel(k: number, t: number): { version: string; release?: string };
  advisory(kind: 'security' | 'bugfix' | 'enhancement', seq: number, t: number): string;
  contentUrl(advisory: string): string;
  repository(security: boolean, optional: boolean): string;
  severities: readonly [string, number][];
  bugzilla: boolean;
  packages: PackageSpec[];
  /** First advisory number in 2024 (they run on per year, except USNs). */
  firstAdvisory: number;
}

const AL_SEVERITY: [string, number][] = [['Critical', 0.05], ['Important', 0.4], ['Medium', 0.45], ['Low', 0.1]];
const RH_SEVERITY: [string, number][] = [['Critical', 0.04], ['Important', 0.42], ['Moderate', 0.44], ['Low', 0.1]];
const UBUNTU_SEVERITY: [string, number][] = [['High', 0.15], ['Medium', 0.7], ['Low', 0.15]];

function weighted(r: Rand, table: readonly [string, number][]): string {
  let x = r();
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1][0];
}

const yumPkg = (src: string, bins: string[], version: string, rel: number, perYear: number, security: number, extra: Partial<PackageSpec> = {}): PackageSpec => ({
  src, bins, version, rel, perYear, security, upstream: 0.25, ...extra,
});

const AL2023_PACKAGES: PackageSpec[] = [
  yumPkg('kernel', ['kernel', 'kernel-headers', 'kernel-tools'], '6.1', 0, 14, 0.8, { kernel: true }),
  yumPkg('openssl', ['openssl', 'openssl-libs'], '3.0.8', 1, 4, 0.9),
  yumPkg('curl', ['curl-minimal', 'libcurl-minimal'], '8.5.0', 1, 4, 0.85),
  yumPkg('glibc', ['glibc', 'glibc-common', 'glibc-minimal-langpack'], '2.34', 52, 3, 0.7, { upstream: 0 }),
  yumPkg('systemd', ['systemd', 'systemd-libs', 'systemd-pam'], '252.23', 2, 3, 0.4),
  yumPkg('python3.9', ['python3', 'python3-libs'], '3.9.16', 1, 4, 0.8),
  yumPkg('sudo', ['sudo'], '1.9.15', 1, 2, 0.9),
  yumPkg('openssh', ['openssh', 'openssh-clients', 'openssh-server'], '8.7p1', 8, 2, 0.9, { upstream: 0 }),
  yumPkg('vim', ['vim-minimal', 'vim-data:noarch'], '9.0.2153', 1, 5, 0.9),
  yumPkg('libxml2', ['libxml2'], '2.10.4', 1, 3, 0.9),
  yumPkg('expat', ['expat'], '2.5.0', 1, 2, 0.9),
  yumPkg('sqlite', ['sqlite-libs'], '3.40.0', 1, 1.5, 0.8),
  yumPkg('krb5', ['krb5-libs'], '1.21', 1, 2, 0.85),
  yumPkg('nss', ['nss', 'nss-util', 'nss-softokn'], '3.90.0', 3, 2, 0.7),
  yumPkg('gnutls', ['gnutls'], '3.8.0', 1, 2, 0.85),
  yumPkg('bind', ['bind-libs', 'bind-utils', 'bind-license:noarch'], '9.18.24', 1, 3, 0.9, { epoch: 32 }),
  yumPkg('git', ['git', 'git-core'], '2.40.1', 1, 3, 0.8),
  yumPkg('less', ['less'], '608', 1, 1, 0.9),
  yumPkg('tar', ['tar'], '1.34', 1, 1, 0.7, { epoch: 2 }),
  yumPkg('rsync', ['rsync'], '3.2.6', 1, 1, 0.9),
  yumPkg('tzdata', ['tzdata:noarch'], '2024a', 1, 2, 0, { upstream: 0.8 }),
  yumPkg('ca-certificates', ['ca-certificates:noarch'], '2023.2.68', 1, 2, 0),
  yumPkg('amazon-ssm-agent', ['amazon-ssm-agent'], '3.3.1142.0', 1, 6, 0.1, { upstream: 0.9 }),
  yumPkg('containerd', ['containerd'], '1.7.11', 1, 4, 0.5, { optional: true }),
  yumPkg('docker', ['docker'], '25.0.3', 1, 4, 0.5, { optional: true }),
  yumPkg('nginx', ['nginx', 'nginx-core', 'nginx-filesystem:noarch'], '1.24.0', 1, 3, 0.7, { optional: true, epoch: 1 }),
  yumPkg('httpd', ['httpd', 'httpd-core', 'mod_ssl'], '2.4.58', 1, 3, 0.8, { optional: true }),
  yumPkg('php8.2', ['php8.2', 'php8.2-cli', 'php8.2-common'], '8.2.15', 1, 4, 0.6, { optional: true }),
  yumPkg('postgresql15', ['postgresql15', 'postgresql15-server'], '15.6', 1, 3, 0.6, { optional: true }),
  yumPkg('mariadb105', ['mariadb105', 'mariadb105-server'], '10.5.23', 1, 2, 0.7, { optional: true, epoch: 3 }),
  yumPkg('nodejs20', ['nodejs20', 'nodejs20-libs'], '20.11.0', 1, 5, 0.6, { optional: true, epoch: 1 }),
  yumPkg('java-17-amazon-corretto', ['java-17-amazon-corretto-headless'], '17.0.10+7', 1, 4, 0.7, { optional: true, epoch: 1 }),
];

const AL2_PACKAGES: PackageSpec[] = [
  yumPkg('kernel', ['kernel', 'kernel-headers', 'kernel-tools'], '5.10', 0, 14, 0.8, { kernel: true }),
  yumPkg('openssl', ['openssl', 'openssl-libs'], '1.0.2k', 24, 3, 0.9, { upstream: 0, epoch: 1 }),
  yumPkg('openssl11', ['openssl11', 'openssl11-libs'], '1.1.1g', 3, 3, 0.9, { upstream: 0, epoch: 1 }),
  yumPkg('curl', ['curl', 'libcurl'], '8.3.0', 1, 4, 0.85),
  yumPkg('glibc', ['glibc', 'glibc-common', 'glibc-minimal-langpack'], '2.26', 64, 3, 0.7, { upstream: 0 }),
  yumPkg('systemd', ['systemd', 'systemd-libs', 'systemd-sysv'], '219', 78, 2, 0.5, { upstream: 0 }),
  yumPkg('python', ['python', 'python-libs'], '2.7.18', 1, 3, 0.9, { upstream: 0 }),
  yumPkg('python3', ['python3', 'python3-libs'], '3.7.16', 1, 3, 0.9),
  yumPkg('sudo', ['sudo'], '1.8.23', 10, 2, 0.9, { upstream: 0 }),
  yumPkg('openssh', ['openssh', 'openssh-clients', 'openssh-server'], '7.4p1', 22, 2, 0.9, { upstream: 0 }),
  yumPkg('vim', ['vim-minimal', 'vim-common', 'vim-filesystem:noarch'], '9.0.2153', 1, 5, 0.9, { epoch: 2 }),
  yumPkg('bash', ['bash'], '4.2.46', 34, 1, 0.8, { upstream: 0 }),
  yumPkg('libxml2', ['libxml2', 'libxml2-python'], '2.9.1', 6, 2, 0.9, { upstream: 0 }),
  yumPkg('expat', ['expat'], '2.1.0', 15, 2, 0.9, { upstream: 0 }),
  yumPkg('nss', ['nss', 'nss-tools', 'nss-sysinit'], '3.90.0', 2, 2, 0.7),
  yumPkg('krb5', ['krb5-libs'], '1.15.1', 55, 2, 0.85, { upstream: 0 }),
  yumPkg('bind', ['bind-libs', 'bind-libs-lite', 'bind-utils', 'bind-license:noarch'], '9.11.4', 26, 3, 0.9, { upstream: 0, epoch: 32 }),
  yumPkg('git', ['git', 'git-core'], '2.40.1', 1, 3, 0.8),
  yumPkg('rsync', ['rsync'], '3.1.2', 11, 1, 0.9, { upstream: 0 }),
  yumPkg('tzdata', ['tzdata:noarch'], '2024a', 1, 2, 0, { upstream: 0.8 }),
  yumPkg('ca-certificates', ['ca-certificates:noarch'], '2023.2.64', 1, 2, 0),
  yumPkg('amazon-ssm-agent', ['amazon-ssm-agent'], '3.3.1142.0', 1, 6, 0.1, { upstream: 0.9 }),
  yumPkg('ec2-net-utils', ['ec2-net-utils:noarch'], '1.7.3', 1, 1, 0),
  yumPkg('docker', ['docker'], '25.0.3', 1, 4, 0.5, { optional: true }),
  yumPkg('httpd', ['httpd', 'httpd-tools', 'mod_ssl'], '2.4.58', 1, 3, 0.8, { optional: true }),
  yumPkg('nginx', ['nginx', 'nginx-filesystem:noarch'], '1.22.1', 1, 2, 0.7, { optional: true, epoch: 1 }),
  yumPkg('mariadb', ['mariadb', 'mariadb-libs'], '5.5.68', 1, 1, 0.8, { optional: true, epoch: 1, upstream: 0 }),
  yumPkg('php', ['php', 'php-cli', 'php-common'], '8.2.15', 1, 3, 0.6, { optional: true }),
];

const rhelPackages = (major: 8 | 9): PackageSpec[] => [
  yumPkg('kernel', ['kernel', 'kernel-core', 'kernel-modules', 'kernel-tools'], major === 9 ? '5.14.0' : '4.18.0', 0, 14, 0.8, { kernel: true }),
  yumPkg('openssl', ['openssl', 'openssl-libs'], major === 9 ? '3.0.7' : '1.1.1k', major === 9 ? 25 : 9, 3, 0.8, { epoch: 1, upstream: 0 }),
  yumPkg('glibc', ['glibc', 'glibc-common', 'glibc-langpack-en'], major === 9 ? '2.34' : '2.28', major === 9 ? 83 : 236, 3, 0.6, { upstream: 0 }),
  yumPkg('systemd', ['systemd', 'systemd-libs', 'systemd-pam', 'systemd-udev'], major === 9 ? '252' : '239', major === 9 ? 18 : 78, 3, 0.4, { upstream: 0 }),
  yumPkg('curl', ['curl', 'libcurl'], major === 9 ? '7.76.1' : '7.61.1', major === 9 ? 26 : 33, 3, 0.8, { upstream: 0 }),
  yumPkg(major === 9 ? 'python3.9' : 'python3', ['python3', 'python3-libs'], major === 9 ? '3.9.18' : '3.6.8', major === 9 ? 1 : 56, 4, 0.8, { upstream: major === 9 ? 0.3 : 0 }),
  yumPkg('sudo', ['sudo'], major === 9 ? '1.9.5p2' : '1.9.5p2', major === 9 ? 9 : 1, 2, 0.9, { upstream: 0 }),
  yumPkg('openssh', ['openssh', 'openssh-clients', 'openssh-server'], major === 9 ? '8.7p1' : '8.0p1', major === 9 ? 34 : 19, 2, 0.9, { upstream: 0 }),
  yumPkg('vim', ['vim-minimal', 'vim-enhanced', 'vim-common', 'vim-filesystem:noarch'], major === 9 ? '8.2.2637' : '8.0.1763', major === 9 ? 20 : 19, 2, 0.9, { epoch: 2, upstream: 0 }),
  yumPkg('libxml2', ['libxml2'], major === 9 ? '2.9.13' : '2.9.7', major === 9 ? 5 : 18, 2, 0.9, { upstream: 0 }),
  yumPkg('expat', ['expat'], major === 9 ? '2.5.0' : '2.2.5', major === 9 ? 2 : 11, 2, 0.9, { upstream: 0 }),
  yumPkg('krb5', ['krb5-libs', 'krb5-workstation'], major === 9 ? '1.21.1' : '1.18.2', 1, 2, 0.8, { upstream: 0 }),
  yumPkg('bind', ['bind-libs', 'bind-utils', 'bind-license:noarch'], major === 9 ? '9.16.23' : '9.11.36', major === 9 ? 15 : 11, 3, 0.9, { epoch: 32, upstream: 0 }),
  yumPkg('gnutls', ['gnutls'], major === 9 ? '3.8.3' : '3.6.16', major === 9 ? 4 : 8, 2, 0.8, { upstream: 0 }),
  yumPkg('git', ['git', 'git-core'], major === 9 ? '2.43.0' : '2.43.0', 1, 2, 0.8),
  yumPkg('NetworkManager', ['NetworkManager', 'NetworkManager-libnm'], major === 9 ? '1.46.0' : '1.40.16', major === 9 ? 4 : 15, 3, 0.3, { epoch: 1, upstream: 0.3 }),
  yumPkg('tzdata', ['tzdata:noarch'], '2024a', 1, 2, 0, { upstream: 0.8 }),
  yumPkg('ca-certificates', ['ca-certificates:noarch'], '2024.2.69_v8.0.303', major === 9 ? 91 : 80, 1, 0),
  yumPkg('rhui-client', ['rh-amazon-rhui-client:noarch'], '4.0.16', 1, 2, 0, { upstream: 0.8 }),
  yumPkg('httpd', ['httpd', 'httpd-core', 'httpd-tools', 'mod_ssl'], major === 9 ? '2.4.57' : '2.4.37', major === 9 ? 5 : 62, 3, 0.8, { optional: true, upstream: 0 }),
  yumPkg('nginx', ['nginx', 'nginx-core', 'nginx-filesystem:noarch'], major === 9 ? '1.20.1' : '1.14.1', major === 9 ? 14 : 9, 2, 0.8, { optional: true, epoch: 1, upstream: 0 }),
  yumPkg('postgresql', ['postgresql', 'postgresql-server'], major === 9 ? '13.14' : '10.23', 1, 3, 0.7, { optional: true }),
  yumPkg('container-tools', ['podman', 'buildah'], major === 9 ? '4.9.4' : '4.4.1', 1, 4, 0.6, { optional: true, epoch: 2 }),
];

function ubuntuPackages(noble: boolean): PackageSpec[] {
  const p = (src: string, bins: string[], version: string, debrev: string, rel: number, perYear: number, security: number, priority: string, section: string, extra: Partial<PackageSpec> = {}): PackageSpec => ({
    src, bins, version, debrev, rel, perYear, security, priority, section, upstream: 0, ...extra,
  });
  return noble
    ? [
        p('linux', ['linux-image-generic', 'linux-headers-generic'], '6.8.0', '', 31, 14, 0.85, 'Optional', 'kernel', { kernel: true }),
        p('openssl', ['openssl', 'libssl3t64'], '3.0.13', '-0ubuntu3.', 1, 3, 0.9, 'Important', 'utils'),
        p('glibc', ['libc6', 'libc-bin'], '2.39', '-0ubuntu8.', 1, 2, 0.7, 'Required', 'libs'),
        p('systemd', ['systemd', 'libsystemd0', 'udev'], '255.4', '-1ubuntu8.', 1, 3, 0.4, 'Important', 'admin'),
        p('curl', ['curl', 'libcurl4t64'], '8.5.0', '-2ubuntu10.', 1, 3, 0.9, 'Optional', 'web'),
        p('sudo', ['sudo'], '1.9.15p5', '-3ubuntu5.', 1, 1, 0.9, 'Important', 'admin'),
        p('openssh', ['openssh-client', 'openssh-server'], '9.6p1', '-3ubuntu13.', 1, 2, 0.9, 'Standard', 'net', { epoch: 1 }),
        p('python3.12', ['python3.12', 'libpython3.12-stdlib'], '3.12.3', '-1ubuntu0.', 1, 3, 0.9, 'Standard', 'python'),
        p('vim', ['vim', 'vim-common:all', 'vim-tiny'], '9.1.0016', '-1ubuntu7.', 1, 2, 0.9, 'Optional', 'editors', { epoch: 2 }),
        p('git', ['git', 'git-man:all'], '2.43.0', '-1ubuntu7.', 1, 2, 0.8, 'Optional', 'vcs', { epoch: 1 }),
        p('libxml2', ['libxml2'], '2.9.14+dfsg', '-1.3ubuntu3.', 1, 2, 0.9, 'Optional', 'libs'),
        p('tzdata', ['tzdata:all'], '2024a', '-3ubuntu1.', 1, 2, 0, 'Required', 'libs'),
        p('ubuntu-advantage-tools', ['ubuntu-pro-client'], '34', '~24.04', 0, 3, 0.2, 'Important', 'misc'),
        p('nginx', ['nginx', 'nginx-common:all'], '1.24.0', '-2ubuntu7.', 1, 2, 0.8, 'Optional', 'httpd', { optional: true }),
        p('apache2', ['apache2', 'apache2-bin', 'apache2-data:all'], '2.4.58', '-1ubuntu8.', 1, 2, 0.9, 'Optional', 'httpd', { optional: true }),
        p('docker.io', ['docker.io'], '24.0.7', '-0ubuntu4.', 1, 3, 0.6, 'Optional', 'admin', { optional: true }),
        p('postgresql-16', ['postgresql-16', 'postgresql-client-16'], '16.2', '-1ubuntu4', 0, 3, 0.7, 'Optional', 'database', { optional: true, upstream: 0.9 }),
      ]
    : [
        p('linux', ['linux-image-generic', 'linux-headers-generic'], '5.15.0', '', 91, 14, 0.85, 'Optional', 'kernel', { kernel: true }),
        p('openssl', ['openssl', 'libssl3'], '3.0.2', '-0ubuntu1.', 12, 3, 0.9, 'Important', 'utils'),
        p('glibc', ['libc6', 'libc-bin'], '2.35', '-0ubuntu3.', 6, 2, 0.7, 'Required', 'libs'),
        p('systemd', ['systemd', 'libsystemd0', 'udev'], '249.11', '-0ubuntu3.', 11, 3, 0.4, 'Important', 'admin'),
        p('curl', ['curl', 'libcurl4'], '7.81.0', '-1ubuntu1.', 15, 3, 0.9, 'Optional', 'web'),
        p('sudo', ['sudo'], '1.9.9', '-1ubuntu2.', 4, 1, 0.9, 'Important', 'admin'),
        p('openssh', ['openssh-client', 'openssh-server'], '8.9p1', '-3ubuntu0.', 6, 2, 0.9, 'Standard', 'net', { epoch: 1 }),
        p('python3.10', ['python3.10', 'libpython3.10-stdlib'], '3.10.12', '-1~22.04.', 3, 3, 0.9, 'Standard', 'python'),
        p('vim', ['vim', 'vim-common:all', 'vim-tiny'], '8.2.3995', '-1ubuntu2.', 15, 2, 0.9, 'Optional', 'editors', { epoch: 2 }),
        p('git', ['git', 'git-man:all'], '2.34.1', '-1ubuntu1.', 10, 2, 0.8, 'Optional', 'vcs', { epoch: 1 }),
        p('libxml2', ['libxml2'], '2.9.13+dfsg', '-1ubuntu0.', 3, 2, 0.9, 'Optional', 'libs'),
        p('tzdata', ['tzdata:all'], '2024a', '-0ubuntu0.22.04.', 0, 2, 0, 'Required', 'libs'),
        p('ubuntu-advantage-tools', ['ubuntu-advantage-tools'], '31.2', '~22.04', 0, 3, 0.2, 'Important', 'misc'),
        p('nginx', ['nginx', 'nginx-common:all', 'nginx-core'], '1.18.0', '-6ubuntu14.', 4, 2, 0.8, 'Optional', 'httpd', { optional: true }),
        p('apache2', ['apache2', 'apache2-bin', 'apache2-data:all'], '2.4.52', '-1ubuntu4.', 7, 2, 0.9, 'Optional', 'httpd', { optional: true }),
        p('docker.io', ['docker.io'], '24.0.7', '-0ubuntu2~22.04.', 1, 3, 0.6, 'Optional', 'admin', { optional: true }),
        p('postgresql-14', ['postgresql-14', 'postgresql-client-14'], '14.11', '-0ubuntu0.22.04.', 1, 3, 0.7, 'Optional', 'database', { optional: true }),
      ];
}

/** RHEL minor release current at t (the el9_N / el8_N of new builds). */
function rhelMinor(major: 8 | 9, t: number): number {
  const d = ymd(t);
  if (major === 8) return d < '2024-05-22' ? 9 : 10;
  return d < '2024-04-30' ? 3 : d < '2024-11-12' ? 4 : d < '2025-05-13' ? 5 : d < '2025-11-11' ? 6 : d < '2026-05-12' ? 7 : 8;
}

const al = (v: '2' | '2023'): LinuxDistro => ({
  name: v === '2' ? 'amazon-linux-2' : 'amazon-linux-2023',
  operatingSystem: v === '2' ? 'AMAZON_LINUX_2' : 'AMAZON_LINUX_2023',
  platforms: [{ PlatformName: 'Amazon Linux', PlatformVersion: v }],
  product: v === '2' ? 'AmazonLinux2' : 'AmazonLinux2023',
  productAt: () => (v === '2' ? 'AmazonLinux2' : 'AmazonLinux2023'),
  productFamily: v === '2' ? 'AmazonLinux2' : 'AmazonLinux2023',
  vendor: 'Amazon Linux',
  arch: 'x86_64',
  kind: 'al',
  release: (rel, n) => (v === '2' ? `${rel}.amzn2.0.${n}` : `${rel}.amzn2023.0.${n}`),
  kernel: (k) =>
    v === '2'
      ? { version: `5.10.${210 + k * 4}`, release: `${201 + k * 3}.${int(seeded(`al2k${k}`), 800, 899)}.amzn2` }
      : { version: `6.1.${72 + k * 4}`, release: `${96 + k * 3}.${int(seeded(`al23k${k}`), 150, 199)}.amzn2023` },
  // ALAS2-2024-2450 / ALAS2023-2024-512: one sequence per year for every kind of advisory.
  advisory: (_kind, seq, t) => (v === '2' ? `ALAS2-${year(t)}-${seq}` : `ALAS2023-${year(t)}-${seq}`),
  contentUrl: (a) => {
    const m = /^ALAS(?:2|2023)-(\d{4})-(\d+)$/.exec(a)!;
    return `https://alas.aws.amazon.com/${v === '2' ? 'AL2' : 'AL2023'}/ALAS-${m[1]}-${m[2]}.html`;
  },
  repository: (_s, optional) => (v === '2' ? (optional ? 'amzn2extra-docker' : 'amzn2-core') : 'amazonlinux'),
  severities: AL_SEVERITY,
  bugzilla: false,
  packages: v === '2' ? AL2_PACKAGES : AL2023_PACKAGES,
  firstAdvisory: v === '2' ? 2430 : 480,
});

const rhel = (major: 8 | 9): LinuxDistro => ({
  name: `rhel-${major}`,
  operatingSystem: 'REDHAT_ENTERPRISE_LINUX',
  platforms: [{ PlatformName: 'Red Hat Enterprise Linux', PlatformVersion: `${major}.*` }],
  product: 'RedhatEnterpriseLinux{version}',
  productAt: (t) => `RedhatEnterpriseLinux${major}.${rhelMinor(major, t)}`,
  productFamily: 'RedhatEnterpriseLinux',
  vendor: 'Red Hat',
  arch: 'x86_64',
  kind: 'rhel',
  release: (rel, _n, t) => `${rel}.el${major}_${rhelMinor(major, t)}`,
  kernel: (k, t) => {
    const minor = rhelMinor(major, t);
    const base = major === 9 ? ({ 3: 362, 4: 427, 5: 503, 6: 570, 7: 611, 8: 655 } as Record<number, number>)[minor] : ({ 9: 513, 10: 553 } as Record<number, number>)[minor];
    return { version: major === 9 ? '5.14.0' : '4.18.0', release: `${base}.${8 + k * 3}.1.el${major}_${minor}` };
  },
  advisory: (kind, seq, t) => `${kind === 'security' ? 'RHSA' : kind === 'bugfix' ? 'RHBA' : 'RHEA'}-${year(t)}:${String(seq).padStart(4, '0')}`,
  contentUrl: (a) => `https://access.redhat.com/errata/${a}`,
  repository: (_s, optional) => (optional ? `rhel-${major}-appstream-rhui-rpms` : `rhel-${major}-baseos-rhui-rpms`),
  severities: RH_SEVERITY,
  bugzilla: true,
  packages: rhelPackages(major),
  firstAdvisory: major === 9 ? 180 : 150,
});

const ubuntu = (v: '22.04' | '24.04'): LinuxDistro => {
  const codename = v === '22.04' ? 'jammy' : 'noble';
  return {
    name: `ubuntu-${v}`,
    operatingSystem: 'UBUNTU',
    platforms: [{ PlatformName: 'Ubuntu', PlatformVersion: v }],
    product: `Ubuntu${v}`,
    productAt: () => `Ubuntu${v}`,
    productFamily: 'Ubuntu',
    vendor: 'Canonical',
    arch: 'amd64',
    kind: 'ubuntu',
    kernel: (k) => {
      const abi = (v === '22.04' ? 91 : 31) + k * 3;
      return { version: `${v === '22.04' ? '5.15.0' : '6.8.0'}.${abi}.${abi}` };
    },
    advisory: (_kind, seq) => `USN-${seq}-1`,
    contentUrl: (a) => `https://ubuntu.com/security/notices/${a}`,
    repository: (security) => `${codename}-${security ? 'security' : 'updates'}`,
    severities: UBUNTU_SEVERITY,
    bugzilla: false,
    packages: ubuntuPackages(v === '24.04'),
    firstAdvisory: 6580,
  };
};

export const LINUX_DISTROS: readonly LinuxDistro[] = [al('2'), al('2023'), rhel(8), rhel(9), ubuntu('22.04'), ubuntu('24.04')];

const DESCRIPTIONS = {
  security: (src: string) => `Security update for ${src}: fixes the vulnerabilities listed in the CVE ids of this update. (Synthetic entry generated by the SSM emulator.)`,
  bugfix: (src: string) => `Bug fix update for ${src}. (Synthetic entry generated by the SSM emulator.)`,
  enhancement: (src: string) => `Enhancement update for ${src}. (Synthetic entry generated by the SSM emulator.)`,
  plain: (src: string) => `Update of ${src} from the repository, not part of an advisory. (Synthetic entry generated by the SSM emulator.)`,
};

function titleOf(d: LinuxDistro, kind: 'security' | 'bugfix' | 'enhancement' | 'plain', advisory: string, src: string, severity: string): string {
  if (d.kind === 'rhel') return kind === 'security' ? `${severity}: ${src} security update` : kind === 'bugfix' ? `${src} bug fix and enhancement update` : kind === 'enhancement' ? `${src} enhancement update` : `${src} update`;
  if (d.kind === 'ubuntu') return kind === 'security' ? `${advisory}: ${src} vulnerabilities` : `${src} update`;
  return kind === 'plain' ? `${src} update` : `${advisory}: ${kind === 'security' ? severity : kind === 'bugfix' ? 'Bugfix' : 'Enhancement'} - ${src}`;
}

/**
 * Advisory numbers in release order: the numbers drawn stay, but the first advisory released gets the
 * lowest of its series (ALAS2023-, RHSA-2025:, USN-...), as vendors number them.
 */
function renumberAdvisories(d: LinuxDistro, patches: CatalogPatchFile[]): void {
  const series = new Map<string, { ids: string[]; numbers: number[] }>();
  const seen = new Set<string>();
  for (const p of patches) {
    const id = p.AdvisoryIds?.[0];
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const m = /^(.*?)(\d+)(-1)?$/.exec(id)!;
    // RHSA, RHBA and RHEA share one series a year; ALAS ids one across years.
    const key = m[1].replace(/^[A-Z]+/, '');
    let s = series.get(key);
    if (!s) series.set(key, (s = { ids: [], numbers: [] }));
    s.ids.push(id);
    s.numbers.push(Number(m[2]));
  }
  const renamed = new Map<string, string>();
  for (const s of series.values()) {
    const numbers = [...s.numbers].sort((a, b) => a - b);
    s.ids.forEach((id, i) => {
      const m = /^(.*?)(\d+)(-1)?$/.exec(id)!;
      renamed.set(id, `${m[1]}${String(numbers[i]).padStart(m[2].length, '0')}${m[3] ?? ''}`);
    });
  }
  for (const p of patches) {
    const old = p.AdvisoryIds?.[0];
    if (!old) continue;
    const id = renamed.get(old)!;
    p.AdvisoryIds = [id];
    p.ContentUrl = d.contentUrl(id);
    p.Title = p.Title!.replace(old, id);
  }
}

export function generateLinux(d: LinuxDistro): CatalogFile {
  const r = seeded(`catalog:${d.name}`);
  const patches: CatalogPatchFile[] = [];
  const advSeq = new Map<number, number>();
  const usnPerDay = new Map<number, number>();
  let bug = 2255000 + int(r, 0, 3000);
  const state = d.packages.map((p) => ({ spec: p, version: p.version, rel: p.rel, n: p.rel === 0 ? 0 : int(r, 1, 4), k: 0 }));
  let lastSecurity = CATALOG_START - 30 * DAY;
  let lastBugfix = CATALOG_START - 30 * DAY;
  /** The next update of a package at t (forced: of that kind). */
  const emit = (s: (typeof state)[number], t: number, forced?: 'security' | 'bugfix'): void => {
    const p = s.spec;
    // The next build: a new upstream version, or a rebuild of the same one.
    let version: string;
    let release: string | undefined;
    if (p.kernel) {
      const k = d.kernel(s.k++, t);
      version = k.version;
      release = k.release;
    } else if (d.kind === 'ubuntu') {
      if (p.upstream && r() < p.upstream) s.version = bump(s.version);
      else s.rel++;
      version = p.debrev!.endsWith('.') ? `${s.version}${p.debrev}${s.rel}` : `${s.version}${p.debrev}${s.rel > 0 ? `.${s.rel}` : ''}`;
    } else {
      if (p.upstream && r() < p.upstream) {
        s.version = bump(s.version, p.src === 'amazon-ssm-agent' ? int(r, 20, 180) : 1);
        s.rel = 1;
        s.n = 1;
      } else if (d.kind === 'rhel') {
        s.rel++;
      } else {
        s.n++;
      }
      version = s.version;
      release = d.release!(s.rel, s.n, t);
    }
    const isSecurity = forced ? forced === 'security' : r() < p.security;
    const plain = !forced && !isSecurity && d.kind !== 'ubuntu' && r() < 0.2;
    const kind: 'security' | 'bugfix' | 'enhancement' | 'plain' = isSecurity ? 'security' : plain ? 'plain' : forced || r() < 0.8 ? 'bugfix' : 'enhancement';
    if (kind === 'security') lastSecurity = Math.max(lastSecurity, t);
    if (kind === 'bugfix') lastBugfix = Math.max(lastBugfix, t);
    const y = year(t);
    let advisory = '';
    if (kind !== 'plain' && (d.kind !== 'ubuntu' || isSecurity)) {
      // USNs count up across every Ubuntu release, about 1.2 a day.
      if (d.kind === 'ubuntu') {
        const day = Math.floor((t - CATALOG_START) / DAY);
        const nth = (usnPerDay.get(day) ?? 0) + 1;
        usnPerDay.set(day, nth);
        advisory = d.advisory('security', d.firstAdvisory + day * 2 + nth, t);
      }
      else {
        // Red Hat numbers errata per year; Amazon Linux keeps counting across years.
        const key = d.kind === 'rhel' ? y : 0;
        const seq = (advSeq.get(key) ?? (d.kind === 'rhel' && y > 2024 ? 10 : d.firstAdvisory)) + int(r, 1, d.kind === 'rhel' ? 60 : 4);
        advSeq.set(key, seq);
        advisory = d.advisory(kind === 'security' ? 'security' : kind === 'bugfix' ? 'bugfix' : 'enhancement', seq, t);
      }
    }
    const severity = isSecurity ? weighted(r, d.severities) : '';
    const cveList = isSecurity ? cves(r, t, int(r, 1, 4)) : [];
    const bugs = d.bugzilla && advisory ? Array.from({ length: int(r, 1, 3) }, () => String((bug += int(r, 40, 900)))) : [];
    for (const bin of p.bins) {
      const [name, archOverride] = bin.split(':');
      const arch = archOverride ?? d.arch;
      const entry: CatalogPatchFile = {
        ReleaseDate: t,
        Title: titleOf(d, kind, advisory, p.src, severity),
        Description: DESCRIPTIONS[kind](p.src),
        ...(advisory && { ContentUrl: d.contentUrl(advisory) }),
        Vendor: d.vendor,
        ProductFamily: d.productFamily,
        Product: d.productAt(t),
        ...(d.kind !== 'ubuntu' && kind !== 'plain' && { Classification: kind === 'security' ? 'Security' : kind === 'bugfix' ? 'Bugfix' : 'Enhancement' }),
        ...(severity && { Severity: severity }),
        ...(advisory && { AdvisoryIds: [advisory] }),
        ...(bugs.length && { BugzillaIds: bugs }),
        ...(cveList.length && { CVEIds: cveList }),
        Name: name,
        Epoch: p.epoch ?? 0,
        Version: version,
        ...(release && { Release: release }),
        Arch: arch,
        Repository: d.repository(isSecurity, !!p.optional),
        ...(p.priority && { Priority: p.priority }),
        ...(p.section && { Section: p.section }),
      };
      patches.push(entry);
    }
  };
  // Vendors publish every week or two: when nothing of a kind came out for 10 days, something does.
  const eligible = (kind: 'security' | 'bugfix') => state.filter((s) => !s.spec.optional && (kind === 'security' ? s.spec.security > 0 : s.spec.security < 1));
  // Each week: first what is overdue (on its first day), then the packages' own updates (on the days
  // after), so each package's versions come out in release order.
  for (let week = CATALOG_START; week < CATALOG_END; week += 7 * DAY) {
    const first = week + int(r, 17, 22) * 3600;
    if (first - lastSecurity > 10 * DAY) emit(pick(r, eligible('security')), first, 'security');
    if (first - lastBugfix > 10 * DAY) emit(pick(r, eligible('bugfix')), first + 1800, 'bugfix');
    for (const s of state) {
      if (r() >= s.spec.perYear / 52) continue;
      const t = week + int(r, 1, 6) * DAY + int(r, 17, 23) * 3600 + int(r, 0, 59) * 60;
      if (t <= CATALOG_END) emit(s, t);
    }
  }
  patches.sort((a, b) => a.ReleaseDate - b.ReleaseDate || (a.Name! < b.Name! ? -1 : 1));
  renumberAdvisories(d, patches);
  return {
    format: 1,
    name: d.name,
    description: `Synthetic ${d.name} patch catalog (2024 to 2026): real package names and version schemes, invented releases.`,
    synthetic: true,
    operatingSystem: d.operatingSystem,
    platforms: d.platforms,
    product: d.product,
    optional: [...new Set(d.packages.filter((p) => p.optional).flatMap((p) => p.bins.map((b) => b.split(':')[0])))].sort(),
    patches,
  };
}

// ─────────────────────────────────────────── Windows ───────────────────────────────────────────

interface WindowsSpec {
  name: string;
  version: '2019' | '2022';
  product: string;
  /** What update titles call the OS. */
  osTitle: string;
  netTitle: string;
  kbOffset: number;
}

const WINDOWS: readonly WindowsSpec[] = [
  { name: 'windows-server-2019', version: '2019', product: 'WindowsServer2019', osTitle: 'Windows Server 2019 for x64-based Systems', netTitle: '.NET Framework 3.5, 4.7.2 and 4.8 for Windows Server 2019 for x64', kbOffset: 0 },
  { name: 'windows-server-2022', version: '2022', product: 'WindowsServer2022', osTitle: 'Microsoft server operating system version 21H2 for x64-based Systems', netTitle: '.NET Framework 3.5, 4.8 and 4.8.1 for Microsoft server operating system version 21H2 for x64', kbOffset: 7 },
];

const SECURITY_TEXT =
  'A security issue has been identified in a Microsoft software product that could affect your system. You can help protect your system by installing this update from Microsoft. For a complete listing of the issues that are included in this update, see the associated Microsoft Knowledge Base article. After you install this update, you may have to restart your system.';
const UPDATE_TEXT =
  'Install this update to resolve issues in Windows. For a complete listing of the issues that are included in this update, see the associated Microsoft Knowledge Base article for more information. After you install this item, you may have to restart your computer.';
const MSRT_TEXT =
  'After the download, this tool runs one time to check your computer for infection by specific, prevalent malicious software (including Blaster, Sasser, and Mydoom) and helps remove any infection that is found. If an infection is found, the tool will display a status report the next time that you start your computer.';

/** The n-th weekday (0 = Sunday) of a month, at 17:00 UTC (10:00 in Redmond). */
function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  const first = new Date(Date.UTC(y, m, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  return Date.UTC(y, m, day, 17) / 1000;
}

export function generateWindows(w: WindowsSpec): CatalogFile {
  const r = seeded(`catalog:${w.name}`);
  const patches: CatalogPatchFile[] = [];
  const last = new Map<string, string>();
  const add = (line: string | undefined, p: Omit<CatalogPatchFile, 'Id' | 'Vendor' | 'Language' | 'MsrcNumber' | 'ContentUrl' | 'Description'> & { Description?: string }) => {
    const id = uuidOf(`${w.name}|${p.KbNumber}|${p.Title}`);
    const prev = line ? last.get(line) : undefined;
    patches.push({
      Id: id,
      ...p,
      Description: p.Description ?? (p.Classification === 'SecurityUpdates' ? SECURITY_TEXT : UPDATE_TEXT),
      ContentUrl: `https://support.microsoft.com/en-us/kb/${p.KbNumber!.slice(2)}`,
      Vendor: 'Microsoft',
      MsrcNumber: '',
      Language: 'All',
      ...(prev && { Supersedes: [prev] }),
    });
    if (line) last.set(line, id);
  };
  const os = { ProductFamily: 'Windows', Product: w.product, PatchSet: 'OS' as const };
  let month = 0;
  for (let y = 2024; y <= 2026; y++) {
    for (let m = 0; m < 12; m++, month++) {
      const tuesday = nthWeekday(y, m, 2, 2);
      const label = `${y}-${String(m + 1).padStart(2, '0')}`;
      const kb = (slot: number) => `KB${5034100 + month * 640 + slot * 23 + w.kbOffset}`;
      add('cu', { ...os, ReleaseDate: tuesday, Title: `${label} Cumulative Update for ${w.osTitle} (${kb(0)})`, Classification: 'SecurityUpdates', MsrcSeverity: r() < 0.85 ? 'Critical' : 'Important', KbNumber: kb(0) });
      if (r() < 0.7) add('net', { ...os, ReleaseDate: tuesday, Title: `${label} Cumulative Update for ${w.netTitle} (${kb(1)})`, Classification: 'SecurityUpdates', MsrcSeverity: r() < 0.5 ? 'Important' : 'Critical', KbNumber: kb(1) });
      else add('net', { ...os, ReleaseDate: nthWeekday(y, m, 2, 4), Title: `${label} Cumulative Update Preview for ${w.netTitle} (${kb(1)})`, Classification: 'Updates', MsrcSeverity: 'Unspecified', KbNumber: kb(1) });
      if (w.version === '2019' && month % 3 === 0) add('ssu', { ...os, ReleaseDate: tuesday, Title: `${label} Servicing Stack Update for ${w.osTitle} (${kb(2)})`, Classification: 'SecurityUpdates', MsrcSeverity: 'Critical', KbNumber: kb(2) });
      add('msrt', { ...os, ReleaseDate: tuesday, Title: `Windows Malicious Software Removal Tool x64 - v5.${120 + month} (KB890830)`, Classification: 'UpdateRollups', MsrcSeverity: 'Unspecified', KbNumber: 'KB890830', Description: MSRT_TEXT });
      add('defender', {
        ProductFamily: 'Windows',
        Product: 'MicrosoftDefenderAntivirus',
        PatchSet: 'OS',
        ReleaseDate: tuesday - int(r, 1, 6) * DAY,
        Title: `Update for Microsoft Defender Antivirus antimalware platform - KB4052623 (Version 4.18.${24010 + month * 10 + int(r, 0, 9)}.${int(r, 1, 12)}) - Current Channel (Broad)`,
        Classification: 'Updates',
        MsrcSeverity: 'Unspecified',
        KbNumber: 'KB4052623',
      });
      if (r() < 0.3) add(undefined, { ...os, ReleaseDate: tuesday, Title: `${label} Security Update for ${w.osTitle} (${kb(3)})`, Classification: 'SecurityUpdates', MsrcSeverity: r() < 0.3 ? 'Critical' : 'Important', KbNumber: kb(3) });
      // The optional non-security preview of next month's cumulative update (fourth Tuesday).
      add(undefined, { ...os, ReleaseDate: nthWeekday(y, m, 2, 4), Title: `${label} Cumulative Update Preview for ${w.osTitle} (${kb(4)})`, Classification: 'Updates', MsrcSeverity: 'Unspecified', KbNumber: kb(4) });
      for (const sql of ['2019', '2022'] as const) {
        const app = { ProductFamily: 'SQL Server', Product: `Microsoft SQL Server ${sql}`, PatchSet: 'APPLICATION' as const };
        const cuNo = (sql === '2019' ? 24 : 11) + Math.floor(month / 2);
        if (month % 2 === (sql === '2019' ? 0 : 1)) {
          add(`sql${sql}`, { ...app, ReleaseDate: nthWeekday(y, m, 4, 3), Title: `Cumulative Update ${cuNo} for SQL Server ${sql} (${kb(sql === '2019' ? 5 : 6)})`, Classification: 'Updates', MsrcSeverity: 'Unspecified', KbNumber: kb(sql === '2019' ? 5 : 6) });
        }
        if (month % 6 === 4) {
          add(undefined, { ...app, ReleaseDate: tuesday, Title: `Security Update for SQL Server ${sql} CU${cuNo} (${kb(sql === '2019' ? 8 : 9)})`, Classification: 'SecurityUpdates', MsrcSeverity: 'Important', KbNumber: kb(sql === '2019' ? 8 : 9) });
        }
      }
    }
  }
  const all = patches.filter((p) => p.ReleaseDate <= CATALOG_END);
  all.sort((a, b) => a.ReleaseDate - b.ReleaseDate || (a.KbNumber! < b.KbNumber! ? -1 : 1));
  return {
    format: 1,
    name: w.name,
    description: `Synthetic Windows Server ${w.version} patch catalog (2024 to 2026): Microsoft's update titles, classifications and rhythm, invented KB numbers.`,
    synthetic: true,
    operatingSystem: 'WINDOWS',
    platforms: [{ PlatformName: `Microsoft Windows Server ${w.version} Datacenter`, PlatformVersion: '*' }, { PlatformName: `Microsoft Windows Server ${w.version} Standard`, PlatformVersion: '*' }],
    product: w.product,
    optional: ['Microsoft SQL Server 2019', 'Microsoft SQL Server 2022'],
    patches: all,
  };
}

export const WINDOWS_SPECS = WINDOWS;

/** Every built-in catalog. */
export function generateAll(): CatalogFile[] {
  return [...LINUX_DISTROS.map(generateLinux), ...WINDOWS.map(generateWindows)];
}

/**
 * A Windows Server 2022 catalog of `count` standalone security updates (nothing superseded), released
 * over the two years before `until`: what the DescribeEffectivePatchesForPatchBaseline benchmark pages.
 */
export function largeWindowsCatalog(count: number, until: number): CatalogFile {
  const r = seeded(`large:${count}`);
  const patches: CatalogPatchFile[] = [];
  for (let i = 0; i < count; i++) {
    const kb = `KB${5100000 + i}`;
    patches.push({
      Id: uuidOf(`large|${kb}`),
      ReleaseDate: until - Math.floor(((count - i) / count) * 730 * DAY),
      Title: `Security Update for Microsoft server operating system version 21H2 for x64-based Systems (${kb})`,
      Description: SECURITY_TEXT,
      ContentUrl: `https://support.microsoft.com/en-us/kb/${kb.slice(2)}`,
      Vendor: 'Microsoft',
      ProductFamily: 'Windows',
      Product: 'WindowsServer2022',
      Classification: r() < 0.7 ? 'SecurityUpdates' : 'CriticalUpdates',
      MsrcSeverity: pick(r, ['Critical', 'Important', 'Moderate']),
      KbNumber: kb,
      MsrcNumber: '',
      Language: 'All',
      PatchSet: 'OS',
    });
  }
  return { ...generateWindows(WINDOWS[1]), description: `${count} synthetic standalone updates`, patches };
}
