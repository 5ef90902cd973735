import { describe, expect, it } from 'vitest';
import { DescribeMaintenanceWindowTargetsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError, registerTagTarget } from './testkit.js';

const t = useEmulator();

const describeTargets = (input: ConstructorParameters<typeof DescribeMaintenanceWindowTargetsCommand>[0]) => t.ssm.send(new DescribeMaintenanceWindowTargetsCommand(input));

describe('DescribeMaintenanceWindowTargets', () => {
  it('lists targets in registration order and filters on Type, WindowTargetId and OwnerInformation', async () => {
    const w = await createWindow(t);
    const a = await registerTagTarget(t, w, ['Role', 'web'], 'CostCenter1');
    const b = await registerTagTarget(t, w, ['Role', 'db'], 'CostCenter2');
    expect((await describeTargets({ WindowId: w })).Targets!.map((x) => x.WindowTargetId)).toEqual([a, b]);
    expect((await describeTargets({ WindowId: w, Filters: [{ Key: 'OwnerInformation', Values: ['CostCenter1'] }] })).Targets!.map((x) => x.WindowTargetId)).toEqual([a]);
    expect((await describeTargets({ WindowId: w, Filters: [{ Key: 'WindowTargetId', Values: [b] }] })).Targets!.map((x) => x.WindowTargetId)).toEqual([b]);
    expect((await describeTargets({ WindowId: w, Filters: [{ Key: 'Type', Values: ['RESOURCE_GROUP'] }] })).Targets).toEqual([]);
  });

  it('pages with MaxResults and NextToken', async () => {
    const w = await createWindow(t);
    for (let i = 0; i < 11; i++) await registerTagTarget(t, w, ['N', String(i)]);
    const first = await describeTargets({ WindowId: w, MaxResults: 10 });
    const second = await describeTargets({ WindowId: w, MaxResults: 10, NextToken: first.NextToken });
    expect(first.Targets).toHaveLength(10);
    expect(second.Targets!.map((x) => x.Targets![0]!.Values)).toEqual([['10']]);
  });

  it('answers DoesNotExistException for an unknown window and ValidationException for bad filters', async () => {
    await expectError(describeTargets({ WindowId: 'mw-0123456789abcdef0' }), 'DoesNotExistException', 'Maintenance window mw-0123456789abcdef0 does not exist');
    const w = await createWindow(t);
    await expectError(describeTargets({ WindowId: w, Filters: [{ Key: 'Type', Values: ['VM'] }] }), 'ValidationException', /Invalid value VM for filter Type/);
    await expectError(describeTargets({ WindowId: w, Filters: [{ Key: 'Name', Values: ['x'] }] }), 'ValidationException', /filter key Name is not supported/);
  });
});
