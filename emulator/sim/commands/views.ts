/**
 * Commands, invocations and plugin results as the API returns them. AWS fills members that have no
 * value with empty strings and empty structures rather than leaving them out (Comment "",
 * OutputS3BucketName "", ServiceRole "", NotificationConfig {NotificationArn: "", NotificationEvents:
 * []}, CloudWatchOutputConfig {CloudWatchLogGroupName: "", CloudWatchOutputEnabled: false},
 * StandardOutputUrl "", TraceOutput ""), and GetCommandInvocation answers "" for the execution times
 * of a plugin that has not started and ResponseCode -1 until it has finished; the emulator does the same.
 */
import type {
  Command,
  CommandInvocation,
  CommandPlugin,
  GetCommandInvocationResult,
} from '../../generated/ssm/types.js';
import { isoDuration, isoInstant } from './output.js';
import type { CommandRecord, InvocationRecord, PluginRecord, StoredStep } from './state.js';
import { pluginDirOf } from './engine.js';

export function commandView(cmd: CommandRecord): Command {
  return {
    CommandId: cmd.CommandId,
    DocumentName: cmd.DocumentName,
    DocumentVersion: cmd.DocumentVersion,
    Comment: cmd.Comment,
    ExpiresAfter: cmd.ExpiresAfter,
    Parameters: cmd.Parameters,
    InstanceIds: cmd.InstanceIds,
    Targets: cmd.Targets,
    RequestedDateTime: cmd.RequestedDateTime,
    Status: cmd.Status,
    StatusDetails: cmd.StatusDetails,
    OutputS3Region: cmd.OutputS3Region,
    OutputS3BucketName: cmd.OutputS3BucketName,
    OutputS3KeyPrefix: cmd.OutputS3KeyPrefix,
    MaxConcurrency: cmd.MaxConcurrency,
    MaxErrors: cmd.MaxErrors,
    TargetCount: cmd.TargetCount,
    CompletedCount: cmd.CompletedCount,
    ErrorCount: cmd.ErrorCount,
    DeliveryTimedOutCount: cmd.DeliveryTimedOutCount,
    ServiceRole: cmd.ServiceRole,
    NotificationConfig: cmd.NotificationConfig,
    CloudWatchOutputConfig: cmd.CloudWatchOutputConfig,
    TimeoutSeconds: cmd.TimeoutSeconds,
    ...(cmd.AlarmConfiguration && { AlarmConfiguration: cmd.AlarmConfiguration }),
  };
}

/**
 * The S3 URL of a plugin's stdout or stderr when the command has an output bucket:
 * https://s3.<region>.amazonaws.com/<bucket>/<prefix>/<command id>/<instance id>/<plugin dir>/stdout
 */
function s3Url(cmd: CommandRecord, instanceId: string, step: StoredStep, stream: 'stdout' | 'stderr'): string {
  if (!cmd.OutputS3BucketName) return '';
  const prefix = cmd.OutputS3KeyPrefix ? `${cmd.OutputS3KeyPrefix.replace(/\/+$/, '')}/` : '';
  return `https://s3.${cmd.OutputS3Region}.amazonaws.com/${cmd.OutputS3BucketName}/${prefix}${cmd.CommandId}/${instanceId}/${pluginDirOf(step)}/${stream}`;
}

/**
 * A plugin of an invocation the agent never received: Pending while it is queued or waiting, else the
 * invocation's end (TimedOut / DeliveryTimedOut, Cancelled / Terminated, Failed / Undeliverable...).
 */
function notReceived(step: StoredStep, inv: InvocationRecord): PluginRecord {
  const ended = inv.Status !== 'Pending' && inv.Status !== 'InProgress' && inv.Status !== 'Delayed';
  const status = ended && inv.Status !== 'Cancelling' ? (inv.Status as PluginRecord['Status']) : 'Pending';
  return { Name: step.name, Status: status, StatusDetails: status === 'Pending' ? 'Pending' : inv.StatusDetails, ResponseCode: -1, Output: '', Stdout: '', Stderr: '' };
}

function pluginsOf(cmd: CommandRecord, inv: InvocationRecord): PluginRecord[] {
  return inv.Plugins ?? cmd.Engine.steps.map((s) => notReceived(s, inv));
}

