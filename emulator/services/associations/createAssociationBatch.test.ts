import { describe as group, expect, it } from 'vitest';
import { CreateAssociationBatchCommand, ListAssociationsCommand } from '@aws-sdk/client-ssm';
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
});
