/**
 * What Patch Manager knows about each operating system (the OperatingSystem enum): its family (how
 * patches are named and installed), the filter keys a baseline may use, the properties
 * DescribePatchProperties lists, and the values of the enumerated keys.
 *
 * Sources: the API reference (DescribePatchProperties: "valid properties" per OS; PatchFilter;
 * DescribeAvailablePatches filter keys) and the user guide ("How security patches are selected",
 * "Predefined and custom patch baselines"). The key sets of the Linux families beyond PRODUCT,
 * CLASSIFICATION and SEVERITY (NAME, ARCH, ...: the DescribeAvailablePatches keys) are accepted in
 * baselines too [unverified: AWS does not list per-OS baseline keys].
 *
 * Product values come from two places: the products AWS has always listed for an OS (below) and the
 * products of the loaded patch catalogs (catalog.ts), so a catalog a user adds makes its products
 * valid in filters.
 */
import type { OperatingSystem, PatchFilterKey, PatchProperty } from '../../generated/ssm/types.js';

/** How an OS names, groups and installs patches. */
export type Family = 'windows' | 'yum' | 'apt' | 'zypper' | 'macos';

export interface OsInfo {
  readonly os: OperatingSystem;
  readonly family: Family;
  /** How the user guide names it (messages, docs). */
  readonly displayName: string;
  /** Keys a baseline's global filters and approval rules may use. */
  readonly filterKeys: readonly PatchFilterKey[];
  /** DescribePatchProperties' properties for this OS. */
  readonly properties: readonly PatchProperty[];
  /** The closed value sets (validated in baselines; listed by DescribePatchProperties). */
  readonly values: Readonly<Partial<Record<PatchFilterKey, readonly string[]>>>;
  /** Products AWS lists for the OS whether or not a catalog is loaded. */
  readonly products: readonly string[];
  /** Windows only: application products (PATCH_SET APPLICATION) and their product families. */
  readonly applications?: Readonly<Record<string, string>>;
  /** Approval rules may (and must) set ApproveAfterDays or ApproveUntilDate; not for Debian/Ubuntu. */
  readonly approvalDelays: boolean;
}

export const ALL_OPERATING_SYSTEMS: readonly OperatingSystem[] = [
  'WINDOWS', 'AMAZON_LINUX', 'AMAZON_LINUX_2', 'AMAZON_LINUX_2022', 'UBUNTU', 'REDHAT_ENTERPRISE_LINUX', 'SUSE', 'CENTOS',
  'ORACLE_LINUX', 'DEBIAN', 'MACOS', 'RASPBIAN', 'ROCKY_LINUX', 'ALMA_LINUX', 'AMAZON_LINUX_2023',
];

// Keys DescribeAvailablePatches documents for Linux, usable as global filters too.
const YUM_KEYS: PatchFilterKey[] = [
  'PRODUCT', 'CLASSIFICATION', 'SEVERITY', 'ADVISORY_ID', 'ARCH', 'BUGZILLA_ID', 'CVE_ID', 'EPOCH', 'NAME', 'RELEASE', 'REPOSITORY', 'SECURITY', 'VERSION',
];
// "CLASSIFICATION: Security | Bugfix | Enhancement | Recommended | Newpackage" (updateinfo.xml types).
const YUM_CLASSIFICATIONS = ['Security', 'Bugfix', 'Enhancement', 'Recommended', 'Newpackage'];
const AL_SEVERITIES = ['Critical', 'Important', 'Medium', 'Low', 'None'];
const RH_SEVERITIES = ['Critical', 'Important', 'Moderate', 'Low'];
const APT_PRIORITIES = ['Required', 'Important', 'Standard', 'Optional', 'Extra'];
const APT_SECTIONS = [
  'admin', 'database', 'debug', 'devel', 'doc', 'editors', 'golang', 'httpd', 'interpreters', 'java', 'javascript', 'kernel', 'libdevel', 'libs',
  'mail', 'misc', 'net', 'perl', 'php', 'python', 'shells', 'text', 'utils', 'vcs', 'web',
];
const WINDOWS_CLASSIFICATIONS = [
  'CriticalUpdates', 'DefinitionUpdates', 'Drivers', 'FeaturePacks', 'SecurityUpdates', 'ServicePacks', 'Tools', 'UpdateRollups', 'Updates', 'Upgrades',
];
const MSRC_SEVERITIES = ['Critical', 'Important', 'Moderate', 'Low', 'Unspecified'];

