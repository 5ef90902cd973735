import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { toEpochSeconds } from '../../core/context.js';
import {
  DuplicateInstanceId,
  InvalidNotificationConfig,
  InvalidOutputFolder,
  InvalidParameters,
  InvalidRole,
  UnsupportedPlatformType,
} from '../../generated/ssm/errors.js';
import { renderExecution, resolveDocument, resolveParameters } from '../../sim/documents/index.js';
import { getInstance, resolveTargets } from '../../sim/fleet/index.js';
import { addCommand, commandsOf, toStoredStep, type CommandRecord, type StoredStep } from '../../sim/commands/state.js';
import { startCommand } from '../../sim/commands/engine.js';
import { commandView } from '../../sim/commands/views.js';
import { executionTimeoutSeconds } from '../../sim/commands/steps.js';
import { resolveConcurrency, resolveMaxErrors } from '../../sim/commands/rate.js';
import { DEFAULT_DELIVERY_TIMEOUT_SECONDS, DEFAULT_MAX_CONCURRENCY, DEFAULT_MAX_ERRORS } from '../../sim/commands/timing.js';
import * as messages from './messages.js';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;
const SNS_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}(\.fifo)?$/;
/** S3 bucket naming rules; a bucket that can't exist doesn't exist. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * SendCommand: validates everything (targets, document, parameters, roles, platforms) before anything
 * is stored, then records the command with one Pending invocation per node and hands it to the engine
 * (sim/commands/engine.ts), which runs it on the virtual clock.
 */
export default defineOperation('SendCommand', (input, ctx) => {
  const ids = input.InstanceIds ?? [];
  const targets = input.Targets ?? [];
  assert(ids.length || targets.length, () => new InvalidParameters(messages.noTargets()));
  assert(!(ids.length && targets.length), () => new InvalidParameters(messages.idsAndTargets()));
  const named = [...ids, ...targets.filter((t) => t.Key?.toLowerCase() === 'instanceids').flatMap((t) => t.Values ?? [])];
  const seen = new Set<string>();
  for (const id of named) {
    assert(!seen.has(id), () => new DuplicateInstanceId(messages.duplicateInstanceId(id)));
    seen.add(id);
  }

  const doc = resolveDocument(
    ctx,
    { name: input.DocumentName, version: input.DocumentVersion, hash: input.DocumentHash, hashType: input.DocumentHashType },
    { types: ['Command'] },
  );
  const params = resolveParameters(doc, input.Parameters ?? {}, { style: 'command' });

  if (input.ServiceRoleArn !== undefined) assert(ROLE_ARN.test(input.ServiceRoleArn), () => new InvalidRole(messages.invalidServiceRole(input.ServiceRoleArn!)));
  const arn = input.NotificationConfig?.NotificationArn;
  if (arn) assert(SNS_ARN.test(arn), () => new InvalidNotificationConfig(messages.invalidNotificationArn(arn)));
  if (input.OutputS3BucketName !== undefined) {
    assert(BUCKET.test(input.OutputS3BucketName) && !input.OutputS3BucketName.includes('..'), () => new InvalidOutputFolder(messages.invalidBucket(input.OutputS3BucketName!)));
  }

  const resolution = resolveTargets(
    ctx,
    { InstanceIds: ids, Targets: targets },
    { profile: 'run-command', invalidTarget: (m) => new InvalidParameters(m), maxInstanceIds: 50 },
  );
  // Nodes named explicitly must be of a platform the document supports (nodes found by tag that are
  // not end Failed / InvalidPlatform when the engine gets to them).
  for (const id of named) {
    const node = getInstance(ctx, id)!;
    assert(doc.platformTypes.includes(node.PlatformType), () => new UnsupportedPlatformType(messages.unsupportedPlatform(id, node.PlatformType)));
  }
  // {{ssm:...}} references resolve now, when the command is sent.
  const execution = renderExecution(ctx, doc, params);

  const steps: StoredStep[] = execution.steps.map(toStoredStep);
  const executionTimeout = Math.max(0, ...steps.map(executionTimeoutSeconds));
  const timeoutSeconds = input.TimeoutSeconds ?? DEFAULT_DELIVERY_TIMEOUT_SECONDS;
  const n = resolution.instances.length;
  const maxConcurrency = input.MaxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  const maxErrors = input.MaxErrors ?? DEFAULT_MAX_ERRORS;
  const now = toEpochSeconds(ctx.now);
  const slice = commandsOf(ctx);
  const cw = input.CloudWatchOutputConfig;
  const cmd: CommandRecord = {
    Seq: ++slice.seq,
    CommandId: ctx.emu.ids.uuid(),
    DocumentName: doc.name,
    DocumentVersion: input.DocumentVersion ?? '$DEFAULT',
    Comment: input.Comment ?? '',
    ExpiresAfter: now + timeoutSeconds + executionTimeout,
    Parameters: params.supplied,
    InstanceIds: [...ids],
    Targets: targets.map((t) => ({ ...t })),
    RequestedDateTime: now,
    Status: 'Pending',
    StatusDetails: 'Pending',
    // OutputS3Region is deprecated and ignored: the bucket's region is taken to be this one.
    OutputS3Region: ctx.region,
    OutputS3BucketName: input.OutputS3BucketName ?? '',
    OutputS3KeyPrefix: input.OutputS3KeyPrefix ?? '',
    MaxConcurrency: maxConcurrency,
    MaxErrors: maxErrors,
    TargetCount: n,
    CompletedCount: 0,
    ErrorCount: 0,
    DeliveryTimedOutCount: 0,
    ServiceRole: input.ServiceRoleArn ?? '',
    NotificationConfig: {
      NotificationArn: arn ?? '',
      NotificationEvents: [...(input.NotificationConfig?.NotificationEvents ?? [])],
      ...(input.NotificationConfig?.NotificationType && { NotificationType: input.NotificationConfig.NotificationType }),
    },
    CloudWatchOutputConfig: { CloudWatchLogGroupName: cw?.CloudWatchLogGroupName ?? '', CloudWatchOutputEnabled: cw?.CloudWatchOutputEnabled ?? false },
    TimeoutSeconds: timeoutSeconds,
    ...(input.AlarmConfiguration && { AlarmConfiguration: structuredClone(input.AlarmConfiguration) }),
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
    Invocations: resolution.instances.map((node) => ({ InstanceId: node.InstanceId, InstanceName: node.ComputerName, Status: 'Pending', StatusDetails: 'Pending' })),
  };
  addCommand(ctx, cmd);
  startCommand(ctx, cmd);
  return { Command: commandView(cmd) };
});
