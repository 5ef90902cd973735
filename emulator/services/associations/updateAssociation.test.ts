import { describe as group, expect, it } from 'vitest';
import { CreateAssociationCommand, UpdateAssociationCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { associationsSlice } from '../../sim/associations/state.js';
import { addNode, expectError, iid, shellAssociation } from './testkit.js';

const t = useEmulator();

group('UpdateAssociation', () => {
  it('a new version: the document and targets are kept, other members omitted are cleared', async () => {
    const id = await shellAssociation(t, ['echo v1'], { AssociationName: 'web-check', ScheduleExpression: 'rate(1 day)', MaxConcurrency: '2', ComplianceSeverity: 'LOW' });
    const out = await t.ssm.send(new UpdateAssociationCommand({ AssociationId: id, Parameters: { commands: ['echo v2'] }, AssociationVersion: '1' }));
    const d = out.AssociationDescription!;
    expect(d).toMatchObject({ AssociationVersion: '2', Name: 'AWS-RunShellScript', Targets: [{ Key: 'tag:Role', Values: ['web'] }], Parameters: { commands: ['echo v2'] } });
    for (const k of ['AssociationName', 'ScheduleExpression', 'MaxConcurrency', 'ComplianceSeverity'] as const) expect(d[k]).toBeUndefined();
    expect(d.LastUpdateAssociationDate).toBeDefined();
  });

  it('errors of the request', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const id = await shellAssociation(t, ['true']);
    // Parameters are given every time: an update that leaves them out clears them (and commands is required).
    const update = (input: Record<string, unknown>) => t.ssm.send(new UpdateAssociationCommand({ AssociationId: id, Parameters: { commands: ['true'] }, ...input }));
    await expectError(t.ssm.send(new UpdateAssociationCommand({ AssociationId: id })), 'InvalidParameters', /commands/);
    await expectError(t.ssm.send(new UpdateAssociationCommand({ AssociationId: '11111111-2222-3333-4444-555555555555' })), 'AssociationDoesNotExist');
    await expectError(update({ AssociationVersion: '7' }), 'InvalidAssociationVersion');
    await expectError(update({ ScheduleExpression: 'rate(5 minutes)' }), 'InvalidSchedule');
    await expectError(update({ Parameters: { nope: ['x'] } }), 'InvalidParameters');
    await expectError(update({ DocumentVersion: '5' }), 'InvalidDocumentVersion');
    await expectError(update({ Name: 'No-Such-Doc' }), 'InvalidDocument');
    await expectError(update({ Targets: [{ Key: 'bad', Values: ['x'] }] }), 'InvalidTarget');
    await expectError(update({ TargetMaps: [{ a: ['b'] }] }), 'InvalidTargetMaps');
    await expectError(update({ OutputLocation: { S3Location: { OutputS3BucketName: 'UPPER.case' } } }), 'InvalidOutputLocation');
    const legacy = await t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) }));
    await expectError(
      t.ssm.send(new UpdateAssociationCommand({ AssociationId: legacy.AssociationDescription!.AssociationId, Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }] })),
      'InvalidUpdate',
    );
  });

  it('refuses a 1,001st version', async () => {
    const id = await shellAssociation(t, ['true']);
    const a = associationsSlice.of(t.emu.store.scope('000000000000', 'us-east-1')).byId[id];
    // 999 more versions, copied in the state directly.
    for (let v = 2; v <= 1000; v++) a.Versions.push({ ...structuredClone(a.Versions[0]), AssociationVersion: String(v) });
    await expectError(t.ssm.send(new UpdateAssociationCommand({ AssociationId: id, Parameters: { commands: ['true'] } })), 'AssociationVersionLimitExceeded');
  });
});
