/**
 * What the settings change elsewhere, as AWS documents it: Parameter Store's default tier, the
 * activation tier's quota of hybrid nodes, and blocked public sharing of documents.
 */
import { describe, expect, it } from 'vitest';
import {
  CreateActivationCommand,
  CreateDocumentCommand,
  DescribeDocumentPermissionCommand,
  GetParameterCommand,
  ModifyDocumentPermissionCommand,
  PutParameterCommand,
  UpdateServiceSettingCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, loadFixture } from '../../testing/fleet.js';
import { commandDoc } from '../documents/testdata.js';

const t = useEmulator();
const setting = (SettingId: string, SettingValue: string) => t.ssm.send(new UpdateServiceSettingCommand({ SettingId, SettingValue }));
const tierOf = async (Name: string) => {
  const out = await t.ssm.send(new PutParameterCommand({ Name, Value: 'x', Type: 'String', Overwrite: true }));
  return out.Tier;
};

describe('default parameter tier (/ssm/parameter-store/default-parameter-tier)', () => {
  it('decides the tier of a PutParameter without Tier; an explicit Tier still wins', async () => {
    expect(await tierOf('/std')).toBe('Standard');
    await setting('/ssm/parameter-store/default-parameter-tier', 'Advanced');
    expect(await tierOf('/adv')).toBe('Advanced');
    const explicit = await t.ssm.send(new PutParameterCommand({ Name: '/explicit', Value: 'x', Type: 'String', Tier: 'Standard' }));
    expect(explicit.Tier).toBe('Standard');
  });

  it('with Intelligent-Tiering, a parameter is standard unless the request needs the advanced tier', async () => {
    await setting('/ssm/parameter-store/default-parameter-tier', 'Intelligent-Tiering');
    expect(await tierOf('/small')).toBe('Standard');
    const big = await t.ssm.send(new PutParameterCommand({ Name: '/big', Value: 'x'.repeat(5000), Type: 'String' }));
    expect(big.Tier).toBe('Advanced');
    // A standard parameter that grows past 4 KB is upgraded, not refused.
    const grown = await t.ssm.send(new PutParameterCommand({ Name: '/small', Value: 'y'.repeat(4097), Type: 'String', Overwrite: true }));
    expect(grown.Tier).toBe('Advanced');
    expect((await t.ssm.send(new GetParameterCommand({ Name: '/small' }))).Parameter!.Version).toBe(2);
  });

  it('is per account and Region', async () => {
    await setting('/ssm/parameter-store/default-parameter-tier', 'Advanced');
    const eu = t.client({ region: 'eu-west-1' });
    expect((await eu.send(new PutParameterCommand({ Name: '/p', Value: 'x', Type: 'String' }))).Tier).toBe('Standard');
  });
});

describe('activation tier (/ssm/managed-instance/activation-tier)', () => {
  const register = async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'SSMServiceRole' }));
    return t.http.post('/_emulator/fleet/register').send({ ActivationId: a.ActivationId, ActivationCode: a.ActivationCode });
  };

  it('the standard tier takes at most 1,000 hybrid nodes; the advanced tier takes more', async () => {
    await loadFixture(t.http, { groups: [{ Count: 1000, ResourceType: 'ManagedInstance' }] });
    const refused = await register();
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: 'InstanceTierLimitExceeded',
      message: 'The standard-instances tier allows at most 1000 hybrid-activated nodes per account and Region. Change the service setting /ssm/managed-instance/activation-tier to advanced to register more.',
    });
    await setting('/ssm/managed-instance/activation-tier', 'advanced');
    expect((await register()).status).toBe(200);
  });

  it('EC2 instances do not count against the quota', async () => {
    await loadFixture(t.http, { groups: [{ Count: 1000, ResourceType: 'EC2Instance' }] });
    expect((await register()).status).toBe(200);
  });
});

describe('public sharing permission (/ssm/documents/console/public-sharing-permission)', () => {
  const share = (input: { AccountIdsToAdd?: string[]; AccountIdsToRemove?: string[] }) =>
    t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'doc', PermissionType: 'Share', ...input }));

  it('Disable blocks sharing with All, not sharing with accounts or stopping a public share', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'doc', Content: commandDoc() }));
    await share({ AccountIdsToAdd: ['All'] });
    await setting('/ssm/documents/console/public-sharing-permission', 'Disable');
    await share({ AccountIdsToRemove: ['all'] });
    await expectError(share({ AccountIdsToAdd: ['All'] }), 'InvalidPermissionType', /Public sharing of documents is blocked/);
    await share({ AccountIdsToAdd: ['111122223333'] });
    const perms = await t.ssm.send(new DescribeDocumentPermissionCommand({ Name: 'doc', PermissionType: 'Share' }));
    expect(perms.AccountIds).toEqual(['111122223333']);
    await setting('/ssm/documents/console/public-sharing-permission', 'Enable');
    await share({ AccountIdsToAdd: ['All'] });
  });
});
