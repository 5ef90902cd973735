/**
 * Error texts of PutResourcePolicy, GetResourcePolicies and DeleteResourcePolicy.
 *   [doc]        from the AWS API reference (the exception's documentation);
 *   [unverified] our best guess at AWS's wording: the error code is right, the text may differ.
 */

/** [unverified] ResourcePolicyInvalidParameterException for an ARN that names no resource type that takes policies. */
export const unsupportedResource = (arn: string) =>
  `The resource ${arn} doesn't support resource policies. Resource policies can be attached to Parameter Store parameters and to the OpsItemGroup.`;

/** [doc] PutResourcePolicy: "To share a parameter, it must be in the advanced parameter tier." */
export const parameterNotAdvanced = (name: string) =>
  `The parameter ${name} uses the standard-parameter tier. To share a parameter, it must be in the advanced-parameter tier.`;

/** [doc] PutResourcePolicy: a SecureString must be encrypted with a customer managed key to be shared. */
export const awsManagedKey = (name: string) =>
  `The SecureString parameter ${name} is encrypted with an AWS managed key, which can't be shared. Update the parameter to use a customer managed key, and try again.`;

/** [unverified] ResourceNotFoundException. */
export const resourceNotFound = (arn: string) => `The resource ${arn} wasn't found.`;

/** [unverified] ResourcePolicyNotFoundException. */
export const policyNotFound = (policyId: string) => `No policy with the ID ${policyId} is attached to the resource.`;

/** [unverified] ResourcePolicyConflictException (optimistic concurrency on PolicyHash). */
export const conflict = () =>
  'The PolicyHash doesn\'t match the current version of the policy: it was changed by another request, or no PolicyHash was given. Get the current PolicyHash with GetResourcePolicies, and try again.';

/** [doc] "A policy can't be greater than 1024 bytes in size." */
export const tooLarge = (size: number) => `The policy is ${size} bytes; a resource policy can't be greater than 1024 bytes.`;

/** [doc] "only one policy can be attached to OpsItemGroup." */
export const oneOpsItemGroupPolicy = () => 'Only one policy can be attached to the OpsItemGroup. Update the existing policy instead.';

/** [unverified] a NextToken that this operation did not issue. */
export const invalidToken = () => 'The NextToken is not valid.';
