/**
 * AWS's predefined patch baselines: one per operating system (the default until an account registers
 * its own) and two more for Windows Server, with the approval rules the user guide documents
 * ("Predefined and custom patch baselines"). They are read-only, the same in every account of a
 * Region, and are named by ARN in the owner account AWS uses in that Region:
 * arn:aws:ssm:<region>:<aws account>:patchbaseline/pb-...
 *
 * Ids per Region come from fixtures/patches/predefined-baselines.json (AWS's recorded default baseline
 * ARNs; scripts/patching/import-baselines.ts); a Region that file does not know gets deterministic
 * made-up ids and owner account, so every Region has predefined baselines.
 *
 * Descriptions other than Windows' "Default Patch Baseline Provided by AWS." and the creation dates are
 * [unverified]. Every predefined baseline assigns the compliance level UNSPECIFIED, as the guide says.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OperatingSystem, PatchFilter, PatchRule } from '../../generated/ssm/types.js';
import { FIXTURES_DIR } from '../../core/paths.js';
import type { StoredBaseline } from './state.js';

export interface PredefinedBaseline {
  name: string;
  operatingSystem: OperatingSystem;
  /** The OS's default baseline when the account has registered none. */
  default: boolean;
  description: string;
  created: string;
  rules: PatchRule[];
}

const f = (Key: PatchFilter['Key'], ...Values: string[]): PatchFilter => ({ Key, Values });
const rule = (filters: PatchFilter[], days: number, enableNonSecurity = false): PatchRule => ({
  PatchFilterGroup: { PatchFilters: filters },
  ComplianceLevel: 'UNSPECIFIED',
  ApproveAfterDays: days,
  EnableNonSecurity: enableNonSecurity,
});

/** "Approves ... 'Security' ... 'Critical' or 'Important'. Also approves ... 'Bugfix'. ... 7 days after release." */
const securityAndBugfix = (severities = ['Critical', 'Important']) => [
  rule([f('PRODUCT', '*'), f('CLASSIFICATION', 'Security'), f('SEVERITY', ...severities)], 7),
  rule([f('PRODUCT', '*'), f('CLASSIFICATION', 'Bugfix')], 7),
];
/** "Immediately approves all operating system security-related patches that have a priority of ..." */
const aptSecurity = () => [rule([f('PRODUCT', '*'), f('PRIORITY', 'Required', 'Important', 'Standard', 'Optional', 'Extra')], 0)];
/** "Approves ... 'CriticalUpdates' or 'SecurityUpdates' ... MSRC severity 'Critical' or 'Important' ... 7 days." */
const windowsOs = () => [rule([f('PRODUCT', '*'), f('CLASSIFICATION', 'CriticalUpdates', 'SecurityUpdates'), f('MSRC_SEVERITY', 'Critical', 'Important')], 7)];

