import { describe as group, expect, it } from 'vitest';
import { StartAssociationsOnceCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, executions, expectError, iid, shellAssociation } from './testkit.js';

const t = useEmulator();

group('StartAssociationsOnce', () => {
  it('runs each association once now', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const a = await shellAssociation(t, ['true'], { ScheduleExpression: 'cron(0 2 ? * SUN *)', ApplyOnlyAtCronInterval: true });
    const b = await shellAssociation(t, ['true'], { ScheduleExpression: 'cron(0 2 ? * SUN *)', ApplyOnlyAtCronInterval: true });
    await t.advance(60);
    expect(await executions(t, a)).toEqual([]);
    await t.ssm.send(new StartAssociationsOnceCommand({ AssociationIds: [a, b] }));
    await t.advance(5);
    expect((await executions(t, a)).map((e) => e.Status)).toEqual(['Success']);
    expect((await executions(t, b)).map((e) => e.Status)).toEqual(['Success']);
  });

  it('nothing runs when one id is unknown', async () => {
    const a = await shellAssociation(t, ['true'], { ScheduleExpression: 'rate(1 day)', ApplyOnlyAtCronInterval: false });
    await t.advance(5);
    await expectError(t.ssm.send(new StartAssociationsOnceCommand({ AssociationIds: [a, '11111111-2222-3333-4444-555555555555'] })), 'AssociationDoesNotExist');
    await t.advance(5);
    expect(await executions(t, a)).toHaveLength(1);
  });
});
