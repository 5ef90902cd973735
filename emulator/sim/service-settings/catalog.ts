/**
 * The service settings AWS provisions in every account and Region, their default values and the
 * values UpdateServiceSetting accepts. The ids and value lists are the API reference's
 * (UpdateServiceSetting, SettingValue); defaults come from AWS's documented outputs where there is
 * one (the CLI examples of get-service-setting: activation-tier "standard", high-throughput-enabled
 * "false"; the user guide: the standard parameter tier, public sharing allowed until blocked, the
 * default log group /aws/ssm/automation/executeScript) and are marked unverified otherwise.
 *
 * Values are matched without regard to case (AWS's own examples spell "Enable" and "true") and
 * stored in the spelling listed here, so readers compare one spelling.
 */

export const SETTING_IDS = [
  '/ssm/appmanager/appmanager-enabled',
  '/ssm/automation/customer-script-log-destination',
  '/ssm/automation/customer-script-log-group-name',
  '/ssm/automation/enable-adaptive-concurrency',
  '/ssm/documents/console/public-sharing-permission',
  '/ssm/managed-instance/activation-tier',
  '/ssm/managed-instance/default-ec2-instance-management-role',
  '/ssm/opsinsights/opscenter',
  '/ssm/parameter-store/default-parameter-tier',
  '/ssm/parameter-store/high-throughput-enabled',
] as const;

export type SettingId = (typeof SETTING_IDS)[number];

export interface SettingSpec {
  readonly defaultValue: string;
  /** The values the setting takes, in their stored spelling; absent: `pattern` decides. */
  readonly values?: readonly string[];
  /** For free-form settings (a log group name, a role name): what a valid value looks like. */
  readonly pattern?: RegExp;
  /** The API reference's description of the values, for the error message. */
  readonly describe: string;
}

// Names of CloudWatch Logs log groups (CloudWatch Logs API: 1-512 of [.-_/#A-Za-z0-9]).
const LOG_GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/;
// An IAM role name with an optional path (service-role/...), IAM's characters.
const ROLE_NAME = /^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

export const SETTINGS: Readonly<Record<SettingId, SettingSpec>> = {
  // Default unverified.
  '/ssm/appmanager/appmanager-enabled': { defaultValue: 'False', values: ['True', 'False'], describe: 'Enter True or False.' },
  // Default unverified: nothing is sent to CloudWatch Logs until the setting is CloudWatch.
  '/ssm/automation/customer-script-log-destination': { defaultValue: 'None', values: ['CloudWatch'], describe: 'Enter CloudWatch.' },
  '/ssm/automation/customer-script-log-group-name': {
    defaultValue: '/aws/ssm/automation/executeScript',
    pattern: LOG_GROUP,
    describe: 'Enter the name of an Amazon CloudWatch Logs log group.',
  },
  // Default unverified.
  '/ssm/automation/enable-adaptive-concurrency': { defaultValue: 'false', values: ['true', 'false'], describe: 'Enter true or false.' },
  '/ssm/documents/console/public-sharing-permission': { defaultValue: 'Enable', values: ['Enable', 'Disable'], describe: 'Enter Enable or Disable.' },
  '/ssm/managed-instance/activation-tier': { defaultValue: 'standard', values: ['standard', 'advanced'], describe: 'Enter standard or advanced.' },
  // Default unverified: "$None" while Default Host Management Configuration is off.
  '/ssm/managed-instance/default-ec2-instance-management-role': {
    defaultValue: '$None',
    pattern: ROLE_NAME,
    describe: 'Enter the name of an IAM role.',
  },
  // Default unverified.
  '/ssm/opsinsights/opscenter': { defaultValue: 'Disabled', values: ['Enabled', 'Disabled'], describe: 'Enter Enabled or Disabled.' },
  '/ssm/parameter-store/default-parameter-tier': {
    defaultValue: 'Standard',
    values: ['Standard', 'Advanced', 'Intelligent-Tiering'],
    describe: 'Enter Standard, Advanced, or Intelligent-Tiering.',
  },
  '/ssm/parameter-store/high-throughput-enabled': { defaultValue: 'false', values: ['true', 'false'], describe: 'Enter true or false.' },
};

export const isSettingId = (id: string): id is SettingId => Object.hasOwn(SETTINGS, id);

/** The value as stored (the listed spelling), or undefined when the setting does not take it. */
export function canonicalValue(id: SettingId, value: string): string | undefined {
  const spec = SETTINGS[id];
  if (spec.values) return spec.values.find((v) => v.toLowerCase() === value.toLowerCase());
  return spec.pattern!.test(value) ? value : undefined;
}

/**
 * When AWS provisioned a setting: the LastModifiedDate of a setting nobody changed. AWS reports the
 * instant its service team set the default; the emulator reports this fixed instant for every
 * default so that reads are stable (2019-04-17T20:26:58.578Z, the date of AWS's own CLI example).
 */
export const PROVISIONED_AT = 1555532818.578;

/** "System" is who AWS names as the last modifier of a default setting (get-service-setting examples). */
export const SYSTEM_USER = 'System';

/**
 * Reverting the activation tier from advanced to standard "can take 30 minutes or more" (user guide,
 * Reverting from the advanced-instances tier); the emulator applies it after exactly 30 minutes,
 * showing Status PendingUpdate until then.
 */
export const TIER_REVERT_SECONDS = 30 * 60;

/** The standard-instances tier's quota of hybrid-activated nodes per account and Region (user guide). */
export const STANDARD_TIER_MAX_HYBRID_NODES = 1000;
