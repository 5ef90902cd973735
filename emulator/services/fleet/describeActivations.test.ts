import { describe, expect, it } from 'vitest';
import { CreateActivationCommand, DescribeActivationsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';

const t = useEmulator();

describe('DescribeActivations', () => {
  it('lists activations in creation order and marks them Expired once the clock passes ExpirationDate', async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R' }));
    const b = await t.ssm.send(new CreateActivationCommand({ IamRole: 'R', ExpirationDate: new Date(Date.UTC(2025, 0, 3)) }));
    let list = (await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList!;
    expect(list.map((x) => [x.ActivationId, x.Expired])).toEqual([
      [a.ActivationId, false],
      [b.ActivationId, false],
    ]);
    await t.advance(86400);
    list = (await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList!;
    expect(list.map((x) => x.Expired)).toEqual([true, false]);
    await t.advance(86400);
    list = (await t.ssm.send(new DescribeActivationsCommand({}))).ActivationList!;
    expect(list.map((x) => x.Expired)).toEqual([true, true]);
  });

  it('filters by ActivationIds, DefaultInstanceName and IamRole', async () => {
    const a = await t.ssm.send(new CreateActivationCommand({ IamRole: 'RoleA', DefaultInstanceName: 'web' }));
    const b = await t.ssm.send(new CreateActivationCommand({ IamRole: 'RoleB', DefaultInstanceName: 'db' }));
    const q = async (FilterKey: 'ActivationIds' | 'DefaultInstanceName' | 'IamRole', FilterValues: string[]) =>
      (await t.ssm.send(new DescribeActivationsCommand({ Filters: [{ FilterKey, FilterValues }] }))).ActivationList!.map((x) => x.ActivationId);
    expect(await q('ActivationIds', [b.ActivationId!])).toEqual([b.ActivationId]);
    expect(await q('DefaultInstanceName', ['web'])).toEqual([a.ActivationId]);
    expect(await q('IamRole', ['RoleA', 'RoleB'])).toEqual([a.ActivationId, b.ActivationId]);
    expect(await q('IamRole', ['RoleC'])).toEqual([]);
  });

  it('pages with MaxResults and NextToken', async () => {
    for (let i = 0; i < 3; i++) await t.ssm.send(new CreateActivationCommand({ IamRole: 'R' }));
    const first = await t.ssm.send(new DescribeActivationsCommand({ MaxResults: 2 }));
    expect(first.ActivationList).toHaveLength(2);
    const second = await t.ssm.send(new DescribeActivationsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(second.ActivationList).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
  });

  it('refuses a filter without a key or values with InvalidFilter, and a bad token with InvalidNextToken', async () => {
    await expectError(t.ssm.send(new DescribeActivationsCommand({ Filters: [{ FilterValues: ['x'] }] })), 'InvalidFilter', 'FilterKey must be specified for each filter.');
    await expectError(t.ssm.send(new DescribeActivationsCommand({ Filters: [{ FilterKey: 'IamRole', FilterValues: [] }] })), 'InvalidFilter');
    await expectError(t.ssm.send(new DescribeActivationsCommand({ NextToken: 'x' })), 'InvalidNextToken');
    const res = await t.rpc('DescribeActivations', { Filters: [{ FilterKey: 'Color', FilterValues: ['x'] }] });
    expect(res.body.__type).toBe('ValidationException');
  });
});
