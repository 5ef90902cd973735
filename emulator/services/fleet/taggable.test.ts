import { describe, expect, it } from 'vitest';
import {
  AddTagsToResourceCommand,
  DescribeInstanceInformationCommand,
  ListTagsForResourceCommand,
  RemoveTagsFromResourceCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError } from '../../testing/fleet.js';
import { onFleetChange, type FleetChange } from '../../sim/fleet/state.js';
import { resolveTargets } from '../../sim/fleet/targets.js';

const t = useEmulator();

describe('tags of hybrid nodes (ResourceType ManagedInstance)', () => {
  it('are added, listed and removed through the tagging API; filters and targets see them at once', async () => {
    await addNode(t.http, { InstanceId: 'mi-00000000000000001', Tags: { Env: 'dev' } });
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: 'mi-00000000000000001', Tags: [{ Key: 'Role', Value: 'build' }] }));
    const listed = await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: 'mi-00000000000000001' }));
    expect(listed.TagList).toEqual([
      { Key: 'Env', Value: 'dev' },
      { Key: 'Role', Value: 'build' },
    ]);
    const filtered = await t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'tag:Role', Values: ['build'] }] }));
    expect(filtered.InstanceInformationList!.map((i) => i.InstanceId)).toEqual(['mi-00000000000000001']);
    const ctx = t.emu.context('000000000000', 'us-east-1');
    expect(resolveTargets(ctx, { Targets: [{ Key: 'tag:Role', Values: ['build'] }] }).ids).toEqual(['mi-00000000000000001']);
    await t.ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: 'mi-00000000000000001', TagKeys: ['Role'] }));
    expect(resolveTargets(ctx, { Targets: [{ Key: 'tag:Role', Values: ['build'] }] }).ids).toEqual([]);
  });

  it('notify fleet listeners when they change', async () => {
    const seen: FleetChange[] = [];
    onFleetChange(t.emu, (_ctx, change) => seen.push(change));
    await addNode(t.http, { InstanceId: 'mi-00000000000000001' });
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: 'mi-00000000000000001', Tags: [{ Key: 'a', Value: 'b' }] }));
    expect(seen).toContainEqual({ type: 'added', instanceId: 'mi-00000000000000001' });
    expect(seen).toContainEqual({ type: 'tags-changed', instanceId: 'mi-00000000000000001' });
  });

  it('are not reachable for EC2 instances (EC2 tags), nor for unknown nodes', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    await expectError(
      t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: 'i-00000000000000001', Tags: [{ Key: 'a', Value: 'b' }] })),
      'InvalidResourceType',
    );
    await expectError(
      t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: 'mi-0ffffffffffffffff' })),
      'InvalidResourceId',
    );
  });
});
