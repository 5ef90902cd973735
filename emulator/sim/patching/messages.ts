/**
 * Patch Manager's error texts. Sources:
 *   - "Invalid Filter Value: All for Key: PRODUCT, valid values are: AmazonLinux2012.03, ..." is AWS's
 *     answer quoted in hashicorp/terraform-provider-aws#18359 and jparnaudeau/terraform-aws-ssm-patch-management#1;
 *   - UnsupportedFeatureRequiredException's text is the API reference's description of the error;
 *   - everything marked [unverified] is the emulator's wording for a refusal AWS makes whose text we
 *     could not find.
 */
import type { OperatingSystem } from '../../generated/ssm/types.js';

export const invalidFilterValue = (value: string, key: string, valid: readonly string[]) =>
  `Invalid Filter Value: ${value} for Key: ${key}, valid values are: ${valid.join(', ')}`;

/** [unverified] */
export const invalidFilterKey = (key: string, os: OperatingSystem) => `Invalid Filter Key: ${key} is not supported for operating system ${os}`;

/** [unverified] */
export const duplicateFilterKey = (key: string) => `Duplicate filter key: ${key}`;

/** [unverified] */
export const approvalDelayRequired = () => 'Either ApproveAfterDays or ApproveUntilDate must be specified in a patch rule.';

/** [unverified] */
export const approvalDelayBoth = () => 'ApproveAfterDays and ApproveUntilDate cannot both be specified in a patch rule.';

/** [unverified] */
export const approvalDelayNotSupported = (os: OperatingSystem) => `ApproveAfterDays and ApproveUntilDate are not supported for operating system ${os}.`;

/** [unverified] */
export const invalidApproveUntilDate = (value: string) => `Invalid ApproveUntilDate: ${value}. The date must be in the format YYYY-MM-DD.`;

/** [unverified] */
export const invalidPatchId = (list: string, value: string, why: string) => `Invalid patch ${value} in ${list}: ${why}.`;

/** [unverified] */
export const sourcesNotSupported = () => 'Sources are supported for Linux operating systems only.';

/** [unverified] */
export const duplicateSourceName = (name: string) => `Duplicate patch source name: ${name}`;

/** [unverified] */
export const invalidSourceProduct = (product: string, valid: readonly string[]) => `Invalid Product: ${product} for Sources, valid values are: ${valid.join(', ')}`;

/** [unverified] */
export const baselineNotFound = (id: string) => `Patch Baseline ${id} does not exist.`;

/** [unverified] */
export const invalidBaselineId = (id: string) => `Invalid Patch Baseline Id: ${id}`;

/** [unverified] */
export const baselineLimit = (max: number) => `Maximum number of patch baselines (${max}) has been reached.`;

/** [unverified] */
export const groupsPerBaselineLimit = (max: number) => `Maximum number of patch groups (${max}) per patch baseline has been reached.`;

/** [unverified] */
export const awsBaselineReadOnly = (id: string) => `Patch Baseline ${id} is owned by AWS and cannot be modified.`;

/** [unverified] */
export const baselineInUseByGroups = (id: string, groups: readonly string[]) =>
  `Patch Baseline ${id} is registered with patch group(s) ${groups.join(', ')} and cannot be deleted.`;

/** [unverified] */
export const baselineIsDefault = (id: string) => `Patch Baseline ${id} is the default patch baseline for its operating system and cannot be deleted.`;

/** [unverified] */
export const groupAlreadyRegistered = (group: string, os: OperatingSystem, baselineId: string) =>
  `Patch Group ${group} is already registered with Patch Baseline ${baselineId} for operating system ${os}.`;

/** [unverified] */
export const groupNotRegistered = (group: string, baselineId: string) => `Patch Group ${group} is not registered with Patch Baseline ${baselineId}.`;

/** [unverified] */
export const unknownOrchestratorFilter = (key: string, valid: readonly string[]) => `Invalid filter key: ${key}. Valid keys are: ${valid.join(', ')}`;

/** [unverified] */
export const invalidOwnerValue = (value: string) => `Invalid filter value for OWNER: ${value}. Valid values are: AWS, Self, All`;

/** [unverified] */
export const invalidOperatingSystemValue = (value: string) => `Invalid filter value for OPERATING_SYSTEM: ${value}`;

/** [unverified] */
export const filterNeedsValues = (key: string) => `Filter ${key} must have at least one value.`;

/** [unverified] */
export const instancePatchStateFilter = (why: string) => `Invalid filter: ${why}`;

/** [unverified] */
export const unsupportedPropertyForOs = (property: string, os: OperatingSystem) => `Property ${property} is not supported for operating system ${os}.`;

/** [unverified] */
export const patchSetWindowsOnly = () => 'PatchSet is supported for the WINDOWS operating system only.';

/** [unverified] */
export const productFilterRequired = () => 'When specifying filters for Linux patches, a filter with the key PRODUCT must be specified.';

/** [unverified] */
export const effectivePatchesWindowsOnly = (os: OperatingSystem) =>
  `DescribeEffectivePatchesForPatchBaseline is supported for Windows patch baselines only; this baseline's operating system is ${os}.`;

/** [unverified] */
export const instanceNotFound = (id: string) => `Instance ${id} does not exist or is not a managed node.`;

/** [unverified] */
export const unsupportedPlatform = (id: string, platform: string) => `The operating system of managed node ${id} (${platform}) is not supported by Patch Manager in the emulator: no patch catalog serves it.`;

/** The API reference's description of UnsupportedFeatureRequiredException. */
export const applicationPatchingNeedsAdvancedTier = () =>
  'Patching for applications released by Microsoft is only available on EC2 instances and advanced instances. To patch applications released by Microsoft on on-premises servers and VMs, you must enable advanced instances.';

/** [unverified] */
export const replaceNeedsName = () => 'Name must be specified when Replace is true.';

// ─────────────────────────────────────── plugin output ───────────────────────────────────────

/** What a failed step says when the override file behind a URL was never registered (the emulator has no S3). */
export const overrideFileUnknown = (parameter: string, url: string) =>
  `Failed to download the ${parameter} file ${url}: the SSM emulator has no S3 or HTTPS access; register the file's content with ` +
  `PUT /_emulator/patching/files {"url": "${url}", "content": "..."} (docs/patching.md).`;

export const overrideFileInvalid = (parameter: string, url: string, why: string) => `The ${parameter} file ${url} is not valid: ${why}`;

export const noBaselineForTags = (tags: string) => `No patch baseline of this operating system has all the tags ${tags}.`;

export const snapshotUnknownOs = (id: string) => `Snapshot ${id} was taken for another operating system.`;

/** [unverified] */
export const clientTokenReused = () => 'Error, ClientToken already used with a different request.';
