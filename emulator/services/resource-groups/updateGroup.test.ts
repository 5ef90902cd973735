import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetGroupCommand, UpdateGroupCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('UpdateGroup', () => {
  it('changes description, criticality, owner and display name, leaving the rest', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'g', Description: 'old', Owner: 'a' }));
    const out = await rg.send(new UpdateGroupCommand({ Group: 'g', Description: 'new', Criticality: 5, DisplayName: 'G' }));
    expect(out.Group).toEqual({ GroupArn: 'arn:aws:resource-groups:us-east-1:000000000000:group/g', Name: 'g', Description: 'new', Criticality: 5, Owner: 'a', DisplayName: 'G' });
    expect((await rg.send(new GetGroupCommand({ Group: 'g' }))).Group).toEqual(out.Group);
  });

  it('answers NotFoundException for an unknown group, BadRequestException for a bad description', async () => {
    await expectError(rg.send(new UpdateGroupCommand({ Group: 'nope', Description: 'x' })), 'NotFoundException', undefined, 404);
    await rg.send(new CreateGroupCommand({ Name: 'g' }));
    await expectError(rg.send(new UpdateGroupCommand({ Group: 'g', Description: 'no!' })), 'BadRequestException', /description/);
  });
});
