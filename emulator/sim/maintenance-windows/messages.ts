/**
 * The texts of Maintenance Windows' errors and status details.
 *
 * Where the wording comes from:
 *   [observed]   seen in an AWS answer quoted in a public issue (the issue is named);
 *   [doc]        the sentence is AWS's (API reference, user guide or a CLI example's output);
 *   [unverified] our wording: no AWS answer for the case was found, so the text may differ.
 * Schedule expression texts are time/scheduleMessages.ts's (this area wraps them in ValidationException).
 */

// ─────────────────────────────────────────── not found ───────────────────────────────────────────

/** [observed] "Maintenance window mw-xxxxxxxx does not exist" (aws-samples/aws-security-reference-architecture-examples#288). */
export const windowNotFound = (id: string) => `Maintenance window ${id} does not exist`;
/** [unverified] modelled on the window's text. */
export const targetNotFound = (windowId: string, id: string) => `Maintenance window target ${id} does not exist in maintenance window ${windowId}`;
/** [unverified] */
export const taskNotFound = (windowId: string, id: string) => `Maintenance window task ${id} does not exist in maintenance window ${windowId}`;
/** [unverified] */
export const executionNotFound = (id: string) => `Maintenance window execution ${id} does not exist`;
/** [unverified] */
export const taskExecutionNotFound = (executionId: string, id: string) => `Maintenance window task execution ${id} does not exist in execution ${executionId}`;
/** [unverified] */
export const invocationNotFound = (taskId: string, id: string) => `Maintenance window task invocation ${id} does not exist in task execution ${taskId}`;

// ─────────────────────────────────────────── windows ───────────────────────────────────────────

/**
 * [observed] "Cuttoff was 12 but must be smaller than 5 (Duration - 1 )" (awsdocs/aws-cloudformation-user-guide#891),
 * AWS's spelling kept. The check is Cutoff < Duration.
 */
export const cutoffTooLarge = (cutoff: number, duration: number) => `Cuttoff was ${cutoff} but must be smaller than ${duration - 1} (Duration - 1 )`;
/** [unverified] a StartDate/EndDate that is not an ISO-8601 date-time; the example is the user guide's. */
export const invalidDate = (member: 'StartDate' | 'EndDate', value: string) =>
  `${member} ${value} is not a valid ISO-8601 date-time. Specify a date and time such as 2021-04-07T14:29:00-08:00.`;
/** [unverified] */
export const datesOutOfOrder = (start: string, end: string) => `EndDate ${end} must be later than StartDate ${start}.`;
/** [unverified] UpdateMaintenanceWindow with Replace but without a member CreateMaintenanceWindow requires. */
export const replaceNeeds = (members: readonly string[]) =>
  `When Replace is true, all fields required by the create request must be specified. Missing: ${members.join(', ')}.`;
/** [unverified] the quota "Maintenance windows: 50" (Systems Manager service quotas). */
export const tooManyWindows = (max: number) => `You have reached the maximum number of maintenance windows (${max}) for this account and Region.`;

// ─────────────────────────────────────────── targets ───────────────────────────────────────────

/** [unverified] the quota "Targets per maintenance window: 100". */
export const tooManyTargets = (windowId: string, max: number) => `Maintenance window ${windowId} already has the maximum number of targets (${max}).`;
/** [unverified] the target forms of each ResourceType (RegisterTargetWithMaintenanceWindow's Targets documentation). */
export const instanceTargetKey = (key: string) =>
  `Target key ${key} is not supported for resource type INSTANCE. Specify InstanceIds, tag:<key> or tag-key.`;
/** [unverified] */
export const resourceGroupTargetKey = (key: string) =>
  `Target key ${key} is not supported for resource type RESOURCE_GROUP. Specify resource-groups:Name and, optionally, resource-groups:ResourceTypeFilters.`;
/** [unverified] */
export const resourceGroupNameRequired = () => 'A RESOURCE_GROUP target requires the key resource-groups:Name.';
/** [unverified] DeregisterTargetFromMaintenanceWindow with Safe while a task still uses the target. */
export const targetInUse = (targetId: string, taskIds: readonly string[]) =>
  `Maintenance window target ${targetId} is referenced by task(s) ${taskIds.join(', ')}. Deregister or update those tasks first, or deregister without Safe.`;

// ──────────────────────────────────────────── tasks ────────────────────────────────────────────

/** [unverified] the quota "Tasks per maintenance window: 20". */
export const tooManyTasks = (windowId: string, max: number) => `Maintenance window ${windowId} already has the maximum number of tasks (${max}).`;
/**
 * [observed] "target-ks-scan-patch is an invalid window task target type, use WindowTargetIds or
 * InstanceIds. For Run Command tasks, you must specify at least one resource as the target of the
 * task. You can specify between 1 and 50 instance IDs, or between 1 and 10 maintenance window target
 * IDs" (terraform-linters/tflint-ruleset-aws#524).
 */
