import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import {
  DuplicateInstanceId,
  InvalidNotificationConfig,
  InvalidOutputFolder,
  InvalidParameters,
  InvalidRole,
  UnsupportedPlatformType,
} from '../../generated/ssm/errors.js';
import { resolveDocument, resolveParameters } from '../../sim/documents/index.js';
import { getInstance, resolveTargets } from '../../sim/fleet/index.js';
import { commandView, createCommand } from '../../sim/commands/index.js';
import * as messages from './messages.js';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;
const SNS_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}(\.fifo)?$/;
/** S3 bucket naming rules; a bucket that can't exist doesn't exist. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * SendCommand: validates everything (targets, document, parameters, roles, platforms) before anything
 * is stored, then creates the command (sim/commands/create.ts: one Pending invocation per node, run
 * by the engine on the virtual clock).
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
  const cmd = createCommand(ctx, {
    document: doc,
    parameters: params,
    nodes: resolution.instances,
    documentVersion: input.DocumentVersion,
    instanceIds: ids,
    targets,
    comment: input.Comment,
    timeoutSeconds: input.TimeoutSeconds,
    maxConcurrency: input.MaxConcurrency,
    maxErrors: input.MaxErrors,
    outputS3BucketName: input.OutputS3BucketName,
    outputS3KeyPrefix: input.OutputS3KeyPrefix,
    serviceRoleArn: input.ServiceRoleArn,
    notificationConfig: input.NotificationConfig,
    cloudWatchOutputConfig: input.CloudWatchOutputConfig,
    alarmConfiguration: input.AlarmConfiguration,
  });
  return { Command: commandView(cmd) };
});
