import { describe, expect, it } from 'vitest';
import { DeleteParameterCommand, GetResourcePoliciesCommand, PutParameterCommand, PutResourcePolicyCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from '../parameters/testkit.js';
import { paramArn, sharePolicy } from './testkit.js';

const t = useEmulator();

describe('GetResourcePolicies', () => {
  it('lists policies in the order attached, paged with MaxResults and NextToken', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/p', Value: 'v', Type: 'String', Tier: 'Advanced' }));
    const arn = paramArn('/p');
    const ids: string[] = [];
    for (const a of ['111111111111', '222222222222', '333333333333']) {
      ids.push((await t.ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, [a]) }))).PolicyId!);
    }
    const first = await t.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: arn, MaxResults: 2 }));
    expect(first.Policies?.map((p) => p.PolicyId)).toEqual(ids.slice(0, 2));
    const second = await t.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: arn, MaxResults: 2, NextToken: first.NextToken }));
    expect(second.Policies?.map((p) => p.PolicyId)).toEqual(ids.slice(2));
    expect(second.NextToken).toBeUndefined();
  });

  it('answers an empty list for a resource without policies', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/p', Value: 'v', Type: 'String' }));
    expect((await t.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: paramArn('/p') }))).Policies).toEqual([]);
  });

  it('answers ResourceNotFoundException once the parameter is gone, and refuses tokens it did not issue', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/p', Value: 'v', Type: 'String', Tier: 'Advanced' }));
    await t.ssm.send(new PutResourcePolicyCommand({ ResourceArn: paramArn('/p'), Policy: sharePolicy(paramArn('/p'), ['111111111111']) }));
    expect((await errorOf(t.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: paramArn('/p'), NextToken: 'bogus' })))).name).toBe(
      'ResourcePolicyInvalidParameterException',
    );
    await t.ssm.send(new DeleteParameterCommand({ Name: '/p' }));
    expect((await errorOf(t.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: paramArn('/p') })))).name).toBe('ResourceNotFoundException');
    expect((await errorOf(t.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: 'arn:aws:s3:::bucket-name-here' })))).name).toBe(
      'ResourcePolicyInvalidParameterException',
    );
  });
});