export const PREDEFINED_BASELINES: readonly PredefinedBaseline[] = [
  { name: 'AWS-AlmaLinuxDefaultPatchBaseline', operatingSystem: 'ALMA_LINUX', default: true, description: 'Default Patch Baseline for Alma Linux Provided by AWS.', created: '2022-06-23T00:00:00Z', rules: securityAndBugfix() },
  { name: 'AWS-AmazonLinuxDefaultPatchBaseline', operatingSystem: 'AMAZON_LINUX', default: true, description: 'Default Patch Baseline for Amazon Linux Provided by AWS.', created: '2017-09-06T00:00:00Z', rules: securityAndBugfix() },
  { name: 'AWS-AmazonLinux2DefaultPatchBaseline', operatingSystem: 'AMAZON_LINUX_2', default: true, description: 'Default Patch Baseline for Amazon Linux 2 Provided by AWS.', created: '2018-06-26T00:00:00Z', rules: securityAndBugfix() },
  { name: 'AWS-AmazonLinux2022DefaultPatchBaseline', operatingSystem: 'AMAZON_LINUX_2022', default: true, description: 'Default Patch Baseline for Amazon Linux 2022 Provided by AWS.', created: '2022-02-24T00:00:00Z', rules: securityAndBugfix() },
  { name: 'AWS-AmazonLinux2023DefaultPatchBaseline', operatingSystem: 'AMAZON_LINUX_2023', default: true, description: 'Default Patch Baseline for Amazon Linux 2023 Provided by AWS.', created: '2023-03-15T00:00:00Z', rules: securityAndBugfix() },
  // "Approves all updates 7 days after they become available, including nonsecurity updates."
  { name: 'AWS-CentOSDefaultPatchBaseline', operatingSystem: 'CENTOS', default: true, description: 'Default Patch Baseline for CentOS Provided by AWS.', created: '2018-05-10T00:00:00Z', rules: [rule([f('PRODUCT', '*'), f('CLASSIFICATION', '*'), f('SEVERITY', '*')], 7, true)] },
  { name: 'AWS-DebianDefaultPatchBaseline', operatingSystem: 'DEBIAN', default: true, description: 'Default Patch Baseline for Debian Provided by AWS.', created: '2019-11-21T00:00:00Z', rules: aptSecurity() },
  // "Approves all operating system patches that are classified as 'Security'. Also approves all packages with a current update."
  { name: 'AWS-MacOSDefaultPatchBaseline', operatingSystem: 'MACOS', default: true, description: 'Default Patch Baseline for MacOS Provided by AWS.', created: '2021-07-27T00:00:00Z', rules: [rule([f('PRODUCT', '*'), f('CLASSIFICATION', 'Security')], 0), rule([f('PRODUCT', '*'), f('CLASSIFICATION', '*')], 0, true)] },
  { name: 'AWS-OracleLinuxDefaultPatchBaseline', operatingSystem: 'ORACLE_LINUX', default: true, description: 'Default Patch Baseline for Oracle Linux Server Provided by AWS.', created: '2019-11-21T00:00:00Z', rules: securityAndBugfix(['Important', 'Moderate']) },
  { name: 'AWS-DefaultRaspbianPatchBaseline', operatingSystem: 'RASPBIAN', default: true, description: 'Default Patch Baseline for Raspbian Provided by AWS.', created: '2020-04-14T00:00:00Z', rules: aptSecurity() },
  { name: 'AWS-RedHatDefaultPatchBaseline', operatingSystem: 'REDHAT_ENTERPRISE_LINUX', default: true, description: 'Default Patch Baseline for Redhat Enterprise Linux Provided by AWS.', created: '2017-09-06T00:00:00Z', rules: securityAndBugfix() },
  { name: 'AWS-RockyLinuxDefaultPatchBaseline', operatingSystem: 'ROCKY_LINUX', default: true, description: 'Default Patch Baseline for Rocky Linux Provided by AWS.', created: '2022-02-04T00:00:00Z', rules: securityAndBugfix() },
  // "Approves ... 'Security' and with a severity of 'Critical' or 'Important'. ... 7 days."
  { name: 'AWS-SuseDefaultPatchBaseline', operatingSystem: 'SUSE', default: true, description: 'Default Patch Baseline for Suse Provided by AWS.', created: '2017-12-20T00:00:00Z', rules: [rule([f('PRODUCT', '*'), f('CLASSIFICATION', 'Security'), f('SEVERITY', 'Critical', 'Important')], 7)] },
  { name: 'AWS-UbuntuDefaultPatchBaseline', operatingSystem: 'UBUNTU', default: true, description: 'Default Patch Baseline for Ubuntu Provided by AWS.', created: '2017-09-06T00:00:00Z', rules: aptSecurity() },
  // The guide quotes this description in its describe-patch-baselines example.
  { name: 'AWS-DefaultPatchBaseline', operatingSystem: 'WINDOWS', default: true, description: 'Default Patch Baseline Provided by AWS.', created: '2016-12-01T00:00:00Z', rules: windowsOs() },
  { name: 'AWS-WindowsPredefinedPatchBaseline-OS', operatingSystem: 'WINDOWS', default: false, description: 'Windows Patch Baseline for Operating System Updates Provided by AWS.', created: '2020-02-11T00:00:00Z', rules: windowsOs() },
  // "For applications released by Microsoft, approves all patches."
  {
    name: 'AWS-WindowsPredefinedPatchBaseline-OS-Applications',
    operatingSystem: 'WINDOWS',
    default: false,
    description: 'Windows Patch Baseline for Operating System and Application Updates Provided by AWS.',
    created: '2020-02-11T00:00:00Z',
    rules: [
      rule([f('PATCH_SET', 'OS'), f('PRODUCT', '*'), f('CLASSIFICATION', 'CriticalUpdates', 'SecurityUpdates'), f('MSRC_SEVERITY', 'Critical', 'Important')], 7),
      rule([f('PATCH_SET', 'APPLICATION'), f('PRODUCT_FAMILY', '*'), f('PRODUCT', '*'), f('CLASSIFICATION', '*'), f('MSRC_SEVERITY', '*')], 7),
    ],
  },
];

interface IdsFile {
  regions: Record<string, { account: string; baselines: Record<string, string> }>;
}

let idsFile: IdsFile | undefined;
const readIds = (): IdsFile => (idsFile ??= JSON.parse(readFileSync(join(FIXTURES_DIR, 'patches', 'predefined-baselines.json'), 'utf8')) as IdsFile);

const hashHex = (s: string) => createHash('sha256').update(s).digest('hex');

/** AWS's owner account and the predefined baselines' ids in a Region (made up for Regions the fixture lacks). */
export function predefinedIds(region: string): { account: string; ids: Readonly<Record<string, string>> } {
  const known = readIds().regions[region];
  if (known) return { account: known.account, ids: known.baselines };
  const account = String(parseInt(hashHex(`account|${region}`).slice(0, 12), 16) % 1e12).padStart(12, '0');
  return { account, ids: Object.fromEntries(PREDEFINED_BASELINES.map((b) => [b.name, 'pb-0' + hashHex(`${region}|${b.name}`).slice(0, 16)])) };
}

// Read-only fixture data, the same for every emulator in the process: a module-level memo is safe.
const cache = new Map<string, readonly StoredBaseline[]>();

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** The predefined baselines of a Region as stored records (frozen; shared by every account). */
export function predefinedBaselines(region: string): readonly StoredBaseline[] {
  let list = cache.get(region);
  if (!list) {
    const { account, ids } = predefinedIds(region);
    list = PREDEFINED_BASELINES.map((b) =>
      deepFreeze({
        BaselineId: `arn:aws:ssm:${region}:${account}:patchbaseline/${ids[b.name]}`,
        Name: b.name,
        OperatingSystem: b.operatingSystem,
        GlobalFilters: { PatchFilters: [] },
        ApprovalRules: { PatchRules: b.rules },
        ApprovedPatches: [],
        ApprovedPatchesComplianceLevel: 'UNSPECIFIED',
        ApprovedPatchesEnableNonSecurity: false,
        RejectedPatches: [],
        RejectedPatchesAction: 'ALLOW_AS_DEPENDENCY',
        CreatedDate: Date.parse(b.created) / 1000,
        ModifiedDate: Date.parse(b.created) / 1000,
        Description: b.description,
        Sources: [],
        Tags: [],
        Seq: 0,
        Revision: 0,
        owner: 'AWS',
        predefinedDefault: b.default,
      } satisfies StoredBaseline) as StoredBaseline,
    );
    cache.set(region, list);
  }
  return list;
}