function pluginView(cmd: CommandRecord, inv: InvocationRecord, p: PluginRecord, step: StoredStep): CommandPlugin {
  return {
    Name: p.Name,
    Status: p.Status,
    StatusDetails: p.StatusDetails,
    ResponseCode: p.ResponseCode,
    ...(p.ResponseStartDateTime !== undefined && { ResponseStartDateTime: p.ResponseStartDateTime }),
    ...(p.ResponseFinishDateTime !== undefined && { ResponseFinishDateTime: p.ResponseFinishDateTime }),
    Output: p.Output,
    StandardOutputUrl: s3Url(cmd, inv.InstanceId, step, 'stdout'),
    StandardErrorUrl: s3Url(cmd, inv.InstanceId, step, 'stderr'),
    OutputS3Region: cmd.OutputS3Region,
    OutputS3BucketName: cmd.OutputS3BucketName,
    OutputS3KeyPrefix: cmd.OutputS3KeyPrefix,
  };
}

export function invocationView(cmd: CommandRecord, inv: InvocationRecord, details: boolean): CommandInvocation {
  const steps = cmd.Engine.steps;
  // "StandardOutputUrl is populated if there is just one plugin defined for the command, and the S3
  // bucket was defined for the command."
  const single = steps.length === 1;
  return {
    CommandId: cmd.CommandId,
    InstanceId: inv.InstanceId,
    InstanceName: inv.InstanceName,
    Comment: cmd.Comment,
    DocumentName: cmd.DocumentName,
    DocumentVersion: cmd.DocumentVersion,
    RequestedDateTime: cmd.RequestedDateTime,
    Status: inv.Status,
    StatusDetails: inv.StatusDetails,
    TraceOutput: '',
    StandardOutputUrl: single ? s3Url(cmd, inv.InstanceId, steps[0], 'stdout') : '',
    StandardErrorUrl: single ? s3Url(cmd, inv.InstanceId, steps[0], 'stderr') : '',
    CommandPlugins: details ? pluginsOf(cmd, inv).map((p, k) => pluginView(cmd, inv, p, steps[k])) : [],
    ServiceRole: cmd.ServiceRole,
    NotificationConfig: cmd.NotificationConfig,
    CloudWatchOutputConfig: cmd.CloudWatchOutputConfig,
  };
}

/** GetCommandInvocation for one plugin (step index k), or for the invocation as a whole (k undefined). */
export function getInvocationView(cmd: CommandRecord, inv: InvocationRecord, k: number | undefined): GetCommandInvocationResult {
  const base = {
    CommandId: cmd.CommandId,
    InstanceId: inv.InstanceId,
    Comment: cmd.Comment,
    DocumentName: cmd.DocumentName,
    DocumentVersion: cmd.DocumentVersion,
  };
  if (k === undefined) {
    // A document of several steps asked without PluginName: the invocation's status, no output.
    const started = inv.StartedAt;
    const ended = inv.EndedAt !== undefined && started !== undefined ? inv.EndedAt : undefined;
    return {
      ...base,
      ResponseCode: -1,
      ExecutionStartDateTime: started !== undefined ? isoInstant(started) : '',
      ExecutionElapsedTime: started !== undefined ? isoDuration((ended ?? started) - started) : '',
      ExecutionEndDateTime: ended !== undefined ? isoInstant(ended) : '',
      Status: inv.Status,
      StatusDetails: inv.StatusDetails,
      StandardOutputContent: '',
      StandardOutputUrl: '',
      StandardErrorContent: '',
      StandardErrorUrl: '',
      CloudWatchOutputConfig: cmd.CloudWatchOutputConfig,
    };
  }
  const step = cmd.Engine.steps[k];
  const p = pluginsOf(cmd, inv)[k];
  const start = p.ResponseStartDateTime;
  const end = p.ResponseFinishDateTime;
  // The plugin's status; while the plugin has not finished but the invocation is being cancelled (or
  // has ended without it), the invocation's.
  const pluginDone = p.Status !== 'Pending' && p.Status !== 'InProgress';
  const fromInvocation = !pluginDone && inv.Status !== 'Pending' && inv.Status !== 'InProgress';
  const status = fromInvocation ? inv.Status : p.Status;
  const details = fromInvocation ? inv.StatusDetails : p.StatusDetails;
  return {
    ...base,
    PluginName: p.Name,
    ResponseCode: p.ResponseCode,
    ExecutionStartDateTime: start !== undefined ? isoInstant(start * 1000) : '',
    ExecutionElapsedTime: start !== undefined && end !== undefined ? isoDuration(Math.round((end - start) * 1000)) : '',
    ExecutionEndDateTime: end !== undefined ? isoInstant(end * 1000) : '',
    Status: status,
    StatusDetails: details,
    StandardOutputContent: p.Stdout,
    StandardOutputUrl: s3Url(cmd, inv.InstanceId, step, 'stdout'),
    StandardErrorContent: p.Stderr,
    StandardErrorUrl: s3Url(cmd, inv.InstanceId, step, 'stderr'),
    CloudWatchOutputConfig: cmd.CloudWatchOutputConfig,
  };
}
