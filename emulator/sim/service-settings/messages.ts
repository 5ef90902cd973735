/**
 * Error texts of GetServiceSetting, UpdateServiceSetting and ResetServiceSetting, and of the checks
 * other capabilities make against a setting (the hybrid-node quota of the standard-instances tier,
 * blocked public sharing of documents).
 *   [doc]        AWS's documentation (API reference or user guide);
 *   [unverified] our best guess at AWS's wording: the error code is right, the text may differ.
 */

/** [doc] ServiceSettingNotFound's documentation, with the id. */
export const settingNotFound = (id: string) =>
  `The specified service setting wasn't found. Either the service name or the setting hasn't been provisioned by the AWS service team. Setting ID: ${id}`;

/** [unverified] ValidationException for a value the setting does not take (the API reference lists the values). */
export const badValue = (id: string, value: string, allowed: string) => `The value ${value} isn't valid for the service setting ${id}. ${allowed}`;

/** [doc] the user guide: reverting to the standard-instances tier needs 1,000 or fewer hybrid-activated nodes. */
export const tooManyHybridNodes = (count: number, max: number) =>
  `You can't revert to the standard-instances tier while ${count} hybrid-activated nodes are registered in this account and Region. Deregister nodes until ${max} or fewer remain, and try again.`;

/** [unverified] an update while an earlier change of the setting is still pending (TooManyUpdates). */
export const updatePending = (id: string) => `A change to the service setting ${id} is still being applied. Wait for it to finish, and try again.`;

/** [doc] registering more than 1,000 hybrid nodes requires the advanced-instances tier. */
export const standardTierFull = (max: number) =>
  `The standard-instances tier allows at most ${max} hybrid-activated nodes per account and Region. Change the service setting /ssm/managed-instance/activation-tier to advanced to register more.`;

/** [unverified] InvalidPermissionType: public sharing of documents is blocked by /ssm/documents/console/public-sharing-permission. */
export const publicSharingBlocked = () =>
  'Public sharing of documents is blocked in this account and Region (service setting /ssm/documents/console/public-sharing-permission is Disable).';
