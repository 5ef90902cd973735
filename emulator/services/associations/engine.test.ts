/**
 * When associations run and what their runs leave behind: schedules, new and retagged nodes,
 * resource groups, rate controls, Duration, updates, offline agents, drift repaired.
 */
import { describe as group, expect, it } from 'vitest';
import { CreateGroupCommand } from '@aws-sdk/client-resource-groups';
import { DescribeInstanceInformationCommand, DescribeInstancePropertiesCommand, SendCommandCommand, StartAssociationsOnceCommand, UpdateAssociationCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { rgClient, tagQuery } from '../../testing/fleet.js';
import { addNode, addNodes, describe, executions, iid, node, nodeStatus, shellAssociation, targets } from './testkit.js';

const t = useEmulator();

group('schedules', () => {
  it('rate(30 minutes): runs at creation, then every 30 minutes counted from it', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['echo tick'], { ScheduleExpression: 'rate(30 minutes)' });
    await t.advance(29 * 60);
    expect(await executions(t, id)).toHaveLength(1);
    await t.advance(65);
    const list = await executions(t, id);
    expect(list).toHaveLength(2);
    expect(list[0].CreatedTime!.getTime()).toBe(Date.UTC(2025, 0, 1, 0, 30));
    expect(list.map((e) => e.Status)).toEqual(['Success', 'Success']);
  });

  it('an at() already past with ApplyOnlyAtCronInterval runs once at once', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['true'], { ScheduleExpression: 'at(2024-06-01T00:00:00)', ApplyOnlyAtCronInterval: true });
    await t.advance(86400);
    expect(await executions(t, id)).toHaveLength(1);
  });

  it('cron with ScheduleOffset runs the given days after the match', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    // 2025-01-09 is the second Thursday of January; offset 3 makes it Sunday the 12th.
    const id = await shellAssociation(t, ['true'], { ScheduleExpression: 'cron(0 0 ? * THU#2 *)', ScheduleOffset: 3, ApplyOnlyAtCronInterval: true });
    await t.advance(11 * 86400 - 60);
    expect(await executions(t, id)).toHaveLength(0);
    await t.advance(65);
    const [e] = await executions(t, id);
    expect(e.CreatedTime!.getTime()).toBe(Date.UTC(2025, 0, 12));
  });
});

group('targets that change', () => {
  it('a node added with the tag gets the association soon after, in an execution of its own', async () => {
    await addNodes(t, 2, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['echo hi'], { ScheduleExpression: 'rate(1 day)' });
    await t.advance(5);
    await addNode(t.http, { InstanceId: iid(3), Tags: { Role: 'web' } });
    await addNode(t.http, { InstanceId: iid(4), Tags: { Role: 'db' } });
    await t.advance(40);
    const list = await executions(t, id);
    expect(list).toHaveLength(2);
    expect((await targets(t, id, list[0].ExecutionId!)).map((x) => x.ResourceId)).toEqual([iid(3)]);
    expect((await describe(t, id)).Overview?.AssociationStatusAggregatedCount).toEqual({ Success: 3 });
  });

  it('a retagged node joins; a node that loses the tag leaves the association', async () => {
    await addNodes(t, 2, (k) => ({ Tags: { Role: k === 1 ? 'web' : 'db' } }));
    const id = await shellAssociation(t, ['true']);
    await t.advance(5);
    await t.http.patch(`/_emulator/fleet/instances/${iid(2)}`).send({ Tags: { Role: 'web' } });
    await t.http.patch(`/_emulator/fleet/instances/${iid(1)}`).send({ Tags: { Role: 'db' } });
    await t.advance(40);
    expect(await nodeStatus(t, iid(2), id)).toMatchObject({ Status: 'Success' });
    expect(await nodeStatus(t, iid(1), id)).toBeUndefined();
    expect((await node(t, iid(1))).AssociationStatus).toBeUndefined();
  });

  it('a node that joins the targeted resource group gets the association', async () => {
    const rg = rgClient(t.endpoint);
    await rg.send(new CreateGroupCommand({ Name: 'web-servers', ResourceQuery: tagQuery([{ Key: 'Tier', Values: ['web'] }], ['AWS::EC2::Instance']) }));
    rg.destroy();
    await addNodes(t, 1, () => ({ Tags: { Tier: 'web' } }));
    const id = await shellAssociation(t, ['true'], { Targets: [{ Key: 'resource-groups:Name', Values: ['web-servers'] }] });
    await t.advance(5);
    await addNode(t.http, { InstanceId: iid(2), Tags: { Tier: 'web' } });
    await t.advance(40);
    expect((await describe(t, id)).Overview?.AssociationStatusAggregatedCount).toEqual({ Success: 2 });
  });

  it('a node whose agent is stopped runs the association when it comes back', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    await t.http.post(`/_emulator/fleet/instances/${iid(1)}/stop-agent`).send({});
    const id = await shellAssociation(t, ['true']);
    await t.advance(60);
    expect(await nodeStatus(t, iid(1), id)).toMatchObject({ Status: 'Pending', DetailedStatus: 'Associated' });
    expect((await describe(t, id)).Overview).toMatchObject({ Status: 'Pending', DetailedStatus: 'Associated' });
    await t.http.post(`/_emulator/fleet/instances/${iid(1)}/start-agent`).send({});
    await t.advance(5);
    expect(await nodeStatus(t, iid(1), id)).toMatchObject({ Status: 'Success' });
  });
});

