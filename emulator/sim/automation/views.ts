/**
 * The wire views of executions: AutomationExecution (GetAutomationExecution), AutomationExecutionMetadata
 * (DescribeAutomationExecutions) and StepExecution (both, and DescribeAutomationStepExecutions).
 * Records already use the wire's member names; views leave out the engine's bookkeeping and members
 * that are empty (AWS leaves them out too; the model's maps have a minimum of one entry).
 */
import type { AutomationExecution, AutomationExecutionMetadata, StepExecution } from '../../generated/ssm/types.js';
import type { ExecutionRecord, StepRecord } from './state.js';

/** GetAutomationExecution lists at most this many step executions (the rest: DescribeAutomationStepExecutions) [unverified]. */
export const MAX_STEPS_IN_EXECUTION = 100;

const nonEmpty = <T extends object>(o: T | undefined): T | undefined => (o && Object.keys(o).length ? o : undefined);

export function stepView(r: StepRecord): StepExecution {
  const { Inputs, Outputs, OverriddenParameters, ...rest } = r;
  return {
    ...rest,
    ...(Inputs && { Inputs: { ...Inputs } }),
    ...(nonEmpty(Outputs) && { Outputs: structuredClone(Outputs) }),
    ...(nonEmpty(OverriddenParameters) && { OverriddenParameters: structuredClone(OverriddenParameters) }),
  } as StepExecution;
}

function common(ex: ExecutionRecord) {
  return {
    AutomationExecutionId: ex.AutomationExecutionId,
    DocumentName: ex.DocumentName,
    DocumentVersion: ex.DocumentVersion,
    AutomationExecutionStatus: ex.AutomationExecutionStatus,
    ExecutionStartTime: ex.ExecutionStartTime,
    ...(ex.ExecutionEndTime !== undefined && { ExecutionEndTime: ex.ExecutionEndTime }),
    ExecutedBy: ex.ExecutedBy,
    ...(nonEmpty(ex.Outputs) && { Outputs: structuredClone(ex.Outputs) }),
    Mode: ex.Mode,
    ...(ex.ParentAutomationExecutionId !== undefined && { ParentAutomationExecutionId: ex.ParentAutomationExecutionId }),
    ...(ex.CurrentStepName !== undefined && { CurrentStepName: ex.CurrentStepName }),
    ...(ex.CurrentAction !== undefined && { CurrentAction: ex.CurrentAction }),
    ...(ex.FailureMessage !== undefined && { FailureMessage: ex.FailureMessage }),
    ...(ex.TargetParameterName !== undefined && { TargetParameterName: ex.TargetParameterName }),
    Targets: structuredClone(ex.Targets ?? []),
    ...(ex.TargetMaps && { TargetMaps: structuredClone(ex.TargetMaps) }),
    ResolvedTargets: structuredClone(ex.ResolvedTargets ?? { ParameterValues: [], Truncated: false }),
    ...(ex.MaxConcurrency !== undefined && { MaxConcurrency: ex.MaxConcurrency }),
    ...(ex.MaxErrors !== undefined && { MaxErrors: ex.MaxErrors }),
    ...(ex.Target !== undefined && { Target: ex.Target }),
    ...(ex.AlarmConfiguration && { AlarmConfiguration: structuredClone(ex.AlarmConfiguration) }),
    ...(ex.TargetLocationsURL !== undefined && { TargetLocationsURL: ex.TargetLocationsURL }),
    ...(ex.AutomationSubtype !== undefined && { AutomationSubtype: ex.AutomationSubtype }),
    ...(ex.ScheduledTime !== undefined && { ScheduledTime: ex.ScheduledTime }),
    ...(ex.Runbooks && { Runbooks: structuredClone(ex.Runbooks) }),
    ...(ex.OpsItemId !== undefined && { OpsItemId: ex.OpsItemId }),
    ...(ex.AssociationId !== undefined && { AssociationId: ex.AssociationId }),
    ...(ex.ChangeRequestName !== undefined && { ChangeRequestName: ex.ChangeRequestName }),
  };
}

/** "An aggregate of step execution statuses ... for a multi-Region and multi-account Automation execution." */
function progressCounters(steps: readonly StepRecord[]) {
  const count = (status: string) => steps.filter((s) => s.StepStatus === status).length;
  return { TotalSteps: steps.length, SuccessSteps: count('Success'), FailedSteps: count('Failed'), CancelledSteps: count('Cancelled'), TimedOutSteps: count('TimedOut') };
}

export function executionView(ex: ExecutionRecord): AutomationExecution {
  const steps = ex.StepExecutions;
  return {
    ...common(ex),
    StepExecutions: steps.slice(0, MAX_STEPS_IN_EXECUTION).map(stepView),
    StepExecutionsTruncated: steps.length > MAX_STEPS_IN_EXECUTION,
    ...(nonEmpty(ex.Parameters) && { Parameters: structuredClone(ex.Parameters) }),
    ...(ex.TargetLocations && { TargetLocations: structuredClone(ex.TargetLocations) }),
    ...(ex.AutomationType === 'CrossAccount' && { ProgressCounters: progressCounters(steps) }),
    ...(nonEmpty(ex.Variables) && { Variables: structuredClone(ex.Variables) }),
  } as AutomationExecution;
}

export function metadataView(ex: ExecutionRecord): AutomationExecutionMetadata {
  return { ...common(ex), LogFile: '', AutomationType: ex.AutomationType } as AutomationExecutionMetadata;
}
