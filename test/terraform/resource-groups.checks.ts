import { expect } from 'vitest';
import { GetGroupConfigurationCommand, GetTagsCommand, ListGroupsCommand } from '@aws-sdk/client-resource-groups';
import { rgClient } from '../../emulator/testing/fleet.js';
import type { TerraformChecks } from './checks.js';

export const checks: TerraformChecks = {
  name: 'resource groups',
  async afterApply({ endpoint, outputs }) {
    const rg = rgClient(endpoint);
    try {
      expect(outputs.web_group_arn).toBe('arn:aws:resource-groups:us-east-1:000000000000:group/tf-web');
      expect((await rg.send(new GetTagsCommand({ Arn: outputs.web_group_arn as string }))).Tags).toEqual({ Owner: 'terraform' });
      const pool = await rg.send(new GetGroupConfigurationCommand({ Group: 'tf-pool' }));
      expect(pool.GroupConfiguration).toMatchObject({ Status: 'UPDATE_COMPLETE', Configuration: expect.arrayContaining([{ Type: 'AWS::EC2::CapacityReservationPool' }]) });
    } finally {
      rg.destroy();
    }
  },
  async afterDestroy({ endpoint }) {
    const rg = rgClient(endpoint);
    try {
      const names = (await rg.send(new ListGroupsCommand({}))).GroupIdentifiers!.map((g) => g.GroupName);
      expect(names.filter((n) => n!.startsWith('tf-'))).toEqual([]);
    } finally {
      rg.destroy();
    }
  },
};
