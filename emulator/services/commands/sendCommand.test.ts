import { describe, expect, it } from 'vitest';
import {
  CreateDocumentCommand,
  ModifyDocumentPermissionCommand,
  PutParameterCommand,
  SendCommandCommand,
  DescribeDocumentCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { addNode, addNodes, commandDocument, expectError, iid, invocation, invocationsOf } from './testkit.js';

const t = useEmulator();

const shell = (commands: string[]) => ({ DocumentName: 'AWS-RunShellScript', Parameters: { commands } });

describe('SendCommand', () => {
  it('answers the command as AWS does: Pending, defaults filled, empty members as empty strings', async () => {
    await addNodes(t, 1);
    const out = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], ...shell(['echo hi']) }));
    const c = out.Command!;
    expect(c.CommandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(c).toMatchObject({
      DocumentName: 'AWS-RunShellScript',
      DocumentVersion: '$DEFAULT',
      Comment: '',
      Parameters: { commands: ['echo hi'] },
      InstanceIds: [iid(1)],
      Targets: [],
      Status: 'Pending',
      StatusDetails: 'Pending',
      OutputS3Region: 'us-east-1',
      OutputS3BucketName: '',
      OutputS3KeyPrefix: '',
      MaxConcurrency: '50',
      MaxErrors: '0',
      TargetCount: 1,
      CompletedCount: 0,
      ErrorCount: 0,
      DeliveryTimedOutCount: 0,
      ServiceRole: '',
      NotificationConfig: { NotificationArn: '', NotificationEvents: [] },
      CloudWatchOutputConfig: { CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false },
      TimeoutSeconds: 3600,
    });
    expect(c.RequestedDateTime!.getTime() / 1000).toBe(TEST_START_SECONDS);
    // Total timeout: the delivery timeout (3600) plus the document's executionTimeout (3600 by default).
    expect(c.ExpiresAfter!.getTime() / 1000).toBe(TEST_START_SECONDS + 7200);
  });

  it('records and returns every optional member: comment, version, output bucket, CloudWatch, notifications, role, alarms, rate controls', async () => {
    await addNodes(t, 2);
    const out = await t.ssm.send(
      new SendCommandCommand({
        InstanceIds: [iid(1), iid(2)],
        ...shell(['echo hi']),
        DocumentVersion: '1',
        Comment: 'restart the app',
        TimeoutSeconds: 600,
        OutputS3BucketName: 'my-output-bucket',
        OutputS3KeyPrefix: 'runs',
        OutputS3Region: 'eu-west-1',
        CloudWatchOutputConfig: { CloudWatchOutputEnabled: true, CloudWatchLogGroupName: '/ssm/runs' },
        NotificationConfig: { NotificationArn: 'arn:aws:sns:us-east-1:000000000000:ops', NotificationEvents: ['Failed', 'TimedOut'], NotificationType: 'Invocation' },
        ServiceRoleArn: 'arn:aws:iam::000000000000:role/SnsPublisher',
        AlarmConfiguration: { Alarms: [{ Name: 'cpu-high' }], IgnorePollAlarmFailure: true },
        MaxConcurrency: '50%',
        MaxErrors: '1',
      }),
    );
    expect(out.Command).toMatchObject({
      DocumentVersion: '1',
      Comment: 'restart the app',
      TimeoutSeconds: 600,
      OutputS3BucketName: 'my-output-bucket',
      OutputS3KeyPrefix: 'runs',
      // OutputS3Region is deprecated: AWS ignores it and determines the bucket's region itself.
      OutputS3Region: 'us-east-1',
      CloudWatchOutputConfig: { CloudWatchOutputEnabled: true, CloudWatchLogGroupName: '/ssm/runs' },
      NotificationConfig: { NotificationArn: 'arn:aws:sns:us-east-1:000000000000:ops', NotificationEvents: ['Failed', 'TimedOut'], NotificationType: 'Invocation' },
      ServiceRole: 'arn:aws:iam::000000000000:role/SnsPublisher',
      AlarmConfiguration: { Alarms: [{ Name: 'cpu-high' }], IgnorePollAlarmFailure: true },
      MaxConcurrency: '50%',
      MaxErrors: '1',
      TargetCount: 2,
    });
    expect(out.Command!.ExpiresAfter!.getTime() / 1000).toBe(TEST_START_SECONDS + 600 + 3600);
    const [inv] = await invocationsOf(t.ssm, out.Command!.CommandId!);
    expect(inv).toMatchObject({ ServiceRole: 'arn:aws:iam::000000000000:role/SnsPublisher', Comment: 'restart the app', DocumentVersion: '1' });
  });

  it('targets nodes by tag, tag-key and InstanceIds target, in instance id order', async () => {
    await addNodes(t, 4, (k) => ({ Tags: k <= 3 ? { Env: k === 3 ? 'dev' : 'prod' } : { Team: 'x' } }));
    const byTag = await t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'tag:Env', Values: ['prod'] }], ...shell(['true']) }));
    expect(byTag.Command).toMatchObject({ TargetCount: 2, InstanceIds: [], Targets: [{ Key: 'tag:Env', Values: ['prod'] }] });
    expect((await invocationsOf(t.ssm, byTag.Command!.CommandId!)).map((i) => i.InstanceId)).toEqual([iid(1), iid(2)]);
    const byKey = await t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'tag-key', Values: ['Team', 'Env'] }], ...shell(['true']) }));
    expect(byKey.Command!.TargetCount).toBe(4);
    const byIds = await t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'InstanceIds', Values: [iid(4), iid(2)] }], ...shell(['true']) }));
    expect((await invocationsOf(t.ssm, byIds.Command!.CommandId!)).map((i) => i.InstanceId)).toEqual([iid(2), iid(4)]);
  });

  it('a tag that matches no node: TargetCount 0, then Success / NoInstancesInTag', async () => {
    await addNodes(t, 1, () => ({ Tags: { Env: 'prod' } }));
    const out = await t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'tag:Env', Values: ['nowhere'] }], ...shell(['true']) }));
    expect(out.Command).toMatchObject({ TargetCount: 0, Status: 'Pending', StatusDetails: 'Pending' });
    await t.advance(1);
    const list = await invocationsOf(t.ssm, out.Command!.CommandId!);
    expect(list).toEqual([]);
    const { ListCommandsCommand } = await import('@aws-sdk/client-ssm');
    const c = (await t.ssm.send(new ListCommandsCommand({ CommandId: out.Command!.CommandId }))).Commands![0];
    expect(c).toMatchObject({ Status: 'Success', StatusDetails: 'NoInstancesInTag', CompletedCount: 0 });
  });

  it('runs a custom document by name and by ARN, and a document shared by another account by its ARN only', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await addNode(t.http, { InstanceId: iid(2), account: '111122223333' });
    await t.ssm.send(new CreateDocumentCommand({ Name: 'Hello', DocumentType: 'Command', Content: commandDocument([{ action: 'aws:runShellScript', name: 'hello', inputs: { runCommand: ['echo from-owner'] } }]) }));
    await t.advance(1);
    const byName = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'Hello' }));
    expect(byName.Command!.DocumentName).toBe('Hello');
    const byArn = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'arn:aws:ssm:us-east-1:000000000000:document/Hello' }));
    expect(byArn.Command!.DocumentName).toBe('Hello');

    const other = t.client({ account: '111122223333' });
    await expectError(other.send(new SendCommandCommand({ InstanceIds: [iid(2)], DocumentName: 'arn:aws:ssm:us-east-1:000000000000:document/Hello' })), 'InvalidDocument');
    await t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'Hello', PermissionType: 'Share', AccountIdsToAdd: ['111122223333'] }));
    const shared = await other.send(new SendCommandCommand({ InstanceIds: [iid(2)], DocumentName: 'arn:aws:ssm:us-east-1:000000000000:document/Hello' }));
    await t.advance(2);
    const r = await invocation(other, shared.Command!.CommandId!, iid(2));
    expect(r).toMatchObject({ Status: 'Success', StandardOutputContent: 'from-owner\n', PluginName: 'hello' });
    await expectError(other.send(new SendCommandCommand({ InstanceIds: [iid(2)], DocumentName: 'Hello' })), 'InvalidDocument', 'Document with name Hello does not exist.');
  });

  it('refuses a document that is still being created, and runs it once it is Active', async () => {
    await addNodes(t, 1);
    await t.ssm.send(new CreateDocumentCommand({ Name: 'Fresh', DocumentType: 'Command', Content: commandDocument([{ action: 'aws:runShellScript', name: 's', inputs: { runCommand: ['true'] } }]) }));
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'Fresh' })), 'InvalidDocument', /not active/);
    await t.advance(1);
    expect((await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'Fresh' }))).Command!.Status).toBe('Pending');
  });

  it('checks DocumentVersion and DocumentHash', async () => {
    await addNodes(t, 1);
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], ...shell(['true']), DocumentVersion: '7' })), 'InvalidDocumentVersion');
    const { Document } = await t.ssm.send(new DescribeDocumentCommand({ Name: 'AWS-RunShellScript' }));
    await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], ...shell(['true']), DocumentHash: Document!.Hash, DocumentHashType: 'Sha256' }));
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], ...shell(['true']), DocumentHash: 'f'.repeat(64) })), 'InvalidDocument', /hash/);
  });

  it('refuses documents Run Command cannot run (Automation, Session) and unknown documents with InvalidDocument', async () => {
    await addNodes(t, 1);
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-StopEC2Instance' })), 'InvalidDocument', /type Automation/);
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-StartSSHSession' })), 'InvalidDocument', /type Session/);
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'NoSuchDoc' })), 'InvalidDocument', 'Document with name NoSuchDoc does not exist.');
  });

  it('validates parameters with the shared resolution module (InvalidParameters)', async () => {
    await addNodes(t, 1);
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-RunShellScript' })), 'InvalidParameters', /commands/);
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], ...shell(['true']), Parameters: { commands: ['true'], nope: ['x'] } })), 'InvalidParameters', 'document AWS-RunShellScript does not support parameters.');
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], Parameters: { commands: ['true'], executionTimeout: ['999999'] }, DocumentName: 'AWS-RunShellScript' })), 'InvalidParameters', /executionTimeout/);
  });

  it("answers a document parameter's catastrophic allowedPattern at once (a linear-time engine, not RegExp)", async () => {
    await addNodes(t, 1);
    const step = { action: 'aws:runShellScript', name: 'run', inputs: { runCommand: ['echo {{ word }}'] } };
    await t.ssm.send(new CreateDocumentCommand({ Name: 'redos-doc', DocumentType: 'Command', Content: commandDocument([step], { word: { type: 'String', allowedPattern: '(a+)+$' } }) }));
    await t.advance(1); // the version settles from Creating to Active
    // (a+)+$ against 40 a's and a "!" needs 2^40 steps of a backtracking engine: a regression hangs here.
    const bad = 'a'.repeat(40) + '!';
    await expectError(
      t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'redos-doc', Parameters: { word: [bad] } })),
      'InvalidParameters',
      `Parameter "word" has value "${bad}" that does not match the allowed pattern (a+)+$.`,
    );
    const ok = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'redos-doc', Parameters: { word: ['a'.repeat(40)] } }));
    expect(ok.Command!.Status).toBe('Pending');
  });

  it('refuses a document whose parameter allowedPattern only a backtracking engine could run', async () => {
    const step = { action: 'aws:runShellScript', name: 'run', inputs: { runCommand: ['echo {{ word }}'] } };
    for (const allowedPattern of ['(?=a)a', '(a)\\1', 'a*+']) {
      await expectError(
        t.ssm.send(new CreateDocumentCommand({ Name: 'lookahead-doc', Content: commandDocument([step], { word: { type: 'String', allowedPattern } }) })),
        'InvalidDocumentContent',
        /allowedPattern is not a valid regular expression/,
      );
    }
  });

  it('resolves {{ssm:...}} parameter references when the command is sent', async () => {
    await addNodes(t, 1);
    await t.ssm.send(new PutParameterCommand({ Name: '/app/greeting', Value: 'hello from parameter store', Type: 'String' }));
    const out = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], ...shell(['echo "{{ssm:/app/greeting}}"']) }));
    // The command shows the parameters as sent; the node runs the resolved value.
    expect(out.Command!.Parameters).toEqual({ commands: ['echo "{{ssm:/app/greeting}}"'] });
    await t.advance(2);
    expect((await invocation(t.ssm, out.Command!.CommandId!, iid(1))).StandardOutputContent).toBe('hello from parameter store\n');
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], ...shell(['echo {{ssm:/missing}}']) })), 'InvalidParameters', /missing/);
  });

  it('needs InstanceIds or Targets, not both, and no duplicate ids', async () => {
    await addNodes(t, 2, () => ({ Tags: { Env: 'prod' } }));
    await expectError(t.ssm.send(new SendCommandCommand({ ...shell(['true']) })), 'InvalidParameters', 'Either InstanceIds or Targets must be specified.');
    await expectError(
      t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], Targets: [{ Key: 'tag:Env', Values: ['prod'] }], ...shell(['true']) })),
      'InvalidParameters',
      /cannot be specified together/,
    );
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1), iid(1)], ...shell(['true']) })), 'DuplicateInstanceId', /specified more than once/);
  });

  it('answers InvalidInstanceId for nodes that are not managed nodes of the account and Region', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await addNode(t.http, { InstanceId: iid(2), InstanceState: 'stopped' });
    await addNode(t.http, { InstanceId: iid(3), region: 'eu-west-1' });
    for (const id of [iid(2), iid(3), iid(9)]) {
      await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1), id], ...shell(['true']) })), 'InvalidInstanceId', `Instances [[${id}]] not in a valid state for account 000000000000`);
    }
  });

  it('answers InvalidParameters for targets Run Command does not accept', async () => {
    await addNodes(t, 1);
    await expectError(t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'InstanceIds', Values: ['*'] }], ...shell(['true']) })), 'InvalidParameters', /wildcard/);
    await expectError(t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'ResourceGroup', Values: ['g'] }], ...shell(['true']) })), 'InvalidParameters', /not supported/);
    await expectError(t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'resource-groups:Name', Values: ['nope'] }], ...shell(['true']) })), 'InvalidParameters', /does not exist/);
  });

  it('answers UnsupportedPlatformType for a node named explicitly whose platform the document does not support', async () => {
    await addNode(t.http, { InstanceId: iid(1), Platform: 'windows-2022' });
    await expectError(
      t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], ...shell(['dir']) })),
      'UnsupportedPlatformType',
      `Cannot perform operation for instance id ${iid(1)} of platform type Windows`,
    );
  });

  it('checks the service role, notification topic and output bucket formats', async () => {
    await addNodes(t, 1);
    const base = { InstanceIds: [iid(1)], ...shell(['true']) };
    await expectError(t.ssm.send(new SendCommandCommand({ ...base, ServiceRoleArn: 'not-a-role' })), 'InvalidRole', /not a valid IAM role/);
    await expectError(t.ssm.send(new SendCommandCommand({ ...base, NotificationConfig: { NotificationArn: 'arn:aws:sqs:us-east-1:000000000000:q' } })), 'InvalidNotificationConfig', /SNS topic/);
    await expectError(t.ssm.send(new SendCommandCommand({ ...base, OutputS3BucketName: 'Bad_Bucket' })), 'InvalidOutputFolder', /doesn't exist/);
  });

  it('a failed request stores nothing', async () => {
    await addNodes(t, 1);
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-RunShellScript' })), 'InvalidParameters');
    const { ListCommandsCommand } = await import('@aws-sdk/client-ssm');
    expect((await t.ssm.send(new ListCommandsCommand({}))).Commands).toEqual([]);
    expect(t.emu.scheduler.list().filter((x) => x.kind.startsWith('commands.'))).toEqual([]);
  });

  it('checks the model constraints before anything else (MaxConcurrency pattern, TimeoutSeconds range, 50 InstanceIds)', async () => {
    await addNodes(t, 1);
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], ...shell(['true']), MaxConcurrency: '0' })), 'ValidationException', /maxConcurrency/);
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], ...shell(['true']), TimeoutSeconds: 10 })), 'ValidationException', /timeoutSeconds/);
    const many = Array.from({ length: 51 }, (_, k) => iid(k + 1));
    await expectError(t.ssm.send(new SendCommandCommand({ InstanceIds: many, ...shell(['true']) })), 'ValidationException', /instanceIds/);
  });
});
