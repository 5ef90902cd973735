import { describe as group, expect, it } from 'vitest';
import { CreateAssociationCommand, ListTagsForResourceCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { associationsSlice } from '../../sim/associations/state.js';
import { addNode, addNodes, describe, executions, expectError, iid, nodeStatus, shellAssociation, targets } from './testkit.js';

const t = useEmulator();

group('CreateAssociation', () => {
  it('creates an association that runs at once on the nodes its tag targets', async () => {
    await addNodes(t, 3, (k) => ({ Tags: { Role: k < 3 ? 'web' : 'db' } }));
    const out = await t.ssm.send(
      new CreateAssociationCommand({
        Name: 'AWS-RunShellScript',
        AssociationName: 'say-hello',
        Targets: [{ Key: 'tag:Role', Values: ['web'] }],
        Parameters: { commands: ['echo hello from $(hostname)'] },
        ScheduleExpression: 'rate(30 minutes)',
        ComplianceSeverity: 'HIGH',
      }),
    );
    const d = out.AssociationDescription!;
    expect(d).toMatchObject({
      Name: 'AWS-RunShellScript',
      AssociationName: 'say-hello',
      AssociationVersion: '1',
      DocumentVersion: '$DEFAULT',
      Overview: { Status: 'Pending', DetailedStatus: 'Creating' },
      Targets: [{ Key: 'tag:Role', Values: ['web'] }],
      ScheduleExpression: 'rate(30 minutes)',
      ComplianceSeverity: 'HIGH',
    });
    expect(d.AssociationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.Date?.getTime()).toBe(Date.UTC(2025, 0, 1));
    expect(d.InstanceId).toBeUndefined();
    expect(d.Status).toBeUndefined();

    await t.advance(5);
    const after = await describe(t, d.AssociationId!);
    expect(after.Overview).toEqual({ Status: 'Success', DetailedStatus: 'Success', AssociationStatusAggregatedCount: { Success: 2 } });
    expect(after.LastExecutionDate).toBeDefined();
    const [e] = await executions(t, d.AssociationId!);
    expect(e).toMatchObject({ Status: 'Success', DetailedStatus: 'Success', AssociationVersion: '1', ResourceCountByStatus: '{Success=2}' });
    expect((await targets(t, d.AssociationId!, e.ExecutionId!)).map((x) => x.ResourceId)).toEqual([iid(1), iid(2)]);
    expect(await nodeStatus(t, iid(1), d.AssociationId!)).toMatchObject({
      Name: 'AWS-RunShellScript',
      DocumentVersion: '1',
      AssociationVersion: '1',
      Status: 'Success',
      DetailedStatus: 'Success',
      ExecutionSummary: '1 out of 1 plugin processed, 1 success, 0 failed, 0 timedout, 0 skipped. ',
      AssociationName: 'say-hello',
    });
    expect(await nodeStatus(t, iid(3), d.AssociationId!)).toBeUndefined();
  });

  it('InstanceIds * targets every node', async () => {
    await addNodes(t, 3, (k) => ({ Platform: k === 3 ? 'ubuntu-22.04' : 'amazon-linux-2023' }));
    const id = await shellAssociation(t, ['echo ok'], { Targets: [{ Key: 'InstanceIds', Values: ['*'] }] });
    await t.advance(5);
    expect((await describe(t, id)).Overview?.AssociationStatusAggregatedCount).toEqual({ Success: 3 });
  });

  it('keeps tags (ListTagsForResource ResourceType Association)', async () => {
    await addNodes(t, 1);
    const id = await shellAssociation(t, ['true'], { Tags: [{ Key: 'Owner', Value: 'ops' }] });
    const tags = await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Association', ResourceId: id }));
    expect(tags.TagList).toEqual([{ Key: 'Owner', Value: 'ops' }]);
  });

  it('with ApplyOnlyAtCronInterval it waits for the cron time', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['true'], { ScheduleExpression: 'cron(0 2 * * ? *)', ApplyOnlyAtCronInterval: true });
    await t.advance(3600);
    expect(await executions(t, id)).toEqual([]);
    expect((await describe(t, id)).Overview).toEqual({ Status: 'Pending', DetailedStatus: 'Creating' });
    await t.advance(3600 + 5);
    expect((await executions(t, id)).map((e) => e.Status)).toEqual(['Success']);
  });

  group('the legacy InstanceId', () => {
    it('associates a schema 1.2 document with one node, with the Associated status', async () => {
      await addNode(t.http, { InstanceId: iid(1) });
      const out = await t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) }));
      expect(out.AssociationDescription).toMatchObject({
        Name: 'AWS-UpdateSSMAgent',
        InstanceId: iid(1),
        Status: { Name: 'Associated', Message: 'Associated with AWS-UpdateSSMAgent' },
        Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }],
      });
      await expectError(t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) })), 'AssociationAlreadyExists');
    });

    it('refuses schema 2.0+ documents, unknown nodes and the members that need Targets', async () => {
      await addNode(t.http, { InstanceId: iid(1) });
      await expectError(
        t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-GatherSoftwareInventory', InstanceId: iid(1) })),
        'InvalidDocument',
        'Document schema version, 2.0, is not supported by association that is created with instance id',
      );
      await expectError(t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(9) })), 'InvalidInstanceId');
      await expectError(t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1), ScheduleExpression: 'rate(1 day)' })), 'InvalidParameters', /ScheduleExpression/);
      await expectError(
        t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1), Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }] })),
        'InvalidTarget',
      );
    });
  });

  group('errors', () => {
    const create = (input: Record<string, unknown>) =>
      t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-RunShellScript', Targets: [{ Key: 'tag:Role', Values: ['web'] }], Parameters: { commands: ['true'] }, ...input }));

    it('targets: none, an unsupported key, a resource group that does not exist', async () => {
      await expectError(t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-RunShellScript', Parameters: { commands: ['x'] } })), 'InvalidTarget', 'Instance ID or targets must be specified');
      await expectError(create({ Targets: [{ Key: 'Env', Values: ['prod'] }] }), 'InvalidTarget');
      await expectError(create({ Targets: [{ Key: 'resource-groups:Name', Values: ['nope'] }] }), 'InvalidTarget');
    });

    it('document, version and parameters', async () => {
      await expectError(create({ Name: 'No-Such-Document' }), 'InvalidDocument');
      await expectError(create({ DocumentVersion: '9' }), 'InvalidDocumentVersion');
      await expectError(create({ Parameters: { nope: ['x'] } }), 'InvalidParameters');
      await expectError(create({ Parameters: {} }), 'InvalidParameters');
      await expectError(create({ Name: 'AWS-StartSSHSession' }), 'InvalidDocument');
    });

    it("schedules: State Manager's limits, offsets, ApplyOnlyAtCronInterval", async () => {
      await expectError(create({ ScheduleExpression: 'rate(10 minutes)' }), 'InvalidSchedule', /30 minutes or greater/);
      await expectError(create({ ScheduleExpression: 'cron(0 0 1 JAN ? *)' }), 'InvalidSchedule', /months/);
      await expectError(create({ ScheduleExpression: 'rate(1 day)', ApplyOnlyAtCronInterval: true }), 'InvalidSchedule', 'ApplyOnlyAtCronInterval is not supported for rate expressions.');
      await expectError(create({ ScheduleExpression: 'cron(0 0 ? * THU#2 *)', ScheduleOffset: 3 }), 'InvalidSchedule', /ApplyOnlyAtCronInterval/);
      await expectError(create({ ApplyOnlyAtCronInterval: true }), 'InvalidSchedule');
    });

    it('output location, calendars and Automation-only members', async () => {
      await expectError(create({ OutputLocation: { S3Location: { OutputS3BucketName: 'Bad_Bucket' } } }), 'InvalidOutputLocation');
      await expectError(create({ CalendarNames: ['my-calendar'] }), 'InvalidDocument', 'Document with name my-calendar does not exist.');
      await expectError(create({ AutomationTargetParameterName: 'InstanceId' }), 'InvalidParameters');
      await expectError(create({ TargetMaps: [{ InstanceId: ['i-1'] }] }), 'InvalidTargetMaps');
    });

    it('tags with a reserved key', async () => {
      await expectError(create({ Tags: [{ Key: 'aws:owner', Value: 'x' }] }), 'ValidationException');
    });

    it('refuses more than 2,000 associations', async () => {
      const first = await create({});
      // 1,999 more, copied in the state directly (2,000 requests would only slow the suite down).
      const slice = associationsSlice.of(t.emu.store.scope('000000000000', 'us-east-1'));
      const record = slice.byId[first.AssociationDescription!.AssociationId!];
      for (let k = 1; k < 2000; k++) {
        const id = `00000000-0000-0000-0000-${String(k).padStart(12, '0')}`;
        slice.byId[id] = { ...structuredClone(record), AssociationId: id, Seq: ++slice.seq };
        slice.count++;
      }
      await expectError(create({}), 'AssociationLimitExceeded', 'You can have at most 2,000 active associations.');
    });
  });
});
