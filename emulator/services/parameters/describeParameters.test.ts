import { describe, expect, it } from 'vitest';
import {
  DescribeParametersCommand,
  PutParameterCommand,
  type DescribeParametersCommandInput,
  type ParameterMetadata,
  type PutParameterCommandInput,
} from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { errorOf } from './testkit.js';

const t = useEmulator();
const put = (input: Partial<PutParameterCommandInput> & { Name: string }) => t.ssm.send(new PutParameterCommand({ Value: 'v', Type: 'String', ...input }));
const describeParams = (input: DescribeParametersCommandInput = {}) => t.ssm.send(new DescribeParametersCommand(input));
/** Follows NextToken to the end, as SDK paginators do (pages may be short or empty). */
async function all(input: DescribeParametersCommandInput = {}): Promise<ParameterMetadata[]> {
  const out: ParameterMetadata[] = [];
  let NextToken: string | undefined;
  do {
    const page = await describeParams({ ...input, NextToken });
    out.push(...page.Parameters!);
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}
const names = async (input: DescribeParametersCommandInput = {}) => (await all(input)).map((p) => p.Name);

async function fixture() {
  await put({ Name: '/prod/web/url', Value: 'u' });
  await put({ Name: '/prod/web/key', Type: 'SecureString', Value: 'k', KeyId: 'alias/web' });
  await put({ Name: '/prod/db/host', Type: 'StringList', Value: 'a,b', Tags: [{ Key: 'team', Value: 'data' }] });
  await put({ Name: '/prod/big', Value: 'b', Tier: 'Advanced' });
  await put({ Name: '/dev/web/url', Value: 'u', Tags: [{ Key: 'team', Value: 'web' }] });
  await put({ Name: 'toplevel', Value: 'ami-12345678', DataType: 'aws:ec2:image' });
}

describe('DescribeParameters', () => {
  it('describes every parameter with its metadata, never its value', async () => {
    await put({ Name: '/m/p', Value: 'secret-ish', Description: 'd', AllowedPattern: '.*' });
    const [p] = await all();
    expect(p).toEqual({
      Name: '/m/p',
      ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/m/p',
      Type: 'String',
      LastModifiedDate: new Date(TEST_START_SECONDS * 1000),
      LastModifiedUser: 'arn:aws:iam::000000000000:root',
      Description: 'd',
      AllowedPattern: '.*',
      Version: 1,
      Tier: 'Standard',
      Policies: [],
      DataType: 'text',
    });
  });

  it('filters by Name with Equals (with or without the leading slash), BeginsWith and Contains', async () => {
    await fixture();
    expect(await names({ ParameterFilters: [{ Key: 'Name', Values: ['/prod/web/url'] }] })).toEqual(['/prod/web/url']);
    expect(await names({ ParameterFilters: [{ Key: 'Name', Values: ['/toplevel'] }] })).toEqual(['toplevel']);
    expect(await names({ ParameterFilters: [{ Key: 'Name', Option: 'BeginsWith', Values: ['/prod/web'] }] })).toEqual(['/prod/web/key', '/prod/web/url']);
    expect(await names({ ParameterFilters: [{ Key: 'Name', Option: 'Contains', Values: ['web'] }] })).toEqual(['/dev/web/url', '/prod/web/key', '/prod/web/url']);
  });

  it('filters by Path, OneLevel by default, or Recursive', async () => {
    await fixture();
    expect(await names({ ParameterFilters: [{ Key: 'Path', Values: ['/prod'] }] })).toEqual(['/prod/big']);
    expect(await names({ ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: ['/prod'] }] })).toEqual([
      '/prod/big',
      '/prod/db/host',
      '/prod/web/key',
      '/prod/web/url',
    ]);
    expect(await names({ ParameterFilters: [{ Key: 'Path', Values: ['/prod/web', '/dev/web'] }] })).toEqual(['/dev/web/url', '/prod/web/key', '/prod/web/url']);
    expect(await names({ ParameterFilters: [{ Key: 'Path', Values: ['/'] }] })).toEqual(['toplevel']);
  });

  it('filters by Type, KeyId, Tier, DataType and tags', async () => {
    await fixture();
    expect(await names({ ParameterFilters: [{ Key: 'Type', Values: ['SecureString'] }] })).toEqual(['/prod/web/key']);
    expect(await names({ ParameterFilters: [{ Key: 'KeyId', Values: ['alias/web'] }] })).toEqual(['/prod/web/key']);
    expect(await names({ ParameterFilters: [{ Key: 'Tier', Values: ['Advanced'] }] })).toEqual(['/prod/big']);
    expect(await names({ ParameterFilters: [{ Key: 'DataType', Values: ['aws:ec2:image'] }] })).toEqual(['toplevel']);
    expect(await names({ ParameterFilters: [{ Key: 'tag:team', Values: ['data'] }] })).toEqual(['/prod/db/host']);
    expect(await names({ ParameterFilters: [{ Key: 'tag:team', Option: 'BeginsWith', Values: ['w'] }] })).toEqual(['/dev/web/url']);
    // a tag filter without values: every parameter with the tag key
    expect(await names({ ParameterFilters: [{ Key: 'tag:team' }] })).toEqual(['/dev/web/url', '/prod/db/host']);
    // several filters: all must match
    expect(
      await names({
        ParameterFilters: [
          { Key: 'Path', Option: 'Recursive', Values: ['/prod'] },
          { Key: 'Type', Option: 'BeginsWith', Values: ['String'] },
        ],
      }),
    ).toEqual(['/prod/big', '/prod/db/host', '/prod/web/url']);
  });

  it('accepts the legacy Filters (Name begins with, Type, KeyId), but not together with ParameterFilters', async () => {
    await fixture();
    expect(await names({ Filters: [{ Key: 'Name', Values: ['/prod/web'] }] })).toEqual(['/prod/web/key', '/prod/web/url']);
    expect(await names({ Filters: [{ Key: 'Type', Values: ['StringList'] }] })).toEqual(['/prod/db/host']);
    expect(await names({ Filters: [{ Key: 'KeyId', Values: ['alias/web'] }] })).toEqual(['/prod/web/key']);
    const e = await errorOf(describeParams({ Filters: [{ Key: 'Type', Values: ['String'] }], ParameterFilters: [{ Key: 'Type', Values: ['String'] }] }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toBe('You can use either Filters or ParameterFilters in a single request.');
  });

  it('answers 10 per page without MaxResults, as AWS does, and lists names as they were created', async () => {
    for (let i = 0; i < 11; i++) await put({ Name: `/page/p${String(i).padStart(2, '0')}` });
    await put({ Name: 'rootless' });
    const first = await describeParams();
    expect(first.Parameters).toHaveLength(10);
    expect(first.NextToken).toBeDefined();
    expect((await all()).map((p) => p.Name)).toContain('rootless');
  });

  it('applies MaxResults before filtering, like AWS: pages can be short or empty and still carry a NextToken', async () => {
    for (let i = 0; i < 6; i++) await put({ Name: `/mx/p${i}`, Type: i === 5 ? 'StringList' : 'String' });
    const first = await describeParams({ MaxResults: 3, ParameterFilters: [{ Key: 'Type', Values: ['StringList'] }] });
    expect(first.Parameters).toEqual([]);
    expect(first.NextToken).toBeDefined();
    expect(await names({ MaxResults: 3, ParameterFilters: [{ Key: 'Type', Values: ['StringList'] }] })).toEqual(['/mx/p5']);
    const unfiltered = await describeParams({ MaxResults: 4 });
    expect(unfiltered.Parameters).toHaveLength(4);
    expect((await describeParams({ MaxResults: 4, NextToken: unfiltered.NextToken })).Parameters).toHaveLength(2);
  });

  it('refuses filters the way AWS does', async () => {
    const cases: [DescribeParametersCommandInput['ParameterFilters'], string, string | RegExp][] = [
      [[{ Key: 'Label', Values: ['x'] }], 'InvalidFilterKey', 'The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].'],
      [[{ Key: 'Name' }], 'InvalidFilterValue', 'The following filter values are missing : null for filter key Name.'],
      [[{ Key: 'Type', Values: ['String'] }, { Key: 'Type', Values: ['String'] }], 'InvalidFilterKey', /duplicated in the request: Type/],
      [[{ Key: 'Path', Option: 'Equals', Values: ['/a'] }], 'InvalidFilterOption', 'The following filter option is not valid: Equals. Valid options include: [Recursive, OneLevel].'],
      [[{ Key: 'Type', Option: 'Contains', Values: ['String'] }], 'InvalidFilterOption', 'The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals].'],
      [[{ Key: 'Tier', Values: ['Premium'] }], 'InvalidFilterValue', 'The following filter value is not valid: Premium. Valid values include: [Standard, Advanced, Intelligent-Tiering].'],
      [[{ Key: 'DataType', Values: ['json'] }], 'InvalidFilterValue', /Valid values include: \[text, aws:ec2:image, aws:ssm:integration\]/],
      [[{ Key: 'Path', Values: ['/aws/service'] }], 'ValidationException', /^Filters for common parameters can't be prefixed with "aws" or "ssm"/],
      [[{ Key: 'Path', Values: ['no-slash'] }], 'ValidationException', /^The parameter doesn't meet the parameter name requirements/],
      [[{ Key: 'tag-key', Values: ['x'] }], 'ValidationException', /failed to satisfy constraint: Member must satisfy regular expression pattern/],
    ];
    for (const [filters, code, message] of cases) {
      const e = await errorOf(describeParams({ ParameterFilters: filters }));
      expect(e.name, JSON.stringify(filters)).toBe(code);
      if (typeof message === 'string') expect(e.message).toBe(message);
      else expect(e.message).toMatch(message);
    }
    expect((await errorOf(describeParams({ NextToken: 'nonsense' }))).name).toBe('InvalidNextToken');
    expect((await errorOf(describeParams({ MaxResults: 51 }))).name).toBe('ValidationException');
  });

  it('reports policies with their status', async () => {
    const policies = JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2030-01-01T00:00:00.000Z' } }]);
    await put({ Name: '/pol', Tier: 'Advanced', Policies: policies });
    const [p] = await all();
    expect(p.Policies).toEqual([
      { PolicyText: '{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00.000Z"}}', PolicyType: 'Expiration', PolicyStatus: 'Pending' },
    ]);
  });
});
