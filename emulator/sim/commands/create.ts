/**
 * createCommand(): the one way a Run Command command comes to exist. SendCommand uses it after its
 * request checks; a maintenance-window RUN_COMMAND task and Automation's aws:runCommand use it too, so
 * their commands are real commands (ListCommands, GetCommandInvocation, CancelCommand, events) that
 * run on the same engine.
 *
 * The caller has already resolved the document and its parameters (sim/documents: resolveDocument,
 * resolveParameters) and the nodes (sim/fleet: resolveTargets); createCommand renders the execution
 * ({{ssm:...}} resolved now, as AWS does when a command is sent), stores the record with one Pending
 * invocation per node and hands it to the engine, which dispatches it at the same instant.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import type { AlarmConfiguration, CloudWatchOutputConfig, NotificationConfig, Target } from '../../generated/ssm/types.js';
import { renderExecution, type ResolvedDocument, type ResolvedParameters } from '../documents/index.js';
import type { FleetInstance } from '../fleet/instance.js';
import { enforceHistoryCap, startCommand } from './engine.js';
import { resolveConcurrency, resolveMaxErrors } from './rate.js';
import { addCommand, commandsOf, toStoredStep, type CommandOrigin, type CommandRecord, type StoredStep } from './state.js';
import { executionTimeoutSeconds } from './steps.js';
import { DEFAULT_DELIVERY_TIMEOUT_SECONDS, DEFAULT_MAX_CONCURRENCY, DEFAULT_MAX_ERRORS } from './timing.js';

export interface CommandSpec {
  document: ResolvedDocument;
  parameters: ResolvedParameters;
  /** The nodes, in the order their invocations are sent. */
  nodes: readonly FleetInstance[];
  /** As requested (recorded on the command): $DEFAULT when absent. */
  documentVersion?: string;
  instanceIds?: readonly string[];
  targets?: readonly Target[];
  comment?: string;
  /** Delivery timeout in seconds (default 3600). */
  timeoutSeconds?: number;
  maxConcurrency?: string;
  maxErrors?: string;
  outputS3BucketName?: string;
  outputS3KeyPrefix?: string;
  serviceRoleArn?: string;
  notificationConfig?: NotificationConfig;
  cloudWatchOutputConfig?: CloudWatchOutputConfig;
  alarmConfiguration?: AlarmConfiguration;
  /** Set by capabilities other than SendCommand (see engine.ts commandWatchers). */
  origin?: CommandOrigin;
}

export function createCommand(ctx: Ctx, spec: CommandSpec): CommandRecord {
  const doc = spec.document;
  const execution = renderExecution(ctx, doc, spec.parameters);
  const steps: StoredStep[] = execution.steps.map(toStoredStep);
  const executionTimeout = Math.max(0, ...steps.map(executionTimeoutSeconds));
  const timeoutSeconds = spec.timeoutSeconds ?? DEFAULT_DELIVERY_TIMEOUT_SECONDS;
  const n = spec.nodes.length;
  const maxConcurrency = spec.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  const maxErrors = spec.maxErrors ?? DEFAULT_MAX_ERRORS;
  const now = toEpochSeconds(ctx.now);
  const slice = commandsOf(ctx);
  const cw = spec.cloudWatchOutputConfig;
  const nc = spec.notificationConfig;
  const cmd: CommandRecord = {
    Seq: ++slice.seq,
    CommandId: ctx.emu.ids.uuid(),
    DocumentName: doc.name,
    DocumentVersion: spec.documentVersion ?? '$DEFAULT',
    Comment: spec.comment ?? '',
    ExpiresAfter: now + timeoutSeconds + executionTimeout,
    Parameters: spec.parameters.supplied,
    InstanceIds: [...(spec.instanceIds ?? [])],
    Targets: (spec.targets ?? []).map((t) => ({ ...t })),
    RequestedDateTime: now,
    Status: 'Pending',
    StatusDetails: 'Pending',
    // OutputS3Region is deprecated and ignored: the bucket's region is taken to be this one.
    OutputS3Region: ctx.region,
    OutputS3BucketName: spec.outputS3BucketName ?? '',
    OutputS3KeyPrefix: spec.outputS3KeyPrefix ?? '',
    MaxConcurrency: maxConcurrency,
    MaxErrors: maxErrors,
    TargetCount: n,
    CompletedCount: 0,
    ErrorCount: 0,
    DeliveryTimedOutCount: 0,
    ServiceRole: spec.serviceRoleArn ?? '',
    NotificationConfig: {
      NotificationArn: nc?.NotificationArn ?? '',
      NotificationEvents: [...(nc?.NotificationEvents ?? [])],
      ...(nc?.NotificationType && { NotificationType: nc.NotificationType }),
    },
    CloudWatchOutputConfig: { CloudWatchLogGroupName: cw?.CloudWatchLogGroupName ?? '', CloudWatchOutputEnabled: cw?.CloudWatchOutputEnabled ?? false },
    TimeoutSeconds: timeoutSeconds,
    ...(spec.alarmConfiguration && { AlarmConfiguration: structuredClone(spec.alarmConfiguration) }),
    ...(spec.origin && { Origin: { ...spec.origin } }),
    Engine: {
      documentVersion: doc.documentVersion,
      schemaVersion: doc.schemaVersion ?? '2.2',
      platformTypes: [...doc.platformTypes],
      steps,
      executionTimeout,
      concurrency: resolveConcurrency(maxConcurrency, n),
      maxErrors: resolveMaxErrors(maxErrors, n),
      next: 0,
      inFlight: 0,
      counts: { success: 0, failed: 0, executionTimedOut: 0, deliveryTimedOut: 0, cancelled: 0, terminated: 0, undeliverable: 0, invalidPlatform: 0 },
    },
    Invocations: spec.nodes.map((node) => ({ InstanceId: node.InstanceId, InstanceName: node.ComputerName, Status: 'Pending', StatusDetails: 'Pending' })),
  };
  addCommand(ctx, cmd);
  startCommand(ctx, cmd);
  enforceHistoryCap(ctx);
  return cmd;
}
