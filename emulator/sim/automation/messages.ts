/**
 * Automation's texts: API errors, step and execution failure messages, and what the simulation says
 * where it cannot do what AWS would.
 *
 * Sources: "observed" texts were seen in AWS responses quoted in public material (the "Step fails
 * when it is ..." family, "No output available yet because the step is not successfully executed",
 * "Step X failed maximum allowed times."); "model" texts are the documentation strings of the error
 * shapes in AWS's service model; "docs" texts come from the user guide. Everything else is ours and
 * marked [unverified]: AWS documents the error codes of these rules, not their wording.
 */

// ───────────────────────────────────────── API errors ─────────────────────────────────────────

/** [unverified] (AutomationDefinitionNotFoundException; the model says "couldn't be found"). */
export const definitionNotFound = (name: string) => `Automation definition ${name} couldn't be found.`;
/** [unverified] (AutomationDefinitionVersionNotFoundException). */
export const definitionVersionNotFound = (name: string, version: string) => `Automation definition ${name} with version ${version} couldn't be found.`;
/** [unverified] (AutomationExecutionNotFoundException). */
export const executionNotFound = (id: string) => `Automation execution ${id} couldn't be found.`;
/** [unverified] (InvalidAutomationStatusUpdateException). */
export const alreadyTerminal = (id: string, status: string) => `Automation execution ${id} has already finished with status ${status}; it can't be stopped.`;
/** [unverified] (InvalidAutomationStatusUpdateException): Type Complete on an execution that is not waiting between steps. */
export const completeNotWaiting = (id: string, status: string) =>
  `Automation execution ${id} is ${status}. Type Complete applies to an Interactive execution that is waiting between steps.`;
/** [unverified] (InvalidAutomationSignalException). */
export const signalNotValid = (signal: string, id: string, status: string) => `The signal ${signal} isn't valid for automation execution ${id} in status ${status}.`;
/** [unverified] (InvalidAutomationSignalException). */
export const signalNeedsPayload = (signal: string, key: string) => `The ${signal} signal requires ${key} in its payload.`;
/** [unverified] (AutomationStepNotFoundException). */
export const stepNotFound = (what: string) => `The step ${what} doesn't exist in this automation execution.`;
/** [unverified] (InvalidAutomationExecutionParametersException). */
export const targetParameterNotDeclared = (name: string) => `Target parameter ${name} is not defined in the document.`;
/** [unverified] (InvalidAutomationExecutionParametersException). */
export const targetParameterNeedsTargets = () => 'TargetParameterName requires Targets or TargetMaps, and Targets requires TargetParameterName.';
/** [unverified] (InvalidAutomationExecutionParametersException). */
export const targetsAndTargetMaps = () => 'Targets and TargetMaps can\'t be specified together.';
/** [unverified] (InvalidAutomationExecutionParametersException). */
export const targetMapUndeclared = (name: string) => `TargetMaps key ${name} is not a parameter of the document.`;
/** [unverified] (InvalidAutomationExecutionParametersException): docs say 50 parameter values at most. */
export const tooManyParameterValues = (max: number) => `You can target at most ${max} parameter values.`;
/** [unverified] (InvalidTarget). */
export const noTargetsResolved = () => 'The targets did not resolve to any resource.';
/** [unverified] (InvalidAutomationExecutionParametersException): StartAutomationExecution takes up to 5 tags (model documentation). */
export const tooManyTags = () => 'You can specify a maximum of five tags for an automation.';
/** Model text of IdempotentParameterMismatch. */
export const idempotentMismatch = () =>
  "Error returned when an idempotent operation is retried and the parameters don't match the original call to the API with the same idempotency token.";
/** [unverified] (AutomationDefinitionNotApprovedException). */
export const templateNotApproved = (name: string, status: string) => `Change template ${name} is not approved (its review status is ${status}). Only an approved change template can be used in a change request.`;
/** [unverified] (InvalidAutomationExecutionParametersException). */
export const runbookNotAllowed = (runbook: string, template: string) => `Runbook ${runbook} is not one of the executable runbooks of change template ${template}.`;
/** [unverified] (InvalidAutomationExecutionParametersException). */
export const notAChangeTemplate = (name: string, type: string) => `Document ${name} is of type ${type}; a change request needs a document of type Automation.ChangeTemplate.`;
/** [unverified] (InvalidAutomationExecutionParametersException). */
export const autoApproveNotAllowed = (name: string) => `Change template ${name} is not auto-approvable, so AutoApprove can't be true.`;
/** [unverified] (ResourceNotFoundException, GetExecutionPreview). */
export const previewNotFound = (id: string) => `Execution preview ${id} was not found.`;
/** [unverified] (ValidationException, StartExecutionPreview). */
export const previewDocumentNotFound = (name: string) => `Document ${name} does not exist.`;

// ───────────────────────────────────────── GetCalendarState ─────────────────────────────────────────

/** [unverified] (UnsupportedCalendarException). */
export const unsupportedCalendar = (name: string, why: string) => `The calendar entry in document ${name} isn't supported: ${why}`;
/** [unverified] (ValidationException): AtTime that is not ISO 8601. */
export const invalidAtTime = (value: string) => `Invalid AtTime ${value}: specify an ISO 8601 date and time, such as 2020-07-30T11:05:14-0700.`;
/** [unverified] (ValidationException): no calendar names. */
export const noCalendarNames = () => 'CalendarNames must name at least one calendar.';

