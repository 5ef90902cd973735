/**
 * Texts of the targeting resolver's errors. The error CLASS is chosen by the calling operation
 * (InvalidTarget for State Manager and Automation, InvalidParameters or InvalidInstanceId for Run
 * Command, ...); these are the messages.
 */

/** Observed wording of Run Command's InvalidInstanceId (SendCommand to an unknown or stopped node). */
export const instancesNotValid = (ids: readonly string[], account: string) => `Instances [[${ids.join(', ')}]] not in a valid state for account ${account}`;

// The rest is our own wording (unverified): AWS's texts for these cases are not documented.
export const keyRequired = () => 'Target Key must be specified.';
export const valuesRequired = (key: string) => `Target ${key} must have at least one value.`;
export const unsupportedKey = (key: string, allowed: readonly string[]) =>
  `Target key ${key} is not supported here. Supported keys: ${allowed.join(', ')}.`;
export const wildcardNotAlone = (key: string) => `The wildcard * must be the only value of target ${key}.`;
export const wildcardNotAllowed = (key: string) => `Target ${key} does not accept the wildcard * here.`;
export const emptyTagKey = () => 'A tag target needs a tag key after tag: (Key=tag:<key>).';
export const oneResourceGroup = () => 'You can specify a maximum of one resource group name per request.';
export const resourceGroupNotFound = (name: string) => `Resource group ${name} does not exist.`;
export const typeFiltersNeedGroup = () => 'Target resource-groups:ResourceTypeFilters requires a resource-groups:Name target.';
export const tooManyInstanceIds = (max: number) => `At most ${max} instance IDs can be specified.`;
export const tooManyTargets = (max: number) => `At most ${max} targets can be specified.`;
export const tooManyValues = (key: string, max: number) => `Target ${key} can have at most ${max} values.`;
