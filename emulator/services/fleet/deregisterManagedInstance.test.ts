import { describe, expect, it } from 'vitest';
import { CreateActivationCommand, DeregisterManagedInstanceCommand, DescribeActivationsCommand, DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError } from '../../testing/fleet.js';

const t = useEmulator();

describe('DeregisterManagedInstance', () => {
  it('removes a hybrid node; its activation keeps the registration counted', async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R', RegistrationLimit: 1 }));
    const reg = await t.http.post('/_emulator/fleet/register').send({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode });
    const id = reg.body.instance.InstanceId as string;
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    await t.ssm.send(new DeregisterManagedInstanceCommand({ InstanceId: id }));
    expect((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList!.map((i) => i.InstanceId)).toEqual(['i-00000000000000001']);
    expect((await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList![0].RegistrationsCount).toBe(1);
    // The used-up activation cannot register the server again.
    const again = await t.http.post('/_emulator/fleet/register').send({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode });
    expect(again.body.error).toBe('ActivationLimitExceeded');
  });

  it('answers InvalidInstanceId for an unknown node or a node of another region', async () => {
    await addNode(t.http, { InstanceId: 'mi-00000000000000009', region: 'eu-west-1' });
    await expectError(t.ssm.send(new DeregisterManagedInstanceCommand({ InstanceId: 'mi-00000000000000009' })), 'InvalidInstanceId', 'Instance ID mi-00000000000000009 is not valid or does not exist.');
  });

  it('refuses an EC2 instance id (model pattern: mi- ids only)', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    await expectError(t.ssm.send(new DeregisterManagedInstanceCommand({ InstanceId: 'i-00000000000000001' })), 'ValidationException', /instanceId/);
  });
});