// ───────────────────────────────────────── step failures ─────────────────────────────────────────

/** Observed: "Step fails when it is <stage>. <error>. Please refer to Automation Service Troubleshooting Guide for more diagnosis details." */
export const stepFails = (stage: string, error: string) =>
  `Step fails when it is ${stage}. ${error.replace(/\.$/, '')}. Please refer to Automation Service Troubleshooting Guide for more diagnosis details.`;
/** Observed: "Step <name> failed maximum allowed times. <error>" (a step retried up to maxAttempts). */
export const failedMaxAttempts = (step: string, error: string) => `Step ${step} failed maximum allowed times. ${error}`;
/** [unverified]: the step's timeout passed. */
export const stepTimedOut = (step: string, seconds: number) => `Step timed out while step ${step} was running (timeoutSeconds ${seconds}).`;
/** Observed: the value of a document output whose step did not succeed. */
export const noOutputYet = () => 'No output available yet because the step is not successfully executed';
/** Observed form (aws:runCommand): "Command <id> returns unexpected invocation result: \n{Status=[Failed], ResponseCode=[1], Output=[...]}". */
export const commandUnexpectedResult = (commandId: string, status: string, code: number, output: string) =>
  `Command ${commandId} returns unexpected invocation result: \n{Status=[${status}], ResponseCode=[${code}], Output=[${output}]}`;
/** boto3's wording of an AWS error, which aws:executeAwsApi reports: "An error occurred (Code) when calling the Op operation: message". */
export const apiError = (code: string, operation: string, message: string) => `An error occurred (${code}) when calling the ${operation} operation: ${message}`;
/** [unverified]: aws:executeAwsApi with a service or API the emulator does not simulate. */
export const apiNotSimulated = (service: string, api: string) =>
  `The emulator does not simulate ${service}:${api}. aws:executeAwsApi reaches Service ssm and resource-groups (every operation the emulator implements) and ec2 DescribeInstances, DescribeInstanceStatus, DescribeImages, StopInstances, StartInstances, RebootInstances, TerminateInstances, CreateTags, DeleteTags and CreateImage.`;
/** [unverified]: an operation the emulator knows but has not built. */
export const apiUnknownOperation = (service: string, api: string) => `Unknown API ${api} for service ${service}.`;
/** [unverified]: aws:executeScript / aws:invokeLambdaFunction without a fixture behaviour. */
export const noBehavior = (action: string, document: string, step: string) =>
  `No code runs in the emulator: ${action} step ${step} of ${document} has no fixture behaviour. Give it one with POST /_emulator/automation/behaviors {"DocumentName": "${document}", "StepName": "${step}", "Payload": ...}.`;
/** [unverified]: a script behaviour that fails. */
export const scriptFailed = (error: string) => `${error}`;
/** [unverified]: Lambda function error (FunctionError). */
export const lambdaFunctionError = (fn: string, error: string, payload: string) => `Lambda function ${fn} returned an error (${error}): ${payload}`;
/** [unverified]: an input the action requires is missing or of the wrong type. */
export const badInput = (step: string, input: string, why: string) => `Invalid input ${input} for step ${step}: ${why}.`;
/** [unverified]: a {{ step.Output }} reference that has no value. */
export const unresolvedReference = (ref: string) => `The reference {{ ${ref} }} can't be resolved: the output doesn't exist, or the step that produces it has not run successfully.`;
/** [unverified]: aws:assertAwsResourceProperty. */
export const assertFailed = (selector: string, actual: string, desired: readonly string[]) =>
  `The property ${selector} has value ${actual}, which is not one of the desired values [${desired.join(', ')}].`;
/** [unverified]: aws:approve rejected. */
export const approvalRejected = (comment?: string) => `The step was rejected by an approver${comment ? `: ${comment}` : ''}.`;
/** [unverified]: aws:changeInstanceState on an instance EC2 does not know. */
export const instanceNotFound = (id: string) => `The instance ID '${id}' does not exist`;
/** [unverified]: a child automation that did not succeed. */
export const childFailed = (id: string, status: string) => `Automation execution ${id} ended with status ${status}.`;
/** [unverified]: a child automation that could not start. */
export const childStartFailed = (error: string) => `The secondary automation could not be started: ${error}`;
/** [unverified]: aws:createTags with a ResourceType that is not EC2 and more than one id. */
export const tagsOneResource = () => 'ResourceIds can contain only one item when ResourceType is not EC2.';
/** [unverified]: the change calendar integration of Automation refused a start. */
export const calendarClosed = (names: readonly string[]) => `The change calendar ${names.join(', ')} is CLOSED, so Automation can't run now.`;
/** [unverified]: actions the emulator does not simulate (aws:createStack, aws:runInstances, ...). */
export const actionNotSimulated = (action: string) =>
  `The emulator does not simulate ${action} (no CloudFormation, Step Functions, webhooks or EC2 launches here); the step fails instead of pretending.`;
/** [unverified]: the aws:loop limit. */
export const loopTooManyIterators = (max: number) => `An aws:loop step iterates over at most ${max} items.`;
/** [unverified]: cross-account and cross-Region child automations. */
export const targetLocationFailed = (account: string, region: string, why: string) => `The automation could not run in account ${account}, Region ${region}: ${why}`;
