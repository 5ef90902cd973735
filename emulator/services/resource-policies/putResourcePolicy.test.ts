import { describe, expect, it } from 'vitest';
import {
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersCommand,
  GetResourcePoliciesCommand,
  PutParameterCommand,
  PutResourcePolicyCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from '../parameters/testkit.js';
import { paramArn, sharePolicy } from './testkit.js';

const t = useEmulator();
const OWNER = '111111111111';
const READER = '222222222222';
const owner = () => t.client({ account: OWNER });
const reader = () => t.client({ account: READER });
const putAdvanced = (Name: string, extra: Record<string, unknown> = {}) =>
  owner().send(new PutParameterCommand({ Name, Value: 'shared-value', Type: 'String', Tier: 'Advanced', ...extra }));

describe('PutResourcePolicy', () => {
  it('attaches a policy and returns its PolicyId and PolicyHash', async () => {
    await putAdvanced('/share/me');
    const arn = paramArn('/share/me', OWNER);
    const out = await owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, [READER]) }));
    expect(out.PolicyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.PolicyHash).toMatch(/^[0-9a-f]{64}$/);
    const got = await owner().send(new GetResourcePoliciesCommand({ ResourceArn: arn }));
    expect(got.Policies).toEqual([{ PolicyId: out.PolicyId, PolicyHash: out.PolicyHash, Policy: sharePolicy(arn, [READER]) }]);
  });

  it('lets the granted account read the parameter by its full ARN, and nobody else', async () => {
    await putAdvanced('/share/me');
    const arn = paramArn('/share/me', OWNER);
    expect((await errorOf(reader().send(new GetParameterCommand({ Name: arn })))).name).toBe('AccessDeniedException');
    await owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, [READER]) }));
    const { Parameter } = await reader().send(new GetParameterCommand({ Name: arn }));
    expect(Parameter).toMatchObject({ Name: arn, Value: 'shared-value', ARN: arn, Version: 1 });
    expect((await reader().send(new GetParametersCommand({ Names: [arn] }))).Parameters?.[0].Value).toBe('shared-value');
    // by name it is the reader's own (absent) parameter
    expect((await errorOf(reader().send(new GetParameterCommand({ Name: '/share/me' })))).name).toBe('ParameterNotFound');
    // a third account is still denied; GetParameterHistory was not granted
    expect((await errorOf(t.client({ account: '333333333333' }).send(new GetParameterCommand({ Name: arn })))).name).toBe('AccessDeniedException');
    expect((await errorOf(reader().send(new GetParameterHistoryCommand({ Name: arn })))).name).toBe('AccessDeniedException');
  });

  it('shares with DescribeParameters Shared=true', async () => {
    await putAdvanced('/share/me');
    await putAdvanced('/share/not');
    const arn = paramArn('/share/me', OWNER);
    await owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, [READER]) }));
    const shared = await reader().send(new DescribeParametersCommand({ Shared: true }));
    expect(shared.Parameters?.map((p) => [p.Name, p.ARN, p.Tier])).toEqual([[arn, arn, 'Advanced']]);
    expect((await reader().send(new DescribeParametersCommand({}))).Parameters).toEqual([]);
  });

  it('updates a policy given its PolicyId and current PolicyHash; a stale hash is a conflict', async () => {
    await putAdvanced('/share/me');
    const arn = paramArn('/share/me', OWNER);
    const first = await owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, [READER]) }));
    const second = await owner().send(
      new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, ['333333333333']), PolicyId: first.PolicyId, PolicyHash: first.PolicyHash }),
    );
    expect(second.PolicyId).toBe(first.PolicyId);
    expect(second.PolicyHash).not.toBe(first.PolicyHash);
    const stale = await errorOf(
      owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, [READER]), PolicyId: first.PolicyId, PolicyHash: first.PolicyHash })),
    );
    expect(stale.name).toBe('ResourcePolicyConflictException');
    const missingHash = await errorOf(owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, [READER]), PolicyId: first.PolicyId })));
    expect(missingHash.name).toBe('ResourcePolicyConflictException');
    const unknown = await errorOf(
      owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, [READER]), PolicyId: 'nope', PolicyHash: 'x' })),
    );
    expect(unknown.name).toBe('ResourcePolicyNotFoundException');
    expect((await errorOf(reader().send(new GetParameterCommand({ Name: arn })))).name).toBe('AccessDeniedException');
  });

  it('requires an advanced parameter, and a customer managed key for a SecureString', async () => {
    await owner().send(new PutParameterCommand({ Name: '/std', Value: 'v', Type: 'String' }));
    const std = await errorOf(owner().send(new PutResourcePolicyCommand({ ResourceArn: paramArn('/std', OWNER), Policy: sharePolicy(paramArn('/std', OWNER), [READER]) })));
    expect(std.name).toBe('ResourcePolicyInvalidParameterException');
    expect(std.ParameterNames).toEqual(['ResourceArn']);
    await putAdvanced('/sec', { Type: 'SecureString' });
    const sec = await errorOf(owner().send(new PutResourcePolicyCommand({ ResourceArn: paramArn('/sec', OWNER), Policy: sharePolicy(paramArn('/sec', OWNER), [READER]) })));
    expect(sec.name).toBe('ResourcePolicyInvalidParameterException');
    await putAdvanced('/sec-cmk', { Type: 'SecureString', Value: 'pw', KeyId: 'alias/shared-key' });
    const arn = paramArn('/sec-cmk', OWNER);
    await owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, [READER]) }));
    expect((await reader().send(new GetParameterCommand({ Name: arn, WithDecryption: true }))).Parameter?.Value).toBe('pw');
  });

  it('answers ResourceNotFoundException for a parameter that does not exist or is not the caller\'s', async () => {
    const arn = paramArn('/nothing', OWNER);
    expect((await errorOf(owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, [READER]) })))).name).toBe('ResourceNotFoundException');
    await putAdvanced('/share/me');
    const theirs = paramArn('/share/me', OWNER);
    expect((await errorOf(reader().send(new PutResourcePolicyCommand({ ResourceArn: theirs, Policy: sharePolicy(theirs, [READER]) })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('refuses ARNs of resources that take no resource policy', async () => {
    const e = await errorOf(owner().send(new PutResourcePolicyCommand({ ResourceArn: 'arn:aws:ssm:us-east-1:111111111111:document/MyDoc', Policy: '{}' })));
    expect(e.name).toBe('ResourcePolicyInvalidParameterException');
  });

  it('refuses malformed policy documents', async () => {
    await putAdvanced('/share/me');
    const arn = paramArn('/share/me', OWNER);
    const bad = [
      'not json',
      '[]',
      JSON.stringify({ Version: '2012-10-17' }),
      JSON.stringify({ Statement: [{ Effect: 'Maybe', Principal: '*', Action: 'ssm:GetParameter', Resource: arn }] }),
      JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: arn }] }),
      JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'bob' }, Action: 'ssm:GetParameter', Resource: arn }] }),
      JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ssm:PutParameter', Resource: arn }] }),
      JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ssm:GetParameter', Resource: paramArn('/other', OWNER) }] }),
      JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ssm:GetParameter', Resource: arn, Condition: {} }] }),
    ];
    for (const Policy of bad) {
      const e = await errorOf(owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy })));
      expect(e.name, Policy).toBe('MalformedResourcePolicyDocumentException');
    }
    expect((await owner().send(new GetResourcePoliciesCommand({ ResourceArn: arn }))).Policies).toEqual([]);
  });

  it('matches many wildcards in a Resource against a long ARN at once (not on RegExp)', async () => {
    // ^.*a.*a...b$ over hundreds of a's is a polynomial of degree 30 for a backtracking engine.
    const name = '/' + 'a'.repeat(900);
    await putAdvanced(name);
    const arn = paramArn(name, OWNER);
    const wild = `arn:aws:ssm:us-east-1:${OWNER}:parameter/${'*a'.repeat(30)}b`;
    const e = await errorOf(owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(wild, [READER]) })));
    expect(e.name).toBe('MalformedResourcePolicyDocumentException');
    await owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(`arn:aws:ssm:us-east-1:${OWNER}:parameter/${'*a'.repeat(30)}`, [READER]) }));
    expect((await reader().send(new GetParameterCommand({ Name: arn }))).Parameter?.Value).toBe('shared-value');
  });

  it('refuses a policy larger than 1024 bytes (ResourcePolicyLimitExceededException)', async () => {
    await putAdvanced('/share/me');
    const arn = paramArn('/share/me', OWNER);
    const accounts = Array.from({ length: 40 }, (_, i) => String(100000000000 + i));
    const e = await errorOf(owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: sharePolicy(arn, accounts) })));
    expect(e.name).toBe('ResourcePolicyLimitExceededException');
    expect(e.Limit).toBe(1024);
  });

  it('allows one OpsItemGroup policy', async () => {
    const arn = 'arn:aws:ssm:us-east-1:111111111111:opsitemgroup/default';
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: READER }, Action: ['ssm:GetOpsItem', 'ssm:CreateOpsItem'], Resource: arn }] });
    await owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: policy }));
    const e = await errorOf(owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: policy })));
    expect(e.name).toBe('ResourcePolicyLimitExceededException');
  });

  it('an explicit Deny wins over an Allow', async () => {
    await putAdvanced('/share/me');
    const arn = paramArn('/share/me', OWNER);
    const policy = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'ssm:Get*', Resource: arn },
        { Effect: 'Deny', Principal: { AWS: READER }, Action: 'ssm:GetParameter', Resource: arn },
      ],
    });
    await owner().send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: policy }));
    expect((await errorOf(reader().send(new GetParameterCommand({ Name: arn })))).name).toBe('AccessDeniedException');
    expect((await t.client({ account: '333333333333' }).send(new GetParameterCommand({ Name: arn }))).Parameter?.Value).toBe('shared-value');
  });
});
