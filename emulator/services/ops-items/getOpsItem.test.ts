import { describe, expect, it } from 'vitest';
import { GetOpsItemCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { ADMIN, createItem, OWNER, shareOpsItems } from './testkit.js';

const t = useEmulator();

describe('GetOpsItem', () => {
  it('answers every operational data entry, String ones included', async () => {
    const { OpsItemId } = await createItem(t.ssm, { OperationalData: { secret: { Value: 'only here', Type: 'String' }, public: { Value: 'p', Type: 'SearchableString' } } });
    const { OpsItem } = await t.ssm.send(new GetOpsItemCommand({ OpsItemId }));
    expect(OpsItem!.OperationalData).toEqual({ secret: { Value: 'only here', Type: 'String' }, public: { Value: 'p', Type: 'SearchableString' } });
  });

  it('takes the OpsItem ARN too, which must name the same OpsItem', async () => {
    const { OpsItemId, OpsItemArn } = await createItem(t.ssm);
    expect((await t.ssm.send(new GetOpsItemCommand({ OpsItemId, OpsItemArn }))).OpsItem!.OpsItemId).toBe(OpsItemId);
    const other = OpsItemArn!.replace(OpsItemId!, 'oi-0123456789ab');
    const err = await expectError(t.ssm.send(new GetOpsItemCommand({ OpsItemId, OpsItemArn: other })), 'OpsItemInvalidParameterException', /doesn't name the OpsItem/);
    expect(err.ParameterNames).toEqual(['OpsItemArn']);
  });

  it('answers OpsItemNotFoundException for an unknown id, or an OpsItem of another Region', async () => {
    await expectError(t.ssm.send(new GetOpsItemCommand({ OpsItemId: 'oi-0123456789ab' })), 'OpsItemNotFoundException', /oi-0123456789ab/);
    const { OpsItemId } = await createItem(t.ssm);
    await expectError(t.client({ region: 'eu-west-1' }).send(new GetOpsItemCommand({ OpsItemId })), 'OpsItemNotFoundException');
  });

  it("reads another account's OpsItem by ARN only when its OpsItemGroup policy allows ssm:GetOpsItem", async () => {
    const owner = t.client({ account: OWNER });
    const admin = t.client({ account: ADMIN });
    const { OpsItemId, OpsItemArn } = await createItem(owner, { Title: 'owned' });
    await expectError(admin.send(new GetOpsItemCommand({ OpsItemId, OpsItemArn })), 'OpsItemAccessDeniedException');
    await shareOpsItems(owner, OWNER, ADMIN, ['ssm:DescribeOpsItems']);
    await expectError(admin.send(new GetOpsItemCommand({ OpsItemId, OpsItemArn })), 'OpsItemAccessDeniedException');
    await expectError(t.client({ account: '333333333333' }).send(new GetOpsItemCommand({ OpsItemId, OpsItemArn })), 'OpsItemAccessDeniedException');
  });

  it('answers the shared OpsItem, with the owner\'s ARN, once the policy allows it', async () => {
    const owner = t.client({ account: OWNER });
    const admin = t.client({ account: ADMIN });
    const { OpsItemId, OpsItemArn } = await createItem(owner, { Title: 'owned' });
    await shareOpsItems(owner, OWNER, ADMIN, ['ssm:Get*']);
    const got = (await admin.send(new GetOpsItemCommand({ OpsItemId, OpsItemArn }))).OpsItem!;
    expect(got).toMatchObject({ OpsItemId, Title: 'owned', OpsItemArn });
    await expectError(admin.send(new GetOpsItemCommand({ OpsItemId: 'oi-0123456789ab', OpsItemArn: OpsItemArn!.replace(OpsItemId!, 'oi-0123456789ab') })), 'OpsItemNotFoundException');
  });

  it('refuses a malformed id as the model does', async () => {
    await expectError(t.ssm.send(new GetOpsItemCommand({ OpsItemId: 'oi-XYZ' })), 'ValidationException', /opsItemId/);
  });
});