const range = (prefix: string, from: number, to: number, minors: number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) => {
  const out: string[] = [];
  for (let major = from; major <= to; major++) for (const m of minors) out.push(`${prefix}${major}.${m}`);
  return out;
};

const yum = (os: OperatingSystem, displayName: string, products: string[], severities = AL_SEVERITIES): OsInfo => ({
  os,
  family: 'yum',
  displayName,
  filterKeys: YUM_KEYS,
  properties: ['PRODUCT', 'CLASSIFICATION', 'SEVERITY'],
  values: { CLASSIFICATION: YUM_CLASSIFICATIONS, SEVERITY: severities },
  products,
  approvalDelays: true,
});

const apt = (os: OperatingSystem, displayName: string, products: string[]): OsInfo => ({
  os,
  family: 'apt',
  displayName,
  filterKeys: ['PRODUCT', 'PRIORITY', 'SECTION'],
  properties: ['PRODUCT', 'PRIORITY'],
  values: { PRIORITY: APT_PRIORITIES, SECTION: APT_SECTIONS },
  products,
  // "Because it's not possible to reliably determine the release dates of update packages for Ubuntu
  // Server, the auto-approval options aren't supported for this operating system."
  approvalDelays: false,
});

/** Microsoft application products Patch Manager patches (PATCH_SET APPLICATION), by product family. */
const WINDOWS_APPLICATIONS: Record<string, string> = {
  'Office 2013': 'Office',
  'Office 2016': 'Office',
  'Office 2019': 'Office',
  'Microsoft 365 Apps/Office 2019/Office LTSC': 'Office',
  'Microsoft SQL Server 2016': 'SQL Server',
  'Microsoft SQL Server 2017': 'SQL Server',
  'Microsoft SQL Server 2019': 'SQL Server',
  'Microsoft SQL Server 2022': 'SQL Server',
  'Visual Studio 2019': 'Developer Tools, Runtimes, and Redistributables',
  'Visual Studio 2022': 'Developer Tools, Runtimes, and Redistributables',
  '.NET 6.0': 'Developer Tools, Runtimes, and Redistributables',
  '.NET 8.0': 'Developer Tools, Runtimes, and Redistributables',
  'Exchange Server 2019': 'Exchange',
};

