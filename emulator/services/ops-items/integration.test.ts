/**
 * OpsCenter as other capabilities and tagging reach it: the opsItemCreator port (Automation creates
 * OpsItems through it) and tags on OpsItems and OpsMetadata.
 */
import { describe, expect, it } from 'vitest';
import { AddTagsToResourceCommand, CreateOpsMetadataCommand, GetOpsItemCommand, ListTagsForResourceCommand, RemoveTagsFromResourceCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { opsItemCreator } from '../../sim/ops-items/creator.js';
import { createItem, dedup } from './testkit.js';

const t = useEmulator();

describe('opsItemCreator port', () => {
  it('creates an OpsItem as CreateOpsItem would, and answers the open duplicate for a repeated dedup string', async () => {
    const creator = t.emu.ports.one(opsItemCreator)!;
    const ctx = t.emu.context('000000000000', 'us-east-1');
    const id = creator.create(ctx, { Title: 'Automation failed', Description: 'AWS-RestartEC2Instance failed', Source: 'SSM', OperationalData: dedup('auto-1') });
    expect((await t.ssm.send(new GetOpsItemCommand({ OpsItemId: id }))).OpsItem).toMatchObject({ Title: 'Automation failed', Status: 'Open' });
    expect(creator.create(ctx, { Title: 'again', Description: 'd', Source: 'SSM', OperationalData: dedup('auto-1') })).toBe(id);
    expect(() => creator.create(ctx, { Title: 't', Description: 'd', Source: 'aws.ssm' })).toThrow(/can't contain aws/);
  });
});

describe('tags of OpsItems and OpsMetadata', () => {
  it('adds, lists and removes tags of an OpsItem by its id', async () => {
    const { OpsItemId } = await createItem(t.ssm, { Tags: [{ Key: 'A', Value: '1' }] });
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'OpsItem', ResourceId: OpsItemId, Tags: [{ Key: 'B', Value: '2' }] }));
    await t.ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: 'OpsItem', ResourceId: OpsItemId, TagKeys: ['A'] }));
    expect((await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'OpsItem', ResourceId: OpsItemId }))).TagList).toEqual([{ Key: 'B', Value: '2' }]);
    await expectError(t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'OpsItem', ResourceId: 'oi-0123456789ab' })), 'InvalidResourceId');
    await expectError(t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'OpsItem', ResourceId: 'i-0123' })), 'InvalidResourceType');
  });

  it('tags OpsMetadata by its resource id, at most 5 tags', async () => {
    await t.ssm.send(new CreateOpsMetadataCommand({ ResourceId: '/aws/ssm/G/appmanager' }));
    const Tags = Array.from({ length: 5 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'OpsMetadata', ResourceId: '/aws/ssm/G/appmanager', Tags }));
    await expectError(t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'OpsMetadata', ResourceId: 'aws/ssm/G/appmanager', Tags: [{ Key: 'k9', Value: 'v' }] })), 'TooManyTagsError');
  });
});
