import { describe, expect, it } from 'vitest';
import { GetServiceSettingCommand, ResetServiceSettingCommand, UpdateServiceSettingCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';

const t = useEmulator();
const reset = (SettingId: string) => t.ssm.send(new ResetServiceSettingCommand({ SettingId })).then((o) => o.ServiceSetting!);
const TIER = '/ssm/managed-instance/activation-tier';

describe('ResetServiceSetting', () => {
  it("goes back to AWS's default and answers the setting, as AWS's CLI example shows", async () => {
    await t.ssm.send(new UpdateServiceSettingCommand({ SettingId: '/ssm/parameter-store/high-throughput-enabled', SettingValue: 'true' }));
    const s = await reset('arn:aws:ssm:us-east-1:000000000000:servicesetting/ssm/parameter-store/high-throughput-enabled');
    expect(s).toEqual({
      SettingId: '/ssm/parameter-store/high-throughput-enabled',
      SettingValue: 'false',
      LastModifiedDate: new Date(1555532818578),
      LastModifiedUser: 'System',
      ARN: 'arn:aws:ssm:us-east-1:000000000000:servicesetting/ssm/parameter-store/high-throughput-enabled',
      Status: 'Default',
    });
    const got = await t.ssm.send(new GetServiceSettingCommand({ SettingId: '/ssm/parameter-store/high-throughput-enabled' }));
    expect(got.ServiceSetting).toEqual(s);
  });

  it('is a no-op on a setting at its default', async () => {
    expect((await reset('/ssm/opsinsights/opscenter')).Status).toBe('Default');
  });

  it('reverts the advanced-instances tier after 30 minutes, answering PendingUpdate first', async () => {
    await t.ssm.send(new UpdateServiceSettingCommand({ SettingId: TIER, SettingValue: 'advanced' }));
    expect(await reset(TIER)).toMatchObject({ SettingValue: 'advanced', Status: 'PendingUpdate' });
    await expectError(reset(TIER), 'TooManyUpdates');
    await t.advance(30 * 60);
    expect((await t.ssm.send(new GetServiceSettingCommand({ SettingId: TIER }))).ServiceSetting).toMatchObject({ SettingValue: 'standard', Status: 'Default', LastModifiedUser: 'System' });
  });

  it('answers ServiceSettingNotFound for an unknown id', async () => {
    await expectError(reset('/ssm/unknown'), 'ServiceSettingNotFound');
  });
});