export const OS_INFO: Readonly<Record<OperatingSystem, OsInfo>> = {
  WINDOWS: {
    os: 'WINDOWS',
    family: 'windows',
    displayName: 'Windows Server',
    filterKeys: ['PATCH_SET', 'PRODUCT', 'PRODUCT_FAMILY', 'CLASSIFICATION', 'MSRC_SEVERITY', 'PATCH_ID'],
    properties: ['PRODUCT', 'PRODUCT_FAMILY', 'CLASSIFICATION', 'MSRC_SEVERITY'],
    values: { PATCH_SET: ['OS', 'APPLICATION'], CLASSIFICATION: WINDOWS_CLASSIFICATIONS, MSRC_SEVERITY: MSRC_SEVERITIES },
    products: [
      'WindowsServer2008', 'WindowsServer2008R2', 'WindowsServer2012', 'WindowsServer2012R2', 'WindowsServer2016', 'WindowsServer2019',
      'WindowsServer2022', 'WindowsServer2025', 'MicrosoftDefenderAntivirus',
    ],
    applications: WINDOWS_APPLICATIONS,
    approvalDelays: true,
  },
  // The PRODUCT list AWS answers for Amazon Linux 1 (quoted in an "Invalid Filter Value" error).
  AMAZON_LINUX: yum('AMAZON_LINUX', 'Amazon Linux', [
    'AmazonLinux2012.03', 'AmazonLinux2012.09', 'AmazonLinux2013.03', 'AmazonLinux2013.09', 'AmazonLinux2014.03', 'AmazonLinux2014.09',
    'AmazonLinux2015.03', 'AmazonLinux2015.09', 'AmazonLinux2016.03', 'AmazonLinux2016.09', 'AmazonLinux2017.03', 'AmazonLinux2017.09',
    'AmazonLinux2018.03',
  ]),
  AMAZON_LINUX_2: yum('AMAZON_LINUX_2', 'Amazon Linux 2', ['AmazonLinux2', 'AmazonLinux2.0']),
  AMAZON_LINUX_2022: yum('AMAZON_LINUX_2022', 'Amazon Linux 2022', ['AmazonLinux2022']),
  AMAZON_LINUX_2023: yum('AMAZON_LINUX_2023', 'Amazon Linux 2023', ['AmazonLinux2023']),
  REDHAT_ENTERPRISE_LINUX: yum(
    'REDHAT_ENTERPRISE_LINUX',
    'Red Hat Enterprise Linux',
    [...range('RedhatEnterpriseLinux', 7, 7, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), ...range('RedhatEnterpriseLinux', 8, 8), ...range('RedhatEnterpriseLinux', 9, 9, [0, 1, 2, 3, 4, 5, 6, 7, 8])],
    RH_SEVERITIES,
  ),
  CENTOS: yum('CENTOS', 'CentOS', [...range('CentOS', 7, 7, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 'CentOS8.0', 'CentOS8.1', 'CentOS8.2', 'CentOS8.3', 'CentOS8.4', 'CentOS8.5', 'CentOSStream8', 'CentOSStream9'], RH_SEVERITIES),
  ORACLE_LINUX: yum('ORACLE_LINUX', 'Oracle Linux', [...range('OracleLinux', 7, 7, [5, 6, 7, 8, 9]), ...range('OracleLinux', 8, 8), ...range('OracleLinux', 9, 9, [0, 1, 2, 3, 4, 5])], RH_SEVERITIES),
  ROCKY_LINUX: yum('ROCKY_LINUX', 'Rocky Linux', [...range('RockyLinux', 8, 8), ...range('RockyLinux', 9, 9, [0, 1, 2, 3, 4, 5, 6])], RH_SEVERITIES),
  ALMA_LINUX: yum('ALMA_LINUX', 'AlmaLinux', [...range('AlmaLinux', 8, 8), ...range('AlmaLinux', 9, 9, [0, 1, 2, 3, 4, 5, 6])], RH_SEVERITIES),
  SUSE: {
    ...yum('SUSE', 'SUSE Linux Enterprise Server', ['Suse12.0', 'Suse12.1', 'Suse12.2', 'Suse12.3', 'Suse12.4', 'Suse12.5', 'Suse15.0', 'Suse15.1', 'Suse15.2', 'Suse15.3', 'Suse15.4', 'Suse15.5', 'Suse15.6'], ['Critical', 'Important', 'Moderate', 'Low']),
    family: 'zypper',
    values: { CLASSIFICATION: ['Security', 'Recommended', 'Optional', 'Feature', 'Document', 'Yast'], SEVERITY: ['Critical', 'Important', 'Moderate', 'Low'] },
  },
  UBUNTU: apt('UBUNTU', 'Ubuntu Server', ['Ubuntu14.04', 'Ubuntu16.04', 'Ubuntu18.04', 'Ubuntu20.04', 'Ubuntu20.10', 'Ubuntu22.04', 'Ubuntu24.04']),
  DEBIAN: apt('DEBIAN', 'Debian Server', ['Debian8', 'Debian9', 'Debian10', 'Debian11', 'Debian12']),
  RASPBIAN: apt('RASPBIAN', 'Raspberry Pi OS', ['Raspbian9', 'Raspbian10', 'Raspbian11']),
  MACOS: {
    os: 'MACOS',
    family: 'macos',
    displayName: 'macOS',
    filterKeys: ['PRODUCT', 'CLASSIFICATION'],
    properties: ['PRODUCT', 'CLASSIFICATION'],
    values: { CLASSIFICATION: ['Security', 'Bugfix', 'Enhancement', 'Recommended', 'Newpackage'] },
    products: ['MacOS11.7', 'MacOS12.7', 'MacOS13.6', 'MacOS14.6', 'MacOS15.1'],
    approvalDelays: true,
  },
};

/** Windows classifications Patch Manager treats as security-related (SecurityNonCompliantCount, AvailableSecurityUpdate). */
export const WINDOWS_SECURITY_CLASSIFICATIONS: ReadonlySet<string> = new Set(['SecurityUpdates', 'CriticalUpdates']);

export const isOperatingSystem = (v: string): v is OperatingSystem => (ALL_OPERATING_SYSTEMS as readonly string[]).includes(v);
