import { describe, expect, it } from 'vitest';
import { DeleteResourcePolicyCommand, GetParameterCommand, GetResourcePoliciesCommand, PutParameterCommand, PutResourcePolicyCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from '../parameters/testkit.js';
import { paramArn, sharePolicy } from './testkit.js';

const t = useEmulator();

describe('DeleteResourcePolicy', () => {
  it('removes a policy given its current hash, which ends the sharing', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/p', Value: 'v', Type: 'String', Tier: 'Advanced' }));
    const arn = paramArn('/p');
    const put = await t.ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, ['222222222222']) }));
    const reader = t.client({ account: '222222222222' });
    expect((await reader.send(new GetParameterCommand({ Name: arn }))).Parameter?.Value).toBe('v');
    await t.ssm.send(new DeleteResourcePolicyCommand({ ResourceArn: arn, PolicyId: put.PolicyId, PolicyHash: put.PolicyHash }));
    expect((await t.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: arn }))).Policies).toEqual([]);
    expect((await errorOf(reader.send(new GetParameterCommand({ Name: arn })))).name).toBe('AccessDeniedException');
  });

  it('answers ResourcePolicyConflictException for a stale hash and ResourcePolicyNotFoundException for an unknown id', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/p', Value: 'v', Type: 'String', Tier: 'Advanced' }));
    const arn = paramArn('/p');
    const put = await t.ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, ['222222222222']) }));
    expect((await errorOf(t.ssm.send(new DeleteResourcePolicyCommand({ ResourceArn: arn, PolicyId: put.PolicyId, PolicyHash: 'stale' })))).name).toBe(
      'ResourcePolicyConflictException',
    );
    expect((await errorOf(t.ssm.send(new DeleteResourcePolicyCommand({ ResourceArn: arn, PolicyId: 'nope', PolicyHash: put.PolicyHash })))).name).toBe(
      'ResourcePolicyNotFoundException',
    );
    expect((await t.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: arn }))).Policies).toHaveLength(1);
  });

  it('answers ResourceNotFoundException for a parameter that does not exist', async () => {
    const e = await errorOf(t.ssm.send(new DeleteResourcePolicyCommand({ ResourceArn: paramArn('/none'), PolicyId: 'x', PolicyHash: 'y' })));
    expect(e.name).toBe('ResourceNotFoundException');
  });
});
