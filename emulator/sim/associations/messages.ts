/**
 * State Manager's error texts. Where the wording comes from:
 *   [seen]       AWS's answer as users quote it (GitHub issues of the AWS CLI and the Terraform
 *                provider; the source is named on the message);
 *   [doc]        a sentence of the API reference or user guide, turned into the message;
 *   [unverified] our wording: no AWS answer for the case was found (searched the API reference,
 *                the user guide, GitHub issues), so the text may differ from AWS's. The error CODE
 *                is always one the operation lists in the model.
 */

/** [seen] hashicorp/terraform-provider-aws#10261: "InvalidTarget: Instance ID or targets must be specified". */
export const noTargets = () => 'Instance ID or targets must be specified';

/** [unverified] InstanceId and Targets in one request. */
export const idAndTargets = () => 'Instance ID and targets cannot be specified together. Use Targets; InstanceId is deprecated.';

/** [doc] CreateAssociation InstanceId: "if you use the parameter InstanceId, you can't use the parameters AssociationName, DocumentVersion, MaxErrors, MaxConcurrency, OutputLocation, or ScheduleExpression". */
export const legacyParameter = (name: string) =>
  `${name} can't be used with the InstanceId parameter. To use ${name}, specify the managed node with the Targets parameter.`;

/** [seen] aws/aws-cli#6878: "Document schema version, 0.3, is not supported by association that is created with instance id". */
export const legacySchema = (schemaVersion: string) => `Document schema version, ${schemaVersion}, is not supported by association that is created with instance id`;

/** [unverified] AssociationAlreadyExists has no message member in the model; AWS's text is not published. */
export const alreadyExists = (name: string, instanceId: string) => `An association between document ${name} and managed node ${instanceId} already exists.`;

/** [doc] AssociationLimitExceeded: "You can have at most 2,000 active associations." */
export const associationLimit = (max: number) => `You can have at most ${max.toLocaleString('en-US')} active associations.`;

/** [doc] AssociationVersionLimitExceeded: "Each association has a limit of 1,000 versions." */
export const versionLimit = (max: number) => `You have reached the maximum number versions allowed for an association. Each association has a limit of ${max.toLocaleString('en-US')} versions.`;

/** [unverified] an id (or a Name + InstanceId pair) that names no association. */
export const doesNotExist = () => 'The specified association does not exist.';

/** [unverified] DescribeAssociation / DeleteAssociation with neither an AssociationId nor Name + InstanceId. */
export const needsIdentifier = () => 'Specify an AssociationId, or both Name and InstanceId (associations created with InstanceId only).';

/** [doc] InvalidAssociationVersion's documentation, with the version named [unverified]. */
export const invalidVersion = (version: string) =>
  `The association version ${version} isn't valid. Use ListAssociationVersions to view all versions of an association according to the association ID. Or, use the $LATEST parameter to view the latest version of the association.`;

/** [doc] UpdateAssociation AssociationVersion: "You must specify the latest association version in the service." */
export const notLatestVersion = (given: string, latest: string) =>
  `Association version ${given} is not the latest version (${latest}). Specify the latest association version, $LATEST, or omit AssociationVersion.`;

/** [unverified] UpdateAssociation giving Targets to an association created with InstanceId. */
export const legacyUpdate = () => 'The targets of an association created with the InstanceId parameter cannot be changed. Create a new association with Targets.';

/** [doc] ApplyOnlyAtCronInterval: "This parameter isn't supported for rate expressions." */
export const applyOnlyAtCronWithRate = () => 'ApplyOnlyAtCronInterval is not supported for rate expressions.';

/** [unverified] ApplyOnlyAtCronInterval or ScheduleOffset without a ScheduleExpression. */
export const needsSchedule = (member: string) => `${member} requires a ScheduleExpression.`;

/** [doc] ScheduleOffset: "To use offsets, you must specify the ApplyOnlyAtCronInterval parameter." */
export const offsetNeedsApplyOnlyAtCron = () => 'To use ScheduleOffset, you must specify the ApplyOnlyAtCronInterval parameter.';

/** [doc] TargetMaps: "Both Targets and TargetMaps can't be specified together." */
export const targetsAndTargetMaps = () => "Both Targets and TargetMaps can't be specified together.";