group('rate controls and Duration', () => {
  it('MaxConcurrency limits the nodes in flight', async () => {
    await addNodes(t, 10, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['sleep 60'], { MaxConcurrency: '20%' });
    await t.advance(30);
    const [e] = await executions(t, id);
    const ts = await targets(t, id, e.ExecutionId!);
    expect(ts.filter((x) => x.Status === 'InProgress')).toHaveLength(2);
    expect(ts.filter((x) => x.Status === 'Pending')).toHaveLength(8);
    expect((await describe(t, id)).Overview).toMatchObject({ Status: 'Pending', DetailedStatus: 'InProgress', AssociationStatusAggregatedCount: { InProgress: 2, Pending: 8 } });
    await t.advance(5 * 62);
    expect((await executions(t, id))[0]).toMatchObject({ Status: 'Success', ResourceCountByStatus: '{Success=10}' });
  });

  it('MaxErrors stops sending once errors exceed it; the rest are never run', async () => {
    await addNodes(t, 6, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['exit 3'], { MaxConcurrency: '1', MaxErrors: '1' });
    await t.advance(60);
    const [e] = await executions(t, id);
    expect(e).toMatchObject({ Status: 'Failed', DetailedStatus: 'Failed', ResourceCountByStatus: '{Cancelled=4, Failed=2}' });
    const ts = await targets(t, id, e.ExecutionId!);
    expect(ts.map((x) => `${x.Status}/${x.DetailedStatus}`)).toEqual(['Failed/Failed', 'Failed/Failed', ...Array(4).fill('Cancelled/Terminated')]);
    expect(await nodeStatus(t, iid(1), id)).toMatchObject({
      Status: 'Failed',
      ErrorCode: 'ExecutionError',
      ExecutionSummary: expect.stringMatching(/^1 out of 1 plugin processed, 0 success, 1 failed, 0 timedout, 0 skipped. \nThe operation aws:runShellScript failed because failed to run commands: exit status 3\.$/),
    });
    // Never run: still only associated.
    expect(await nodeStatus(t, iid(6), id)).toMatchObject({ Status: 'Pending', DetailedStatus: 'Associated' });
  });

  it('Duration cancels what still runs at the cutoff and starts nothing more', async () => {
    await addNodes(t, 3, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['sleep 2700'], {
      ScheduleExpression: 'cron(0 1 * * ? *)',
      ApplyOnlyAtCronInterval: true,
      Duration: 1,
      MaxConcurrency: '1',
    });
    await t.advance(2 * 3600 + 60);
    const [e] = await executions(t, id);
    expect(e).toMatchObject({ Status: 'Failed', DetailedStatus: 'Cancelled' });
    expect((await targets(t, id, e.ExecutionId!)).map((x) => x.Status)).toEqual(['Success', 'Cancelled', 'Cancelled']);
  });
});

