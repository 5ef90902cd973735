import { expect } from 'vitest';
import { GetServiceSettingCommand } from '@aws-sdk/client-ssm';
import type { TerraformChecks } from './checks.js';

const SettingId = '/ssm/parameter-store/high-throughput-enabled';

export const checks: TerraformChecks = {
  name: 'service settings',
  async afterApply({ ssm }) {
    const { ServiceSetting } = await ssm.send(new GetServiceSettingCommand({ SettingId }));
    expect(ServiceSetting).toMatchObject({ SettingValue: 'true', Status: 'Customized' });
  },
  async afterDestroy({ ssm }) {
    const { ServiceSetting } = await ssm.send(new GetServiceSettingCommand({ SettingId }));
    expect(ServiceSetting).toMatchObject({ SettingValue: 'false', Status: 'Default' });
  },
};