/** [unverified] TargetMaps on a document that is not an Automation runbook. */
export const targetMapsNeedAutomation = () => 'TargetMaps can only be used with Automation runbooks.';

/** [unverified] TargetLocations on a document that is not an Automation runbook. */
export const targetLocationsNeedAutomation = () => 'TargetLocations can only be used with associations that run Automation runbooks.';

/** [unverified] AutomationTargetParameterName on a Command document. */
export const automationTargetNeedsAutomation = () => 'AutomationTargetParameterName can only be used with Automation runbooks.';

/** [doc] AutomationTargetParameterName: "This target is required for associations that use an Automation runbook and target resources by using rate controls." */
export const automationTargetRequired = () =>
  'AutomationTargetParameterName is required for associations that use an Automation runbook and target resources by using rate controls.';

/** [unverified] AutomationTargetParameterName naming a parameter the runbook does not declare. */
export const automationTargetUnknown = (name: string, doc: string) => `AutomationTargetParameterName ${name} is not a parameter of document ${doc}.`;

/** [unverified] CalendarNames while no change-calendar capability is loaded (the emulator cannot honour the gate). */
export const calendarsUnavailable = () =>
  'Change Calendar is not available in this emulator instance (no capability area provides calendar state), so CalendarNames cannot be honoured here.';

/** [unverified] an S3 bucket name that cannot exist. */
export const invalidBucket = (bucket: string) => `The S3 bucket ${bucket} does not exist or is not a valid bucket name.`;

/** [doc] StatusUnchanged: "The updated status is the same as the current status." */
export const statusUnchanged = () => 'The updated status is the same as the current status.';

/** [unverified] UpdateAssociationStatus on an association created with Targets (the API reference: "only used for associations created with the InstanceId legacy parameter"). */
export const noLegacyAssociation = (name: string, instanceId: string) => `No association of document ${name} was created for managed node ${instanceId} with the InstanceId parameter.`;

/** [doc] AssociationExecutionDoesNotExist: "The specified execution ID doesn't exist. Verify the ID number and try again." */
export const executionDoesNotExist = (id: string) => `The specified execution ID ${id} doesn't exist. Verify the ID number and try again.`;

/** [unverified] a filter value that is not a date (CreatedTime, LastExecutedBefore/After). */
export const invalidDate = (key: string, value: string) => `The value ${value} of filter ${key} is not a valid date. Use an ISO-8601 timestamp such as 2025-01-01T00:00:00Z.`;

/** [unverified] a filter operator the key does not support (DescribeAssociationExecutions: ExecutionId and Status are EQUAL only). */
export const invalidFilterType = (key: string, type: string) => `Filter ${key} does not support the ${type} operator.`;

/** [unverified] a NextToken the operation did not issue (SSM's usual wording elsewhere). */
export const invalidNextToken = () => 'The specified token is not valid.';

/** [unverified] UnsupportedPlatformType for a legacy association's node. */
export const unsupportedPlatform = (doc: string, platform: string, instanceId: string) =>
  `The document ${doc} does not support the platform ${platform} of managed node ${instanceId}.`;

/** [doc] DeleteDocument AssociatedInstances: "You must disassociate a document from all managed nodes before you can delete it." */
export const documentInUse = () => 'You must disassociate a document from all managed nodes before you can delete it.';

// ── what executions and nodes report (not errors) ──

/** The agent's summary of a run: amazon-ssm-agent association/processor outputMessageTemplate. */
export const executionSummary = (completed: number, total: number, success: number, failed: number, timedOut: number, skipped: number, failures: string) =>
  `${completed} out of ${total} plugin${total > 1 ? 's' : ''} processed, ${success} success, ${failed} failed, ${timedOut} timedout, ${skipped} skipped. ${failures}`;

/** One failed plugin in the summary (amazon-ssm-agent buildOutput). */
export const failedPlugin = (plugin: string, stderr: string) => `\nThe operation ${plugin} failed because ${stderr}.`;

/** The legacy association status at creation: the AWS CLI's create-association example ("Associated with AWS-UpdateSSMAgent"). */
export const associatedWith = (name: string) => `Associated with ${name}`;
