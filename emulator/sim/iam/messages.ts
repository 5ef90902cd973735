/**
 * Error texts of resource-policy documents (PutResourcePolicy's MalformedResourcePolicyDocumentException).
 *   [unverified] our best guess at AWS's wording: the error code is right, the text may differ.
 */
/** [unverified] MalformedResourcePolicyDocumentException, with what is wrong. */
export const malformed = (detail: string) => `The specified policy document is malformed or invalid: ${detail}.`;
/** [unverified] an action the resource type does not support in a resource policy. */
export const unsupportedAction = (action: string, supported: readonly string[]) =>
  `The specified policy document is malformed or invalid: the action ${action} is not supported for this resource. Supported actions: ${supported.join(', ')}.`;
/** [unverified] a Resource element that does not name the resource the policy is attached to. */
export const foreignResource = (resource: string, arn: string) =>
  `The specified policy document is malformed or invalid: the Resource ${resource} does not match the resource ${arn}.`;
