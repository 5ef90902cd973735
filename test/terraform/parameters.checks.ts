import { expect } from 'vitest';
import { GetParameterCommand, GetParametersByPathCommand, DescribeDocumentCommand } from '@aws-sdk/client-ssm';
import type { TerraformChecks } from './checks.js';

export const checks: TerraformChecks = {
  name: 'parameters and documents',
  async afterApply({ ssm, outputs }) {
    const secret = await ssm.send(new GetParameterCommand({ Name: '/tf/app/secret', WithDecryption: true }));
    expect(secret.Parameter).toMatchObject({ Type: 'SecureString', Value: 's3cr3t' });
    expect(outputs.plain_arn).toBe('arn:aws:ssm:us-east-1:000000000000:parameter/tf/app/plain');
    const doc = await ssm.send(new DescribeDocumentCommand({ Name: 'tf-hello' }));
    expect(doc.Document).toMatchObject({ DocumentType: 'Command', Tags: [{ Key: 'Owner', Value: 'terraform' }] });
  },
  async afterDestroy({ ssm }) {
    const left = await ssm.send(new GetParametersByPathCommand({ Path: '/tf', Recursive: true }));
    expect(left.Parameters).toEqual([]);
  },
};
