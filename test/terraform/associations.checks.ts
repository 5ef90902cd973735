import { expect } from 'vitest';
import { DescribeAssociationCommand, ListAssociationsCommand } from '@aws-sdk/client-ssm';
import type { TerraformChecks } from './checks.js';

export const checks: TerraformChecks = {
  name: 'State Manager associations',
  async afterApply({ ssm, outputs }) {
    const id = outputs.web_check_association_id as string;
    const d = (await ssm.send(new DescribeAssociationCommand({ AssociationId: id }))).AssociationDescription!;
    expect(d).toMatchObject({
      Name: 'AWS-RunShellScript',
      AssociationName: 'tf-web-check',
      ScheduleExpression: 'cron(0 2 ? * * *)',
      ApplyOnlyAtCronInterval: true,
      MaxConcurrency: '2',
      MaxErrors: '1',
      ComplianceSeverity: 'HIGH',
      Targets: [{ Key: 'tag:Role', Values: ['web'] }],
      Parameters: { commands: ['systemctl is-active --quiet amazon-ssm-agent || systemctl start amazon-ssm-agent'] },
    });
    const all = (await ssm.send(new ListAssociationsCommand({}))).Associations!;
    expect(all.map((a) => a.Name)).toEqual(['AWS-RunShellScript', 'AWS-RunShellScript']);
  },
  async afterDestroy({ ssm }) {
    expect((await ssm.send(new ListAssociationsCommand({}))).Associations).toEqual([]);
  },
};
