/**
 * AWS Secrets Manager's error texts. Sources: AWS's API reference and messages users quote from AWS
 * (CLI output in issues and forums); wording not confirmed is marked [unverified].
 */

/** [observed] "Secrets Manager can't find the specified secret." (GetSecretValue, DescribeSecret, DeleteSecret...). */
export const secretNotFound = () => "Secrets Manager can't find the specified secret.";

/** [observed] "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT". */
export const stageNotFound = (stage: string) => `Secrets Manager can't find the specified secret value for staging label: ${stage}`;

/** [observed] "Secrets Manager can't find the specified secret value for VersionId: <id>". */
export const versionNotFound = (versionId: string) => `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`;

/** [unverified] GetSecretValue with a VersionId and a VersionStage that does not label it. */
export const versionStageMismatch = () => 'You provided a VersionStage that is not associated to the provided VersionId.';

/** [observed] "The operation failed because the secret <name> already exists." (CreateSecret). */
export const secretExists = (name: string) => `The operation failed because the secret ${name} already exists.`;

/** [observed] CreateSecret of a name whose secret awaits deletion. */
export const scheduledForDeletionCreate = () => "You can't create this secret because a secret with this name is already scheduled for deletion.";

/** [observed] "You can't perform this operation on the secret because it was marked for deletion." */
export const markedForDeletion = () => "You can't perform this operation on the secret because it was marked for deletion.";

/** [observed] DeleteSecret with both options. */
export const forceAndWindow = () => "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.";

/** [observed] "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive)." */
export const recoveryWindowRange = () => 'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).';

/** [unverified] a request with both SecretString and SecretBinary. */
export const stringAndBinary = () => "You can't specify both a binary secret value and a string secret value in the same secret.";

/** [unverified] PutSecretValue without a value. */
export const valueRequired = () => 'You must provide either SecretString or SecretBinary.';

/** [unverified] a ClientRequestToken reused with a different value (AWS documents the rule, not its text). */
export const versionExists = () => "You can't modify an existing version, you can only create a new version.";

/** [unverified] a secret name outside AWS's characters (letters, numbers and /_+=.@-). */
export const invalidName = () => 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!';

/** [unverified] staging labels: a version holds at most 20. */
export const tooManyStages = () => 'The secret version can have at most 20 staging labels.';

/** [unverified] ListSecrets' NextToken that is not one of ours. */
export const invalidNextToken = () => 'The NextToken value is invalid.';
