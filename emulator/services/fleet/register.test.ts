import { describe, expect, it } from 'vitest';
import { CreateActivationCommand, DescribeActivationsCommand, DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';

const t = useEmulator();
const register = (body: Record<string, unknown>) => t.http.post('/_emulator/fleet/register').send(body);

describe('control API: POST /_emulator/fleet/register (hybrid activation)', () => {
  it('registers a new mi- node with the activation\'s role, name and tags, and counts the registration', async () => {
    const a = await t.ssm.send(
      new CreateActivationCommand({ IamRole: 'SSMServiceRole', DefaultInstanceName: 'build', RegistrationLimit: 2, Tags: [{ Key: 'Env', Value: 'dev' }] }),
    );
    const res = await register({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode, Platform: 'ubuntu-22.04', ComputerName: 'build-01', Tags: { Rack: 'r1' } });
    expect(res.status).toBe(200);
    const inst = res.body.instance;
    expect(inst.InstanceId).toMatch(/^mi-[0-9a-f]{17}$/);
    const [info] = (await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList!;
    expect(info).toMatchObject({
      InstanceId: inst.InstanceId,
      ResourceType: 'ManagedInstance',
      ActivationId: a.ActivationId,
      IamRole: 'SSMServiceRole',
      Name: 'build',
      ComputerName: 'build-01',
      PlatformName: 'Ubuntu',
      PingStatus: 'Online',
      SourceId: inst.InstanceId,
      SourceType: 'AWS::SSM::ManagedInstance',
    });
    expect(info.RegistrationDate!.getTime() / 1000).toBe(TEST_START_SECONDS);
    expect(inst.Tags).toEqual([
      { Key: 'Env', Value: 'dev' },
      { Key: 'Rack', Value: 'r1' },
    ]);
    expect((await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList![0].RegistrationsCount).toBe(1);
  });

  it('refuses a wrong code with 400 InvalidActivation and registers nothing', async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R' }));
    const res = await register({ ActivationId: a.ActivationId, ActivationCode: 'WRONGWRONGWRONGWRONG' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'InvalidActivation', message: `Activation ${a.ActivationId} does not exist in us-east-1, or the activation code does not match it.` });
    expect((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList).toEqual([]);
    expect((await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList![0].RegistrationsCount).toBe(0);
  });

  it('refuses an activation of another region (activations are regional)', async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R' }));
    const res = await register({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode, region: 'eu-west-1' });
    expect(res.body.error).toBe('InvalidActivation');
  });

  it('refuses an activation that expired on the virtual clock', async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R', RegistrationLimit: 5 }));
    expect((await register({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode })).status).toBe(200);
    await t.advance(24 * 3600);
    const res = await register({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'ActivationExpired', message: `Activation ${a.ActivationId} expired at 2025-01-02T00:00:00.000Z.` });
    expect((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList).toHaveLength(1);
  });

  it('refuses registrations beyond the registration limit', async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R', RegistrationLimit: 2 }));
    expect((await register({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode })).status).toBe(200);
    expect((await register({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode })).status).toBe(200);
    const res = await register({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('ActivationLimitExceeded');
    expect(res.body.message).toMatch(/registration limit \(2 of 2/);
    expect((await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList![0].RegistrationsCount).toBe(2);
  });

  it('refuses a request without id and code, or with fields an agent cannot set', async () => {
    expect((await register({})).body.error).toBe('InvalidRequest');
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R' }));
    const res = await register({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode, InstanceId: 'mi-00000000000000001' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/InstanceId cannot be set at registration/);
    const bad = await register({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode, Platform: 'nope' });
    expect(bad.body.error).toBe('InvalidRequest');
    expect((await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList![0].RegistrationsCount).toBe(0);
  });
});
