import { describe, expect, it } from 'vitest';
import { CreateResourceDataSyncCommand, ListResourceDataSyncCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from './testkit.js';
import { fromSource, toS3 } from './syncTestkit.js';

const t = useEmulator();

describe('ListResourceDataSync', () => {
  it('lists by name, of one SyncType when asked, in pages', async () => {
    await t.ssm.send(new CreateResourceDataSyncCommand(toS3('c-sync')));
    await t.ssm.send(new CreateResourceDataSyncCommand(fromSource('b-sync')));
    await t.ssm.send(new CreateResourceDataSyncCommand(toS3('a-sync')));
    const first = await t.ssm.send(new ListResourceDataSyncCommand({ MaxResults: 2 }));
    expect(first.ResourceDataSyncItems!.map((s) => s.SyncName)).toEqual(['a-sync', 'b-sync']);
    const second = await t.ssm.send(new ListResourceDataSyncCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(second.ResourceDataSyncItems!.map((s) => s.SyncName)).toEqual(['c-sync']);
    expect(second.NextToken).toBeUndefined();
    expect((await t.ssm.send(new ListResourceDataSyncCommand({ SyncType: 'SyncToDestination' }))).ResourceDataSyncItems!.map((s) => s.SyncName)).toEqual(['a-sync', 'c-sync']);
  });

  it('errors: a foreign token, an unknown SyncType', async () => {
    await expectError(t.ssm.send(new ListResourceDataSyncCommand({ NextToken: 'x' })), 'InvalidNextToken');
    await expectError(t.ssm.send(new ListResourceDataSyncCommand({ SyncType: 'Sideways' })), 'ResourceDataSyncInvalidConfigurationException');
  });
});