export const invalidTaskTargetKey = (key: string) => `${key} is an invalid window task target type, use WindowTargetIds or InstanceIds. ${runCommandNeedsTargets()}`;
/** [observed] the second half of the text above. */
export const runCommandNeedsTargets = () =>
  'For Run Command tasks, you must specify at least one resource as the target of the task. You can specify between 1 and 50 instance IDs, or between 1 and 10 maintenance window target IDs';
/** [observed] "The maximum number of window targets is 10" (hashicorp/terraform-provider-aws#18372). */
export const tooManyWindowTargetIds = (max: number) => `The maximum number of window targets is ${max}`;
/** [unverified] */
export const oneTaskTarget = () => 'Specify the targets of a task with one target: either WindowTargetIds or InstanceIds.';
/** [unverified] */
export const unassociatedNotAllowed = (windowId: string) =>
  `Maintenance window ${windowId} does not allow unassociated targets. Register the instances as targets of the window and use WindowTargetIds, or enable AllowUnassociatedTargets.`;
/**
 * [observed] "Maintenance window tasks without targets do not support MaxErrors values. Maintenance
 * window tasks without targets do not support MaxConcurrency values." (hashicorp/terraform-provider-aws#19396)
 */
export const targetlessRateControls = (maxErrors: boolean, maxConcurrency: boolean) =>
  [
    maxErrors && 'Maintenance window tasks without targets do not support MaxErrors values.',
    maxConcurrency && 'Maintenance window tasks without targets do not support MaxConcurrency values.',
  ]
    .filter(Boolean)
    .join(' ');
/** [unverified] the API reference: "a value can be omitted only when you are registering or updating a targetless task". */
export const rateControlsRequired = (missing: readonly string[]) =>
  `${missing.join(' and ')} must be specified for maintenance window tasks that have targets.`;
/** [unverified] the API reference: "Populate only the fields that match the task type." */
export const invocationParametersMismatch = (taskType: string, given: readonly string[]) =>
  `TaskInvocationParameters for a ${taskType} task can only contain ${PARAMETER_MEMBER[taskType]}; found ${given.join(', ')}.`;
const PARAMETER_MEMBER: Record<string, string> = { RUN_COMMAND: 'RunCommand', AUTOMATION: 'Automation', LAMBDA: 'Lambda', STEP_FUNCTIONS: 'StepFunctions' };

// ─────────────────────────────────────────── listing ───────────────────────────────────────────

/** [unverified] */
export const invalidFilterKey = (key: string, allowed: readonly string[]) => `The filter key ${key} is not supported. Supported filter keys: ${allowed.join(', ')}.`;
/** [unverified] */
export const invalidFilterValue = (key: string, value: string, allowed?: readonly string[]) =>
  `Invalid value ${value} for filter ${key}.${allowed ? ` Valid values: ${allowed.join(', ')}.` : ''}`;
/** [unverified] these operations declare no InvalidNextToken, so a token they did not issue is a validation error. */
export const invalidNextToken = () => 'The specified NextToken is not valid.';
/** [unverified] */
export const targetsNeedResourceType = () => 'ResourceType must be specified together with Targets.';

// ─────────────────────────────────────── status details ───────────────────────────────────────

/** [doc] an execution of a window without tasks (user guide, "View information about tasks and task executions"). */
export const noTasks = () => 'No tasks to execute.';
/** [doc] a FAILED execution (describe-maintenance-window-executions examples). */
export const tasksFailed = () => 'One or more tasks in the orchestration failed.';
/** [unverified] */
export const cutoffReached = (notStarted: number) =>
  `The maintenance window reached its cutoff time before ${notStarted} task(s) could start.`;
/** [unverified] a task whose targets resolve to no node. */
export const noTargetsResolved = () => 'No targets were found for the task when it started.';
/** [unverified] an invocation of a CANCEL_TASK task the cutoff stopped ("The status for tasks that are not completed is TIMED_OUT"). */
export const stoppedAtCutoff = () => 'The maintenance window cutoff time was reached; the task was stopped (CutoffBehavior CANCEL_TASK).';
/** [unverified] a named instance that is not a managed node of the account and Region. */
export const notManagedNode = (id: string) => `Instance ${id} is not a managed node in this account and Region.`;
/** [unverified] emulator honesty: what LAMBDA / STEP_FUNCTIONS invocations say about themselves. */
export const simulated = (service: 'AWS Lambda' | 'AWS Step Functions', status: string, source: 'default' | 'set') =>
  `Simulated: the emulator does not run ${service}; this invocation ended ${status} as ${source === 'default' ? 'it does by default' : 'set through /_emulator/maintenance-windows/outcomes'}.`;

/** [unverified] the same ClientToken with a different request (IdempotentParameterMismatch). */
export const idempotentMismatch = () => 'The ClientToken has already been used with a different request.';
