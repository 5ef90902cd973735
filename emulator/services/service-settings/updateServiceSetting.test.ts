import { describe, expect, it } from 'vitest';
import { GetServiceSettingCommand, UpdateServiceSettingCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, loadFixture } from '../../testing/fleet.js';

const t = useEmulator();
const update = (SettingId: string, SettingValue: string) => t.ssm.send(new UpdateServiceSettingCommand({ SettingId, SettingValue }));
const get = (SettingId: string) => t.ssm.send(new GetServiceSettingCommand({ SettingId })).then((o) => o.ServiceSetting!);
const TIER = '/ssm/managed-instance/activation-tier';

describe('UpdateServiceSetting', () => {
  it('changes a setting and answers nothing', async () => {
    const out = await update('/ssm/parameter-store/default-parameter-tier', 'Intelligent-Tiering');
    expect(Object.keys(out).filter((k) => k !== '$metadata')).toEqual([]);
    expect(await get('/ssm/parameter-store/default-parameter-tier')).toMatchObject({ SettingValue: 'Intelligent-Tiering', Status: 'Customized' });
  });

  it('takes the full ARN, and values in any case (stored in AWS\'s spelling)', async () => {
    await update('arn:aws:ssm:us-east-1:000000000000:servicesetting/ssm/documents/console/public-sharing-permission', 'disable');
    expect((await get('/ssm/documents/console/public-sharing-permission')).SettingValue).toBe('Disable');
    await update('/ssm/parameter-store/high-throughput-enabled', 'TRUE');
    expect((await get('/ssm/parameter-store/high-throughput-enabled')).SettingValue).toBe('true');
  });

  it.each([
    ['/ssm/automation/customer-script-log-destination', 'CloudWatch'],
    ['/ssm/automation/customer-script-log-group-name', 'my-log-group'],
    ['/ssm/managed-instance/default-ec2-instance-management-role', 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole'],
    ['/ssm/opsinsights/opscenter', 'Enabled'],
    ['/ssm/appmanager/appmanager-enabled', 'True'],
    ['/ssm/automation/enable-adaptive-concurrency', 'true'],
  ])('accepts %s = %s', async (id, value) => {
    await update(id, value);
    expect((await get(id)).SettingValue).toBe(value);
  });

  it.each([
    ['/ssm/parameter-store/default-parameter-tier', 'Premium', /Enter Standard, Advanced, or Intelligent-Tiering/],
    ['/ssm/parameter-store/high-throughput-enabled', 'yes', /Enter true or false/],
    ['/ssm/managed-instance/activation-tier', 'gold', /Enter standard or advanced/],
    ['/ssm/automation/customer-script-log-destination', 'S3', /Enter CloudWatch/],
    ['/ssm/automation/customer-script-log-group-name', 'bad name!', /log group/],
    ['/ssm/managed-instance/default-ec2-instance-management-role', 'not a role', /IAM role/],
  ])('refuses %s = %s with ValidationException and keeps the value', async (id, value, message) => {
    const before = await get(id);
    await expectError(update(id, value), 'ValidationException', message);
    expect(await get(id)).toEqual(before);
  });

  it('answers ServiceSettingNotFound for an unknown id', async () => {
    await expectError(update('/ssm/parameter-store/nope', 'true'), 'ServiceSettingNotFound');
  });

  it('turns the advanced-instances tier on at once, and reverts to standard 30 minutes later (PendingUpdate meanwhile)', async () => {
    await update(TIER, 'advanced');
    expect(await get(TIER)).toMatchObject({ SettingValue: 'advanced', Status: 'Customized' });
    await update(TIER, 'standard');
    expect(await get(TIER)).toMatchObject({ SettingValue: 'advanced', Status: 'PendingUpdate' });
    await expectError(update(TIER, 'advanced'), 'TooManyUpdates', /still being applied/);
    await t.advance(30 * 60 - 1);
    expect((await get(TIER)).Status).toBe('PendingUpdate');
    await t.advance(1);
    expect(await get(TIER)).toMatchObject({ SettingValue: 'standard', Status: 'Customized' });
  });

  it('refuses to revert to the standard tier while more than 1,000 hybrid nodes are registered', async () => {
    await update(TIER, 'advanced');
    await loadFixture(t.http, { groups: [{ Count: 1001, ResourceType: 'ManagedInstance' }] });
    await expectError(update(TIER, 'standard'), 'ValidationException', /1001 hybrid-activated nodes.*1000 or fewer/);
    expect(await get(TIER)).toMatchObject({ SettingValue: 'advanced', Status: 'Customized' });
  });
});
