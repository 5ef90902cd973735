import { describe as group, expect, it } from 'vitest';
import { CreateAssociationBatchCommand, CreateAssociationCommand, ListAssociationsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, iid } from './testkit.js';

const t = useEmulator();

group('CreateAssociationBatch', () => {
  it('creates the good entries and reports each bad one in Failed', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await addNode(t.http, { InstanceId: iid(2) });
    const out = await t.ssm.send(
      new CreateAssociationBatchCommand({
        Entries: [
          { Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) },
          { Name: 'AWS-UpdateSSMAgent', InstanceId: iid(2) },
          { Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) },
          { Name: 'AWS-RunShellScript', Targets: [{ Key: 'InstanceIds', Values: ['*'] }], Parameters: { commands: ['true'] }, ScheduleExpression: 'rate(1 minute)' },
        ],
        AssociationDispatchAssumeRole: 'arn:aws:iam::000000000000:role/StateManager',
      }),
    );
    expect(out.Successful!.map((d) => d.InstanceId)).toEqual([iid(1), iid(2)]);
    expect(out.Successful![0]).toMatchObject({ Status: { Name: 'Associated' }, AssociationDispatchAssumeRole: 'arn:aws:iam::000000000000:role/StateManager' });
    expect(out.Failed!.map((f) => [f.Entry?.InstanceId ?? f.Entry?.ScheduleExpression, f.Fault])).toEqual([
      [iid(1), 'Client'],
      ['rate(1 minute)', 'Client'],
    ]);
    expect(out.Failed![0].Message).toMatch(/already exists/);
    expect(out.Failed![1].Message).toMatch(/30 minutes or greater/);
    expect((await t.ssm.send(new ListAssociationsCommand({}))).Associations).toHaveLength(2);
  });

  it('reports every kind of bad entry in Failed with its error\'s message, and creates the rest', async () => {
    await addNode(t.http, { InstanceId: iid(1), Platform: 'windows-2022' });
    const run = { Name: 'AWS-RunShellScript', Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }], Parameters: { commands: ['true'] } };
    const out = await t.ssm.send(
      new CreateAssociationBatchCommand({
        Entries: [
          { ...run, Name: 'NoSuchDocument' },
          { ...run, DocumentVersion: '99' },
          { ...run, Parameters: { nope: ['x'] } },
          { Name: 'AWS-UpdateSSMAgent', InstanceId: 'i-0000000000000dead' },
          { ...run, ScheduleExpression: 'cron(not a cron)' },
          { ...run, Targets: [{ Key: 'resource-groups:Name', Values: ['no-such-group'] }] },
          { ...run, OutputLocation: { S3Location: { OutputS3BucketName: 'Not..A..Bucket' } } },
          { ...run, AssociationName: 'good' },
        ],
      }),
    );
    expect(out.Successful!.map((d) => d.AssociationName)).toEqual(['good']);
    const failed = out.Failed!.map((f) => f.Message);
    expect(out.Failed!.every((f) => f.Fault === 'Client')).toBe(true);
    expect(failed).toHaveLength(7);
    // Each message is the one CreateAssociation answers for that entry alone.
    for (const [i, f] of out.Failed!.entries()) {
      const alone = await t.ssm.send(new CreateAssociationCommand(f.Entry!)).then(
        () => 'created',
        (e: Error) => e.message,
      );
      expect([i, alone]).toEqual([i, failed[i]]);
    }
    expect(failed[0]).toMatch(/NoSuchDocument|document/i);
    expect(failed[3]).toMatch(/instance/i);
    expect((await t.ssm.send(new ListAssociationsCommand({}))).Associations).toHaveLength(1);
  });
});
