import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupResourcesCommand, ListGroupingStatusesCommand, UngroupResourcesCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError, rgClient } from '../../testing/fleet.js';
import { CAPACITY_POOL, createConfigured, ec2, reservation } from './rgtestkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('ListGroupingStatuses', () => {
  it('answers the last action on each resource, with failures explained, filtered by status and ARN', async () => {
    await createConfigured(rg, 'pool', CAPACITY_POOL);
    await rg.send(new GroupResourcesCommand({ Group: 'pool', ResourceArns: [reservation('cr-00000000000000001'), reservation('cr-00000000000000002'), ec2('i-00000000000000001')] }));
    await t.advance(10);
    await rg.send(new UngroupResourcesCommand({ Group: 'pool', ResourceArns: [reservation('cr-00000000000000002')] }));
    const out = await rg.send(new ListGroupingStatusesCommand({ Group: 'pool' }));
    expect(out.Group).toBe('pool');
    expect(out.GroupingStatuses!.map((s) => [s.ResourceArn, s.Action, s.Status, s.ErrorCode])).toEqual([
      [reservation('cr-00000000000000001'), 'GROUP', 'SUCCESS', undefined],
      [reservation('cr-00000000000000002'), 'UNGROUP', 'SUCCESS', undefined],
      [ec2('i-00000000000000001'), 'GROUP', 'FAILED', 'ResourceNotFound'],
    ]);
    expect(out.GroupingStatuses![1].UpdatedAt!.getTime() / 1000).toBe(TEST_START_SECONDS + 10);
    const failed = await rg.send(new ListGroupingStatusesCommand({ Group: 'pool', Filters: [{ Name: 'status', Values: ['FAILED'] }] }));
    expect(failed.GroupingStatuses!.map((s) => s.ResourceArn)).toEqual([ec2('i-00000000000000001')]);
    const one = await rg.send(new ListGroupingStatusesCommand({ Group: 'pool', Filters: [{ Name: 'resource-arn', Values: [reservation('cr-00000000000000001')] }] }));
    expect(one.GroupingStatuses).toHaveLength(1);
    const page = await rg.send(new ListGroupingStatusesCommand({ Group: 'pool', MaxResults: 2 }));
    expect(page.GroupingStatuses).toHaveLength(2);
    expect((await rg.send(new ListGroupingStatusesCommand({ Group: 'pool', MaxResults: 2, NextToken: page.NextToken }))).GroupingStatuses).toHaveLength(1);
  });

  it('answers BadRequestException for an unknown group (the operation models no NotFoundException) or a filter given twice', async () => {
    await expectError(rg.send(new ListGroupingStatusesCommand({ Group: 'nope' })), 'BadRequestException', 'Cannot find group nope.');
    await createConfigured(rg, 'pool', CAPACITY_POOL);
    await expectError(
      rg.send(new ListGroupingStatusesCommand({ Group: 'pool', Filters: [{ Name: 'status', Values: ['FAILED'] }, { Name: 'status', Values: ['SUCCESS'] }] })),
      'BadRequestException',
      /more than once/,
    );
  });
});