group('updates and StartAssociationsOnce', () => {
  it('UpdateAssociation makes a new version that runs at once', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['echo v1'], { ScheduleExpression: 'rate(1 day)' });
    await t.advance(5);
    const out = await t.ssm.send(new UpdateAssociationCommand({ AssociationId: id, Parameters: { commands: ['echo v2'] }, ScheduleExpression: 'rate(2 days)' }));
    expect(out.AssociationDescription).toMatchObject({ AssociationVersion: '2', Overview: { Status: 'Pending', DetailedStatus: 'Creating' }, ScheduleExpression: 'rate(2 days)' });
    await t.advance(5);
    const list = await executions(t, id);
    expect(list.map((e) => e.AssociationVersion)).toEqual(['2', '1']);
    expect(await nodeStatus(t, iid(1), id)).toMatchObject({ AssociationVersion: '2', Status: 'Success' });
  });

  it('StartAssociationsOnce runs each association once more, after a running execution', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['sleep 20']);
    await t.advance(2);
    await t.ssm.send(new StartAssociationsOnceCommand({ AssociationIds: [id] }));
    await t.advance(10);
    expect(await executions(t, id)).toHaveLength(1);
    await t.advance(40);
    expect((await executions(t, id)).map((e) => e.Status)).toEqual(['Success', 'Success']);
  });

  it('a schedule run while the last execution still runs times the old one out', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    await t.http.post(`/_emulator/fleet/instances/${iid(1)}/stop-agent`).send({});
    const id = await shellAssociation(t, ['true'], { ScheduleExpression: 'rate(30 minutes)' });
    await t.advance(31 * 60);
    const [second, first] = await executions(t, id);
    expect(first).toMatchObject({ Status: 'Failed', DetailedStatus: 'TimedOut' });
    expect(second.Status).toBe('InProgress');
    expect((await targets(t, id, first.ExecutionId!))[0]).toMatchObject({ Status: 'TimedOut', DetailedStatus: 'DeliveryTimedOut' });
  });
});

group('node summaries and drift', () => {
  it('DescribeInstanceInformation shows the association status of each node', async () => {
    await addNodes(t, 2, (k) => ({ Tags: { Role: 'web' }, Platform: k === 2 ? 'windows-2022' : 'amazon-linux-2023' }));
    await shellAssociation(t, ['echo ok']);
    await t.advance(5);
    const info = await t.ssm.send(new DescribeInstanceInformationCommand({}));
    const byId = Object.fromEntries(info.InstanceInformationList!.map((i) => [i.InstanceId, i]));
    expect(byId[iid(1)]).toMatchObject({ AssociationStatus: 'Success', AssociationOverview: { DetailedStatus: 'Success', InstanceAssociationStatusAggregatedCount: { Success: 1 } } });
    expect(byId[iid(1)].LastSuccessfulAssociationExecutionDate).toBeDefined();
    // AWS-RunShellScript does not run on Windows.
    expect(byId[iid(2)]).toMatchObject({ AssociationStatus: 'Failed' });
    const failed = await t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'AssociationStatus', Values: ['Failed'] }] }));
    expect(failed.InstanceInformationList!.map((i) => i.InstanceId)).toEqual([iid(2)]);
    const byDocument = await t.ssm.send(new DescribeInstancePropertiesCommand({ FiltersWithOperator: [{ Key: 'DocumentName', Values: ['AWS-RunShellScript'] }] }));
    expect(byDocument.InstanceProperties!.map((i) => i.InstanceId)).toEqual([iid(1), iid(2)]);
  });

  it('an association keeps a service running: someone stops it, the next run starts it again', async () => {
    await addNode(t.http, {
      InstanceId: iid(1),
      Tags: { Role: 'web' },
      Services: [{ Name: 'amazon-cloudwatch-agent', DisplayName: 'Amazon CloudWatch Agent', Status: 'Running', StartType: 'Automatic' }],
    });
    const id = await shellAssociation(t, ['systemctl is-active --quiet amazon-cloudwatch-agent || systemctl start amazon-cloudwatch-agent'], { ScheduleExpression: 'rate(30 minutes)' });
    await t.advance(5);
    await t.ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [iid(1)], Parameters: { commands: ['systemctl stop amazon-cloudwatch-agent'] } }));
    await t.advance(5);
    const service = async () => (await node(t, iid(1))).Services.find((s: any) => s.Name === 'amazon-cloudwatch-agent').Status;
    expect(await service()).toBe('Stopped');
    await t.advance(30 * 60);
    expect(await service()).toBe('Running');
    expect((await executions(t, id)).map((e) => e.Status)).toEqual(['Success', 'Success']);
  });
});
