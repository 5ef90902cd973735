import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetGroupCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('GetGroup', () => {
  it('finds a group by name, by ARN, and by the deprecated GroupName', async () => {
    const { Group } = await rg.send(new CreateGroupCommand({ Name: 'g', Description: 'd' }));
    expect((await rg.send(new GetGroupCommand({ Group: 'g' }))).Group).toEqual(Group);
    expect((await rg.send(new GetGroupCommand({ Group: Group!.GroupArn }))).Group).toEqual(Group);
    expect((await rg.send(new GetGroupCommand({ GroupName: 'g' }))).Group).toEqual(Group);
  });

  it('answers NotFoundException (404) for an unknown group or another region\'s ARN', async () => {
    await expectError(rg.send(new GetGroupCommand({ Group: 'nope' })), 'NotFoundException', 'Cannot find group nope.', 404);
    await rg.send(new CreateGroupCommand({ Name: 'g' }));
    await expectError(rg.send(new GetGroupCommand({ Group: 'arn:aws:resource-groups:eu-west-1:000000000000:group/g' })), 'NotFoundException', undefined, 404);
  });

  it('needs exactly one of Group and GroupName', async () => {
    await expectError(rg.send(new GetGroupCommand({})), 'BadRequestException', 'You must specify either Group or GroupName.');
    await expectError(rg.send(new GetGroupCommand({ Group: 'a', GroupName: 'a' })), 'BadRequestException', 'Specify only one of Group and GroupName.');
  });
});
