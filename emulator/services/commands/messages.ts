/**
 * Error texts of the Run Command operations. "Observed" texts were seen in AWS responses (issue
 * threads quoting them); "model" texts are the documentation of the error shape in AWS's service
 * model; "unverified" texts are our wording where AWS's is not known.
 */

/** Unverified. */
export const noTargets = () => 'Either InstanceIds or Targets must be specified.';
/** Unverified (AWS rejects the two together). */
export const idsAndTargets = () => 'InstanceIds and Targets cannot be specified together. Specify one of them.';
/** Unverified. */
export const duplicateInstanceId = (id: string) => `Instance ID ${id} is specified more than once.`;
/** Observed: "Cannot perform operation for instance id i-01d5373d148f269d2 of platform type Windows". */
export const unsupportedPlatform = (id: string, platform: string) => `Cannot perform operation for instance id ${id} of platform type ${platform}`;
/** Unverified. */
export const invalidServiceRole = (arn: string) => `The service role ${arn} is not a valid IAM role ARN.`;
/** Unverified. */
export const invalidNotificationArn = (arn: string) => `The notification ARN ${arn} is not a valid Amazon SNS topic ARN.`;
/** Unverified (model: InvalidOutputFolder "The S3 bucket doesn't exist."). */
export const invalidBucket = (bucket: string) => `The S3 bucket ${bucket} doesn't exist.`;
/** AWS sends InvalidCommandId without a message (observed: "An error occurred (InvalidCommandId) ... operation: "). */
export const invalidCommandId = () => '';
/** AWS sends InvocationDoesNotExist without a message (observed, GetCommandInvocation). */
export const invocationDoesNotExist = () => '';
/** Unverified (InvalidPluginName has no message member in the model). */
export const invalidPluginName = () => '';
/** Unverified. */
export const instanceNotInCommand = (ids: readonly string[], commandId: string) => `Instances [[${ids.join(', ')}]] are not targets of command ${commandId}.`;
/** Model text of InvalidNextToken. */
export const invalidNextToken = () => "The specified token isn't valid.";
/** Unverified (the model documents that ExecutionStage is for ListCommands only). */
export const executionStageNotAllowed = () => 'The ExecutionStage filter can only be used with ListCommands.';
/** Unverified. */
export const invalidFilterValue = (key: string, value: string, allowed?: readonly string[]) =>
  `Invalid value ${value} for filter ${key}.` + (allowed ? ` Valid values: ${allowed.join(', ')}.` : '');
/** Unverified. */
export const invalidFilterTime = (key: string, value: string) =>
  `Invalid value ${value} for filter ${key}. Specify a timestamp such as 2024-07-07T00:00:00Z.`;
