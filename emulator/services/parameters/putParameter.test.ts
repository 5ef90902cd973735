import { describe, expect, it } from 'vitest';
import { PutParameterCommand, GetParameterCommand, DescribeParametersCommand, GetParameterHistoryCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { errorOf } from './testkit.js';

const t = useEmulator();
const put = (input: Partial<ConstructorParameters<typeof PutParameterCommand>[0]> & { Name: string; Value?: string }) =>
  t.ssm.send(new PutParameterCommand({ Value: 'v', Type: 'String', ...input } as ConstructorParameters<typeof PutParameterCommand>[0]));
const get = (Name: string, WithDecryption?: boolean) => t.ssm.send(new GetParameterCommand({ Name, WithDecryption }));

describe('PutParameter', () => {
  it('creates version 1 in the standard tier and GetParameter reads it back', async () => {
    const out = await put({ Name: '/app/db/host', Value: 'db.internal' });
    expect(out).toMatchObject({ Version: 1, Tier: 'Standard' });
    const { Parameter } = await get('/app/db/host');
    expect(Parameter).toEqual({
      Name: '/app/db/host',
      Type: 'String',
      Value: 'db.internal',
      Version: 1,
      LastModifiedDate: new Date(TEST_START_SECONDS * 1000),
      ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/app/db/host',
      DataType: 'text',
    });
  });
});
