import { describe, expect, it } from 'vitest';
import { DescribeOpsItemsCommand, UpdateOpsItemCommand, type OpsItemFilter } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { ADMIN, createItem, OWNER, shareOpsItems } from './testkit.js';

const t = useEmulator();
const ids = async (filters: OpsItemFilter[], client = t.ssm) =>
  (await client.send(new DescribeOpsItemsCommand({ OpsItemFilters: filters }))).OpsItemSummaries!.map((s) => s.Title);
const f = (Key: OpsItemFilter['Key'], Values: string[], Operator: OpsItemFilter['Operator'] = 'Equal'): OpsItemFilter => ({ Key, Values, Operator });
const resources = (...arns: string[]) => ({ '/aws/resources': { Value: JSON.stringify(arns.map((arn) => ({ arn }))), Type: 'SearchableString' as const } });

/** Three OpsItems a minute apart: a (EC2, P1, disk), b (SSM, P2, cpu, InProgress), c (EC2, P3, resolved). */
async function seed() {
  const a = await createItem(t.ssm, {
    Title: 'a disk full',
    Source: 'EC2',
    Priority: 1,
    Severity: '2',
    Category: 'Availability',
    OperationalData: {
      ...resources('arn:aws:ec2:us-east-1:000000000000:instance/i-0abc'),
      '/aws/automations': { Value: JSON.stringify([{ automationType: 'AWS:SSM:Automation', automationId: 'AWS-RestartEC2Instance' }]), Type: 'SearchableString' },
      env: { Value: 'prod', Type: 'SearchableString' },
      hidden: { Value: 'secret', Type: 'String' },
    },
  });
  await t.advance(60);
  const b = await createItem(t.ssm, { Title: 'b cpu high', Source: 'SSM', Priority: 2, Category: 'Performance', OperationalData: { env: { Value: 'staging', Type: 'SearchableString' } } });
  await t.ssm.send(new UpdateOpsItemCommand({ OpsItemId: b.OpsItemId, Status: 'InProgress' }));
  await t.advance(60);
  const c = await createItem(t.ssm, { Title: 'c disk resolved', Source: 'EC2', Priority: 3, OpsItemType: '/aws/insight' });
  await t.ssm.send(new UpdateOpsItemCommand({ OpsItemId: c.OpsItemId, Status: 'Resolved' }));
  return { a: a.OpsItemId!, b: b.OpsItemId!, c: c.OpsItemId! };
}

