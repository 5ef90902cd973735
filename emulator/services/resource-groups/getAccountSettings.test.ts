import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetAccountSettingsCommand, UpdateAccountSettingsCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { rgClient } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('GetAccountSettings', () => {
  it('answers group lifecycle events off by default, per account and Region', async () => {
    expect((await rg.send(new GetAccountSettingsCommand({}))).AccountSettings).toEqual({ GroupLifecycleEventsDesiredStatus: 'INACTIVE', GroupLifecycleEventsStatus: 'INACTIVE' });
    await rg.send(new UpdateAccountSettingsCommand({ GroupLifecycleEventsDesiredStatus: 'ACTIVE' }));
    await t.advance(30);
    expect((await rg.send(new GetAccountSettingsCommand({}))).AccountSettings!.GroupLifecycleEventsStatus).toBe('ACTIVE');
    const eu = rgClient(t.endpoint, { region: 'eu-west-1' });
    try {
      expect((await eu.send(new GetAccountSettingsCommand({}))).AccountSettings!.GroupLifecycleEventsStatus).toBe('INACTIVE');
    } finally {
      eu.destroy();
    }
  });
});
