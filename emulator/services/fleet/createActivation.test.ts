import { describe, expect, it } from 'vitest';
import { CreateActivationCommand, DescribeActivationsCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';

const t = useEmulator();

describe('CreateActivation', () => {
  it('returns an activation id and a 20-character code; defaults expire in 24 hours with a limit of 1', async () => {
    const out = await t.ssm.send(new CreateActivationCommand({ IamRole: 'SSMServiceRole' }));
    expect(out.ActivationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(out.ActivationCode).toMatch(/^[A-Za-z0-9]{20}$/);
    const list = (await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList!;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ ActivationId: out.ActivationId, IamRole: 'SSMServiceRole', RegistrationLimit: 1, RegistrationsCount: 0, Expired: false });
    expect(list[0].CreatedDate!.getTime() / 1000).toBe(TEST_START_SECONDS);
    expect(list[0].ExpirationDate!.getTime() / 1000).toBe(TEST_START_SECONDS + 86400);
    expect(list[0].Description).toBeUndefined();
  });

  it('keeps the description, default instance name, limit, expiration and tags it was given', async () => {
    const expires = new Date((TEST_START_SECONDS + 7 * 86400) * 1000);
    const out = await t.ssm.send(
      new CreateActivationCommand({
        IamRole: 'SSMServiceRole',
        Description: 'build servers',
        DefaultInstanceName: 'build',
        RegistrationLimit: 10,
        ExpirationDate: expires,
        Tags: [{ Key: 'Env', Value: 'dev' }],
      }),
    );
    const [a] = (await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList!;
    expect(a).toMatchObject({ ActivationId: out.ActivationId, Description: 'build servers', DefaultInstanceName: 'build', RegistrationLimit: 10, Tags: [{ Key: 'Env', Value: 'dev' }] });
    expect(a.ExpirationDate!.getTime()).toBe(expires.getTime());
  });

  it('gives each activation its own id and code', async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R' }));
    const b = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R' }));
    expect(a.ActivationId).not.toBe(b.ActivationId);
    expect(a.ActivationCode).not.toBe(b.ActivationCode);
  });

  it('refuses an expiration date in the past or more than 30 days ahead with InvalidParameters', async () => {
    await expectError(t.ssm.send(new CreateActivationCommand({ IamRole: 'R', ExpirationDate: new Date((TEST_START_SECONDS - 1) * 1000) })), 'InvalidParameters', 'ExpirationDate must be in the future.');
    await expectError(
      t.ssm.send(new CreateActivationCommand({ IamRole: 'R', ExpirationDate: new Date((TEST_START_SECONDS + 30 * 86400 + 1) * 1000) })),
      'InvalidParameters',
      'ExpirationDate can be at most 30 days from now.',
    );
    // Exactly 30 days is allowed.
    await t.ssm.send(new CreateActivationCommand({ IamRole: 'R', ExpirationDate: new Date((TEST_START_SECONDS + 30 * 86400) * 1000) }));
    expect((await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList).toHaveLength(1);
  });

  it('refuses a service-linked role with InvalidParameters', async () => {
    await expectError(t.ssm.send(new CreateActivationCommand({ IamRole: 'AWSServiceRoleForAmazonSSM' })), 'InvalidParameters', /service-linked/);
    expect((await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList).toEqual([]);
  });

  it('refuses input the model forbids: no IamRole, a limit of 0 or above 1000', async () => {
    const res = await t.rpc('CreateActivation', {});
    expect(res.body).toMatchObject({ __type: 'ValidationException' });
    await expectError(t.ssm.send(new CreateActivationCommand({ IamRole: 'R', RegistrationLimit: 0 })), 'ValidationException', /registrationLimit/);
    await expectError(t.ssm.send(new CreateActivationCommand({ IamRole: 'R', RegistrationLimit: 1001 })), 'ValidationException', /registrationLimit/);
  });
});
