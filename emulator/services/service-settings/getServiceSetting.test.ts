import { describe, expect, it } from 'vitest';
import { GetServiceSettingCommand, UpdateServiceSettingCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { SETTING_IDS } from '../../sim/service-settings/catalog.js';

const t = useEmulator();
const get = (SettingId: string, client = t.ssm) => client.send(new GetServiceSettingCommand({ SettingId })).then((o) => o.ServiceSetting!);

describe('GetServiceSetting', () => {
  it("answers AWS's default for a setting nobody changed, as AWS's CLI example shows it", async () => {
    const s = await get('/ssm/managed-instance/activation-tier');
    expect(s).toEqual({
      SettingId: '/ssm/managed-instance/activation-tier',
      SettingValue: 'standard',
      LastModifiedDate: new Date(1555532818578),
      LastModifiedUser: 'System',
      ARN: 'arn:aws:ssm:us-east-1:000000000000:servicesetting/ssm/managed-instance/activation-tier',
      Status: 'Default',
    });
  });

  it.each([
    ['/ssm/parameter-store/default-parameter-tier', 'Standard'],
    ['/ssm/parameter-store/high-throughput-enabled', 'false'],
    ['/ssm/documents/console/public-sharing-permission', 'Enable'],
    ['/ssm/automation/customer-script-log-group-name', '/aws/ssm/automation/executeScript'],
    ['/ssm/managed-instance/default-ec2-instance-management-role', '$None'],
  ])('%s defaults to %s', async (id, value) => {
    expect((await get(id)).SettingValue).toBe(value);
  });

  it('knows every setting id the API reference lists', async () => {
    for (const id of SETTING_IDS) expect((await get(id)).Status).toBe('Default');
  });

  it('takes the full ARN of the setting in the caller\'s account and Region', async () => {
    const a = await get('arn:aws:ssm:us-east-1:000000000000:servicesetting/ssm/parameter-store/high-throughput-enabled');
    expect(a.SettingId).toBe('/ssm/parameter-store/high-throughput-enabled');
    const eu = t.client({ region: 'eu-west-1', account: '123456789012' });
    expect((await get('/ssm/opsinsights/opscenter', eu)).ARN).toBe('arn:aws:ssm:eu-west-1:123456789012:servicesetting/ssm/opsinsights/opscenter');
  });

  it('shows a customized value with its time and modifier, per account and Region', async () => {
    await t.advance(60);
    await t.ssm.send(new UpdateServiceSettingCommand({ SettingId: '/ssm/parameter-store/high-throughput-enabled', SettingValue: 'true' }));
    const s = await get('/ssm/parameter-store/high-throughput-enabled');
    expect(s).toMatchObject({ SettingValue: 'true', Status: 'Customized', LastModifiedUser: 'arn:aws:iam::000000000000:root' });
    expect(s.LastModifiedDate!.getTime() / 1000).toBe(TEST_START_SECONDS + 60);
    expect((await get('/ssm/parameter-store/high-throughput-enabled', t.client({ region: 'eu-west-1' }))).SettingValue).toBe('false');
  });

  it('answers ServiceSettingNotFound for an id AWS does not provision, or another account\'s ARN', async () => {
    await expectError(t.ssm.send(new GetServiceSettingCommand({ SettingId: '/ssm/nope' })), 'ServiceSettingNotFound', /wasn't found.*\/ssm\/nope/);
    await expectError(t.ssm.send(new GetServiceSettingCommand({ SettingId: 'ssm/parameter-store/default-parameter-tier' })), 'ServiceSettingNotFound');
    const other = 'arn:aws:ssm:us-east-1:111122223333:servicesetting/ssm/parameter-store/default-parameter-tier';
    await expectError(t.ssm.send(new GetServiceSettingCommand({ SettingId: other })), 'ServiceSettingNotFound');
    await expectError(t.ssm.send(new GetServiceSettingCommand({ SettingId: other.replace('us-east-1', 'eu-west-1') })), 'ServiceSettingNotFound');
  });

  it('refuses an empty id as the model does', async () => {
    await expectError(t.ssm.send(new GetServiceSettingCommand({ SettingId: '' })), 'ValidationException', /settingId/);
  });
});
