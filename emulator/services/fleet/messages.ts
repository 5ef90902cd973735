/**
 * Error texts of the fleet operations. Where the wording comes from is noted on each line:
 * "observed" = wording AWS returns, seen in public bug reports (cited); "docs" = the API reference's
 * description of the error; "unverified" = our own wording where AWS's is not published.
 */

// DescribeInstanceInformation / DescribeInstanceProperties filters
/** Observed (boto/boto3#3027). */
export const oneValueOnly = (key: string) => `${key} filter may contain only one value.`;
/** Observed for ResourceType (aws/aws-sdk#130); the same pattern is assumed for the other enum keys. */
export const invalidFilterValue = (key: string, valid: readonly string[]) => `${key} filter is invalid, valid values are ${valid.join(', ')}`;
/** Observed (danmx/sigil#61): tag filters mixed with other filters. */
export const cannotMixTagFilters = () => 'Cannot mix tag or inventory filter with any other filter.';
export const bothFilterForms = (legacy: string, current: string) => `${legacy} and ${current} cannot be used in the same request.`; // unverified
export const invalidFilterKey = (key: string) => `The filter key ${key} is not valid.`; // unverified
export const emptyTagKeyFilter = () => 'A tag filter needs a tag key after tag: (Key=tag:<key>).'; // unverified
export const invalidInstanceIdFilter = (ids: readonly string[]) => `Invalid instance IDs: [${ids.join(', ')}].`; // unverified
export const invalidActivationIdFilter = (ids: readonly string[]) => `Invalid activation IDs: [${ids.join(', ')}].`; // unverified
export const operatorNotSupported = (op: string, key: string) => `Operator ${op} is not supported for the filter key ${key}.`; // unverified
export const invalidNextToken = () => 'The specified token is not valid.'; // unverified

// ListNodes / ListNodesSummary
export const syncNotFound = (name: string) => `Resource data sync ${name} was not found.`; // unverified
export const invalidNodeFilterValue = (key: string, value: string, valid: readonly string[]) =>
  `The value ${value} is not valid for the filter ${key}. Valid values: ${valid.join(', ')}.`; // unverified
export const nestedAggregatorTooDeep = () => 'Aggregators can be nested only one level deep.'; // unverified
export const repeatedAggregatorAttribute = (name: string) => `The attribute ${name} is aggregated more than once in the same chain.`; // unverified

// Activations
export const expirationInPast = () => 'ExpirationDate must be in the future.'; // unverified
export const expirationTooLate = (days: number) => `ExpirationDate can be at most ${days} days from now.`; // docs: "up to 30 days in advance"
export const serviceLinkedRole = (role: string) => `${role} is a service-linked role; an activation needs a role you create.`; // docs: "You can't specify an IAM service-linked role"
export const activationNotFound = (id: string) => `Activation ID ${id} does not exist.`; // unverified
export const activationFilterKeyRequired = () => 'FilterKey must be specified for each filter.'; // unverified
export const activationFilterValuesRequired = (key: string) => `Filter ${key} must have at least one value.`; // unverified

// Managed instances
export const instanceNotFound = (id: string) => `Instance ID ${id} is not valid or does not exist.`; // unverified