describe('DescribeOpsItems', () => {
  it('lists summaries newest first, with searchable operational data only', async () => {
    await seed();
    const out = await t.ssm.send(new DescribeOpsItemsCommand({}));
    expect(out.OpsItemSummaries!.map((s) => s.Title)).toEqual(['c disk resolved', 'b cpu high', 'a disk full']);
    const a = out.OpsItemSummaries![2];
    expect(Object.keys(a.OperationalData!).sort()).toEqual(['/aws/automations', '/aws/resources', 'env']);
    expect(a).toMatchObject({ Source: 'EC2', Status: 'Open', Priority: 1, Severity: '2', Category: 'Availability', OpsItemType: '/aws/issue', CreatedBy: 'arn:aws:iam::000000000000:root' });
    expect(a.CreatedTime!.getTime() / 1000).toBe(TEST_START_SECONDS);
  });

  it.each([
    [[f('Status', ['Open', 'InProgress'])], ['b cpu high', 'a disk full']],
    [[f('Source', ['EC2'])], ['c disk resolved', 'a disk full']],
    [[f('Source', ['S'], 'Contains')], ['b cpu high']],
    [[f('Priority', ['2', '3'])], ['c disk resolved', 'b cpu high']],
    [[f('Title', ['disk'], 'Contains')], ['c disk resolved', 'a disk full']],
    [[f('Title', ['b cpu high'])], ['b cpu high']],
    [[f('Category', ['Perf'], 'Contains')], ['b cpu high']],
    [[f('Severity', ['2'])], ['a disk full']],
    [[f('OpsItemType', ['/aws/insight'])], ['c disk resolved']],
    [[f('OperationalData', ['{"key":"env","value":"prod"}'])], ['a disk full']],
    [[f('OperationalDataKey', ['env'])], ['b cpu high', 'a disk full']],
    [[f('OperationalDataValue', ['stag'], 'Contains')], ['b cpu high']],
    [[f('OperationalDataKey', ['hidden'])], []],
    [[f('OperationalDataValue', ['secret'])], []],
    [[f('ResourceId', ['i-0abc'], 'Contains')], ['a disk full']],
    [[f('AutomationId', ['AWS-RestartEC2Instance'])], ['a disk full']],
    [[f('CreatedTime', ['2025-01-01T00:00:30Z'], 'GreaterThan')], ['c disk resolved', 'b cpu high']],
    [[f('CreatedTime', ['2025-01-01T00:01:30Z'], 'LessThan')], ['b cpu high', 'a disk full']],
    [[f('LastModifiedTime', ['2025-01-01T00:01:30Z'], 'GreaterThan')], ['c disk resolved']],
    [[f('CreatedBy', ['000000000000'], 'Contains')], ['c disk resolved', 'b cpu high', 'a disk full']],
    [[f('AccountId', ['000000000000'])], ['c disk resolved', 'b cpu high', 'a disk full']],
    [[f('Source', ['EC2']), f('Status', ['Open'])], ['a disk full']],
  ])('filters %j', async (filters, expected) => {
    const { a } = await seed();
    expect(await ids(filters)).toEqual(expected);
    // By id too.
    expect(await ids([f('OpsItemId', [a])])).toEqual(['a disk full']);
  });

  it("Title's Equal matches the first 100 characters and refuses a longer value", async () => {
    const long = 'x'.repeat(100);
    await createItem(t.ssm, { Title: `${long}and more` });
    expect(await ids([f('Title', [long])])).toHaveLength(1);
    await expectError(ids([f('Title', [`${long}a`])]), 'ValidationException', /exceeds the length limit/);
  });

  it('filters change requests by the workflow fields they carry', async () => {
    await createItem(t.ssm, {
      Title: 'cr',
      OpsItemType: '/aws/changerequest',
      OperationalData: { '/aws/changerequest': { Value: JSON.stringify({ templateName: 'PatchTemplate', approverName: ['alice', 'bob'] }) } },
    });
    await createItem(t.ssm, { Title: 'issue' });
    expect(await ids([f('ChangeRequestByTemplate', ['PatchTemplate'])])).toEqual(['cr']);
    expect(await ids([f('ChangeRequestByApproverName', ['bob'])])).toEqual(['cr']);
    expect(await ids([f('ChangeRequestByRequesterArn', ['x'])])).toEqual([]);
  });

  it('refuses an operator the key does not take, a bad value, or no values (ValidationException)', async () => {
    await expectError(ids([f('Status', ['Open'], 'Contains')]), 'ValidationException', /operator Contains isn't supported for the OpsItem filter key Status/);
    await expectError(ids([f('Status', ['Done'])]), 'ValidationException', /Done isn't valid/);
    await expectError(ids([f('CreatedTime', ['yesterday'], 'GreaterThan')]), 'ValidationException', /yesterday/);
    await expectError(ids([f('OperationalData', ['env=prod'])]), 'ValidationException', /\{"key":"key_name","value":"a_value"\}/);
    await expectError(ids([f('Source', [])]), 'ValidationException', /at least one value/);
    await expectError(ids([{ Key: 'Nope' as OpsItemFilter['Key'], Values: ['x'], Operator: 'Equal' }]), 'ValidationException', /enum value set/);
  });

  it('pages with MaxResults and NextToken, and refuses a token it did not issue', async () => {
    for (let i = 0; i < 5; i++) await createItem(t.ssm, { Title: `t${i}` });
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const out = await t.ssm.send(new DescribeOpsItemsCommand({ MaxResults: 2, NextToken }));
      expect(out.OpsItemSummaries!.length).toBeLessThanOrEqual(2);
      seen.push(...out.OpsItemSummaries!.map((s) => s.Title!));
      NextToken = out.NextToken;
    } while (NextToken);
    expect(seen).toEqual(['t4', 't3', 't2', 't1', 't0']);
    await expectError(t.ssm.send(new DescribeOpsItemsCommand({ NextToken: 'bogus' })), 'ValidationException', /NextToken/);
  });

  it("includes another account's OpsItems with an AccountId filter when its OpsItemGroup policy allows it", async () => {
    const owner = t.client({ account: OWNER });
    const admin = t.client({ account: ADMIN });
    await createItem(owner, { Title: 'member item' });
    await createItem(admin, { Title: 'admin item' });
    await expectError(ids([f('AccountId', [OWNER])], admin), 'OpsItemAccessDeniedException');
    await shareOpsItems(owner, OWNER, ADMIN, ['ssm:DescribeOpsItems']);
    expect(await ids([f('AccountId', [OWNER])], admin)).toEqual(['member item']);
    expect((await ids([f('AccountId', [OWNER, ADMIN])], admin)).sort()).toEqual(['admin item', 'member item']);
    expect(await ids([], admin)).toEqual(['admin item']);
  });
});
