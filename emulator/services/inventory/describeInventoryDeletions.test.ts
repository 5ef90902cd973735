import { describe, expect, it } from 'vitest';
import { DeleteInventoryCommand, DescribeInventoryDeletionsCommand, PutInventoryCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { customItem, expectError, iid, smallFleet } from './testkit.js';

const t = useEmulator();

async function threeDeletions(): Promise<string[]> {
  await smallFleet(t.http);
  const ids: string[] = [];
  for (const name of ['Custom:A', 'Custom:B', 'Custom:C']) {
    await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(1), Items: [customItem(undefined, { TypeName: name })] }));
    ids.push((await t.ssm.send(new DeleteInventoryCommand({ TypeName: name }))).DeletionId!);
    await t.advance(60);
  }
  return ids;
}

describe('DescribeInventoryDeletions', () => {
  it('lists the deletions of the last 30 days, oldest first, in pages', async () => {
    const ids = await threeDeletions();
    const first = await t.ssm.send(new DescribeInventoryDeletionsCommand({ MaxResults: 2 }));
    expect(first.InventoryDeletions!.map((d) => d.DeletionId)).toEqual(ids.slice(0, 2));
    const rest = await t.ssm.send(new DescribeInventoryDeletionsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(rest.InventoryDeletions!.map((d) => [d.DeletionId, d.TypeName])).toEqual([[ids[2], 'Custom:C']]);
    expect(rest.NextToken).toBeUndefined();
    await t.advance(31 * 24 * 3600);
    expect((await t.ssm.send(new DescribeInventoryDeletionsCommand({}))).InventoryDeletions).toEqual([]);
  });

  it('one deletion by id; an unknown id is InvalidDeletionIdException', async () => {
    const ids = await threeDeletions();
    await t.advance(300);
    const one = await t.ssm.send(new DescribeInventoryDeletionsCommand({ DeletionId: ids[1] }));
    expect(one.InventoryDeletions).toEqual([expect.objectContaining({ DeletionId: ids[1], TypeName: 'Custom:B', LastStatus: 'Complete' })]);
    await expectError(t.ssm.send(new DescribeInventoryDeletionsCommand({ DeletionId: '00000000-0000-0000-0000-000000000000' })), 'InvalidDeletionIdException');
    await expectError(t.ssm.send(new DescribeInventoryDeletionsCommand({ NextToken: 'nope' })), 'InvalidNextToken');
  });
});
