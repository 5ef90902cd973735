import { describe, expect, it } from 'vitest';
import { CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand, GetSecretValueCommand, RestoreSecretCommand } from '@aws-sdk/client-secrets-manager';
import { useEmulator, TEST_START } from '../../testing/harness.js';
import { errorOf, secretsClient } from './testkit.js';

const t = useEmulator();
const sm = secretsClient(t);
const DAY = 86_400;

describe('DeleteSecret and RestoreSecret', () => {
  it('schedules the deletion 30 days ahead by default and deletes on the virtual clock', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'd', SecretString: 'x' }));
    const out = await sm().send(new DeleteSecretCommand({ SecretId: 'd' }));
    expect(out.DeletionDate).toEqual(new Date(TEST_START + 30 * DAY * 1000));
    expect((await sm().send(new DescribeSecretCommand({ SecretId: 'd' }))).DeletedDate).toEqual(out.DeletionDate);
    await t.advance(30 * DAY - 1);
    expect((await sm().send(new DescribeSecretCommand({ SecretId: 'd' }))).Name).toBe('d');
    await t.advance(1);
    expect((await errorOf(sm().send(new DescribeSecretCommand({ SecretId: 'd' })))).name).toBe('ResourceNotFoundException');
    await sm().send(new CreateSecretCommand({ Name: 'd', SecretString: 'again' }));
  });

  it('honours RecoveryWindowInDays between 7 and 30', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'w', SecretString: 'x' }));
    const e = await errorOf(sm().send(new DeleteSecretCommand({ SecretId: 'w', RecoveryWindowInDays: 6 })));
    expect(e.name).toBe('InvalidParameterException');
    expect(e.message).toBe('The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).');
    expect((await sm().send(new DeleteSecretCommand({ SecretId: 'w', RecoveryWindowInDays: 7 }))).DeletionDate).toEqual(new Date(TEST_START + 7 * DAY * 1000));
  });

  it('deletes at once with ForceDeleteWithoutRecovery, but not together with a window', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'f', SecretString: 'x' }));
    const both = await errorOf(sm().send(new DeleteSecretCommand({ SecretId: 'f', ForceDeleteWithoutRecovery: true, RecoveryWindowInDays: 7 })));
    expect(both.message).toBe("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
    expect((await sm().send(new DeleteSecretCommand({ SecretId: 'f', ForceDeleteWithoutRecovery: true }))).DeletionDate).toEqual(new Date(TEST_START));
    expect((await errorOf(sm().send(new GetSecretValueCommand({ SecretId: 'f' })))).name).toBe('ResourceNotFoundException');
  });

  it('RestoreSecret cancels the deletion; deleting twice is refused', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'r', SecretString: 'x' }));
    await sm().send(new DeleteSecretCommand({ SecretId: 'r', RecoveryWindowInDays: 7 }));
    expect((await errorOf(sm().send(new DeleteSecretCommand({ SecretId: 'r' })))).name).toBe('InvalidRequestException');
    expect((await sm().send(new RestoreSecretCommand({ SecretId: 'r' }))).Name).toBe('r');
    await t.advance(8 * DAY);
    expect((await sm().send(new GetSecretValueCommand({ SecretId: 'r' }))).SecretString).toBe('x');
    expect((await sm().send(new DescribeSecretCommand({ SecretId: 'r' }))).DeletedDate).toBeUndefined();
    expect((await errorOf(sm().send(new RestoreSecretCommand({ SecretId: 'none' })))).name).toBe('ResourceNotFoundException');
  });
});
