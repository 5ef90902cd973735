import { describe, expect, it } from 'vitest';
import { GetOpsItemCommand, UpdateOpsItemCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { opsItems } from '../../sim/ops-items/state.js';
import { ADMIN, createItem, dedup, OWNER, shareOpsItems } from './testkit.js';

const t = useEmulator();
const get = (OpsItemId: string, client = t.ssm) => client.send(new GetOpsItemCommand({ OpsItemId })).then((o) => o.OpsItem!);

describe('CreateOpsItem', () => {
  it('creates an Open /aws/issue OpsItem with an oi- id and answers its id and ARN', async () => {
    const out = await createItem(t.ssm, {
      Priority: 2,
      Severity: '3',
      Category: 'Availability',
      OperationalData: { '/aws/resources': { Value: JSON.stringify([{ arn: 'arn:aws:dynamodb:us-east-1:000000000000:table/OpsItems' }]), Type: 'SearchableString' } },
      Notifications: [{ Arn: 'arn:aws:sns:us-east-1:000000000000:ops' }],
      Tags: [{ Key: 'Team', Value: 'ops' }],
    });
    expect(out.OpsItemId).toMatch(/^oi-[0-9a-f]{12}$/);
    expect(out.OpsItemArn).toBe(`arn:aws:ssm:us-east-1:000000000000:opsitem/${out.OpsItemId}`);
    const item = await get(out.OpsItemId!);
    expect(item).toEqual({
      OpsItemId: out.OpsItemId,
      OpsItemArn: out.OpsItemArn,
      OpsItemType: '/aws/issue',
      Title: 'Disk full',
      Description: 'The root volume is full',
      Source: 'EC2',
      Status: 'Open',
      Priority: 2,
      Severity: '3',
      Category: 'Availability',
      Version: '1',
      CreatedBy: 'arn:aws:iam::000000000000:root',
      LastModifiedBy: 'arn:aws:iam::000000000000:root',
      CreatedTime: new Date(TEST_START_SECONDS * 1000),
      LastModifiedTime: new Date(TEST_START_SECONDS * 1000),
      Notifications: [{ Arn: 'arn:aws:sns:us-east-1:000000000000:ops' }],
      RelatedOpsItems: [],
      OperationalData: { '/aws/resources': { Value: '[{"arn":"arn:aws:dynamodb:us-east-1:000000000000:table/OpsItems"}]', Type: 'SearchableString' } },
    });
  });

  it('keeps the change-request times and the type it is given', async () => {
    const PlannedStartTime = new Date((TEST_START_SECONDS + 3600) * 1000);
    const out = await createItem(t.ssm, { OpsItemType: '/aws/changerequest', PlannedStartTime, PlannedEndTime: new Date((TEST_START_SECONDS + 7200) * 1000) });
    expect(await get(out.OpsItemId!)).toMatchObject({ OpsItemType: '/aws/changerequest', PlannedStartTime, Status: 'Open' });
  });

  it('does not create a duplicate of an Open or InProgress OpsItem with the same dedup string', async () => {
    const first = await createItem(t.ssm, { OperationalData: dedup('disk full') });
    const err = await expectError(createItem(t.ssm, { OperationalData: dedup('disk full') }), 'OpsItemAlreadyExistsException', /already exists/);
    expect(err.OpsItemId).toBe(first.OpsItemId);
    await t.ssm.send(new UpdateOpsItemCommand({ OpsItemId: first.OpsItemId, Status: 'InProgress' }));
    await expectError(createItem(t.ssm, { OperationalData: dedup('disk full') }), 'OpsItemAlreadyExistsException');
    // Another dedup string is another issue.
    await createItem(t.ssm, { OperationalData: dedup('cpu high') });
    // A resolved OpsItem does not block a new one.
    await t.ssm.send(new UpdateOpsItemCommand({ OpsItemId: first.OpsItemId, Status: 'Resolved' }));
    const again = await createItem(t.ssm, { OperationalData: dedup('disk full') });
    expect(again.OpsItemId).not.toBe(first.OpsItemId);
  });

  it.each([
    ['a reserved operational data key', { OperationalData: { 'aws:thing': { Value: 'x', Type: 'String' as const } } }, /reserved/, 'OperationalData'],
    ['a /ssm key', { OperationalData: { '/ssm/x': { Value: 'x' } } }, /reserved/, 'OperationalData'],
    ['/aws/resources that is not a JSON list of {"arn"}', { OperationalData: { '/aws/resources': { Value: '{"arn":"x"}' } } }, /JSON array/, 'OperationalData'],
    ['/aws/dedup without a dedupString', { OperationalData: { '/aws/dedup': { Value: '{"x":1}' } } }, /dedupString/, 'OperationalData'],
    ['a source naming AWS', { Source: 'AWS-Health' }, /can't contain aws, amazon, or amzn/, 'Source'],
    ['an unknown OpsItem type', { OpsItemType: '/custom/type' }, /isn't supported/, 'OpsItemType'],
    ['a topic in another Region', { Notifications: [{ Arn: 'arn:aws:sns:eu-west-1:000000000000:ops' }] }, /same AWS Region/, 'Notifications'],
    ['a notification that is not a topic', { Notifications: [{ Arn: 'arn:aws:sqs:us-east-1:000000000000:q' }] }, /not the ARN of an Amazon SNS topic/, 'Notifications'],
    ['a related OpsItem that does not exist', { RelatedOpsItems: [{ OpsItemId: 'oi-000000000000' }] }, /doesn't exist/, 'RelatedOpsItems'],
    ['a workflow key on an issue', { OperationalData: { '/aws/changerequest': { Value: '{}' } } }, /reserved/, 'OperationalData'],
  ])('refuses %s (OpsItemInvalidParameterException) and creates nothing', async (_what, extra, message, parameter) => {
    const err = await expectError(createItem(t.ssm, extra), 'OpsItemInvalidParameterException', message);
    expect(err.ParameterNames).toEqual([parameter]);
    expect(Object.keys(opsItems.of(t.emu.context('000000000000', 'us-east-1').scope).items)).toEqual([]);
  });

  it('takes /aws/dedup, /aws/resources and /aws/automations, and a change request\'s workflow object', async () => {
    const automations = JSON.stringify([{ automationType: 'AWS:SSM:Automation', automationId: 'AWS-RestartEC2Instance' }]);
    await createItem(t.ssm, { OperationalData: { ...dedup('x'), '/aws/automations': { Value: automations, Type: 'SearchableString' }, notes: { Value: 'n' } } });
    await createItem(t.ssm, { OpsItemType: '/aws/changerequest', OperationalData: { '/aws/changerequest': { Value: '{"templateName":"T"}' } } });
  });

  it('enforces AWS\'s quotas with OpsItemLimitExceededException', async () => {
    const big = { big: { Value: 'x'.repeat(20 * 1024 + 1), Type: 'String' as const } };
    expect((await expectError(createItem(t.ssm, { OperationalData: big }), 'OpsItemLimitExceededException', /20 KB/)).Limit).toBe(20480);
    const resources = JSON.stringify(Array.from({ length: 101 }, (_, i) => ({ arn: `arn:aws:ec2:us-east-1:000000000000:instance/i-${i}` })));
    await expectError(createItem(t.ssm, { OperationalData: { '/aws/resources': { Value: resources } } }), 'OpsItemLimitExceededException', /at most 100/);
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectError(createItem(t.ssm, { Tags: tags }), 'OpsItemLimitExceededException', /at most 50 tags/);
    const ids = [];
    for (let i = 0; i < 11; i++) ids.push((await createItem(t.ssm, { Title: `t${i}` })).OpsItemId!);
    await expectError(createItem(t.ssm, { RelatedOpsItems: ids.map((OpsItemId) => ({ OpsItemId })) }), 'OpsItemLimitExceededException', /at most 10 related/);
  });

  it('refuses more than 10,000 OpsItems a month, and creates again the next month', async () => {
    opsItems.of(t.emu.context('000000000000', 'us-east-1').scope).createdPerMonth['2025-01'] = 10_000;
    const err = await expectError(createItem(t.ssm), 'OpsItemLimitExceededException', /10000 OpsItems per AWS account per month/);
    expect(err).toMatchObject({ Limit: 10000, LimitType: 'OpsItemsPerMonth' });
    await t.advance(31 * 86400);
    await createItem(t.ssm);
  });

  it("creates in another account (AccountId) only when that account's OpsItemGroup policy allows it", async () => {
    const owner = t.client({ account: OWNER });
    const admin = t.client({ account: ADMIN });
    await expectError(createItem(admin, { AccountId: OWNER }), 'OpsItemAccessDeniedException', /don't have permission/);
    await shareOpsItems(owner, OWNER, ADMIN, ['ssm:CreateOpsItem', 'ssm:GetOpsItem']);
    const out = await createItem(admin, { AccountId: OWNER });
    expect(out.OpsItemArn).toBe(`arn:aws:ssm:us-east-1:${OWNER}:opsitem/${out.OpsItemId}`);
    expect(await get(out.OpsItemId!, owner)).toMatchObject({ CreatedBy: `arn:aws:iam::${ADMIN}:root` });
    await expectError(get(out.OpsItemId!, admin), 'OpsItemNotFoundException');
    // Its own account needs no policy.
    await createItem(owner, { AccountId: OWNER });
  });

  it('refuses what the model forbids with ValidationException', async () => {
    await expectError(createItem(t.ssm, { Title: '' }), 'ValidationException', /title/);
    await expectError(createItem(t.ssm, { Priority: 6 }), 'ValidationException', /priority/);
    await expectError(createItem(t.ssm, { AccountId: '12' }), 'ValidationException', /accountId/);
  });
});
