import { describe, expect, it } from 'vitest';
import { CreateActivationCommand, DeleteActivationCommand, DescribeActivationsCommand, DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';

const t = useEmulator();

describe('DeleteActivation', () => {
  it('deletes the activation; nodes it registered stay, and it can no longer register nodes', async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R', RegistrationLimit: 5 }));
    const reg = await t.http.post('/_emulator/fleet/register').send({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode });
    expect(reg.status).toBe(200);
    await t.ssm.send(new DeleteActivationCommand({ ActivationId: a.ActivationId }));
    expect((await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList).toEqual([]);
    expect((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList!.map((i) => i.InstanceId)).toEqual([reg.body.instance.InstanceId]);
    const again = await t.http.post('/_emulator/fleet/register').send({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('InvalidActivation');
  });

  it('answers InvalidActivation for an activation that does not exist (or was already deleted)', async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R' }));
    await t.ssm.send(new DeleteActivationCommand({ ActivationId: a.ActivationId }));
    await expectError(t.ssm.send(new DeleteActivationCommand({ ActivationId: a.ActivationId })), 'InvalidActivation', `Activation ID ${a.ActivationId} does not exist.`);
  });

  it('refuses an id that is not an activation id (model pattern)', async () => {
    await expectError(t.ssm.send(new DeleteActivationCommand({ ActivationId: 'abc' })), 'ValidationException', /activationId/);
  });
});
