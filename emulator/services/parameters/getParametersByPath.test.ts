import { describe, expect, it } from 'vitest';
import {
  DeleteParameterCommand,
  GetParametersByPathCommand,
  LabelParameterVersionCommand,
  PutParameterCommand,
  type GetParametersByPathCommandInput,
  type PutParameterCommandInput,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from './testkit.js';
import { putParameter } from '../../sim/parameters/model.js';

const t = useEmulator();
const put = (input: Partial<PutParameterCommandInput> & { Name: string }) => t.ssm.send(new PutParameterCommand({ Value: 'v', Type: 'String', ...input }));
const byPath = (input: GetParametersByPathCommandInput) => t.ssm.send(new GetParametersByPathCommand(input));
async function all(input: GetParametersByPathCommandInput): Promise<string[]> {
  const names: string[] = [];
  let NextToken = input.NextToken;
  do {
    const page = await byPath({ ...input, NextToken });
    names.push(...page.Parameters!.map((p) => p.Name!));
    NextToken = page.NextToken;
  } while (NextToken);
  return names;
}

async function tree() {
  for (const n of ['/app/a', '/app/b', '/app/sub/c', '/app/sub/deep/d', '/apple', '/other/x', 'root']) await put({ Name: n, Value: n });
}

describe('GetParametersByPath', () => {
  it('lists direct children only, in name order, without Recursive', async () => {
    await tree();
    expect(await all({ Path: '/app' })).toEqual(['/app/a', '/app/b']);
    expect(await all({ Path: '/app/' })).toEqual(['/app/a', '/app/b']);
  });

  it('lists every descendant with Recursive, and nothing of a sibling path sharing the prefix', async () => {
    await tree();
    expect(await all({ Path: '/app', Recursive: true })).toEqual(['/app/a', '/app/b', '/app/sub/c', '/app/sub/deep/d']);
  });

  it('lists the top level under "/" (single-level names count as /name)', async () => {
    await tree();
    expect(await all({ Path: '/' })).toEqual(['/apple', 'root']);
    expect(await all({ Path: '/', Recursive: true })).toHaveLength(7);
  });

  it('pages with MaxResults and NextToken', async () => {
    for (let i = 0; i < 25; i++) await put({ Name: `/p/n${String(i).padStart(2, '0')}` });
    const first = await byPath({ Path: '/p', MaxResults: 10 });
    expect(first.Parameters).toHaveLength(10);
    expect(first.NextToken).toBeDefined();
    expect(await all({ Path: '/p', MaxResults: 10 })).toHaveLength(25);
    const second = await byPath({ Path: '/p', MaxResults: 10, NextToken: first.NextToken });
    expect(second.Parameters?.[0].Name).toBe('/p/n10');
    const last = await byPath({ Path: '/p', MaxResults: 10, NextToken: second.NextToken });
    expect(last.Parameters?.map((p) => p.Name)).toEqual(['/p/n20', '/p/n21', '/p/n22', '/p/n23', '/p/n24']);
    expect(last.NextToken).toBeUndefined();
  });

  it('stays correct when parameters are added and removed between pages', async () => {
    for (const n of ['b', 'd', 'f', 'h', 'j']) await put({ Name: `/live/${n}` });
    const first = await byPath({ Path: '/live', MaxResults: 2 });
    expect(first.Parameters?.map((p) => p.Name)).toEqual(['/live/b', '/live/d']);
    await put({ Name: '/live/a' }); // before the position: not seen again
    await put({ Name: '/live/e' }); // ahead: seen
    await t.ssm.send(new DeleteParameterCommand({ Name: '/live/f' })); // ahead: gone
    await t.ssm.send(new DeleteParameterCommand({ Name: '/live/d' })); // the token's own key: no effect
    const rest = await all({ Path: '/live', MaxResults: 2, NextToken: first.NextToken });
    expect(rest).toEqual(['/live/e', '/live/h', '/live/j']);
  });

  it('filters by Type, KeyId and Label; a Label filter returns the labelled version', async () => {
    await put({ Name: '/f/s', Type: 'String', Value: 's1' });
    await put({ Name: '/f/l', Type: 'StringList', Value: 'a,b' });
    await put({ Name: '/f/k', Type: 'SecureString', Value: 'k', KeyId: 'alias/custom' });
    await put({ Name: '/f/s', Value: 's2', Overwrite: true });
    await t.ssm.send(new LabelParameterVersionCommand({ Name: '/f/s', ParameterVersion: 1, Labels: ['prod'] }));
    expect(await all({ Path: '/f', ParameterFilters: [{ Key: 'Type', Values: ['StringList', 'SecureString'] }] })).toEqual(['/f/k', '/f/l']);
    expect(await all({ Path: '/f', ParameterFilters: [{ Key: 'Type', Option: 'BeginsWith', Values: ['String'] }] })).toEqual(['/f/l', '/f/s']);
    expect(await all({ Path: '/f', ParameterFilters: [{ Key: 'KeyId', Values: ['alias/custom'] }] })).toEqual(['/f/k']);
    const labelled = await byPath({ Path: '/f', ParameterFilters: [{ Key: 'Label', Values: ['prod'] }] });
    expect(labelled.Parameters?.map((p) => [p.Name, p.Value, p.Version])).toEqual([['/f/s', 's1', 1]]);
  });

  it('refuses filter keys, options and values AWS refuses for this operation', async () => {
    for (const key of ['Name', 'Path', 'Tier', 'DataType', 'tag:env']) {
      const e = await errorOf(byPath({ Path: '/f', ParameterFilters: [{ Key: key, Values: ['x'] }] }));
      expect(e.name).toBe('InvalidFilterKey');
      expect(e.message).toBe(`The following filter key is not valid: ${key}. Valid filter keys include: [Type, KeyId].`);
    }
    const opt = await errorOf(byPath({ Path: '/f', ParameterFilters: [{ Key: 'Label', Option: 'BeginsWith', Values: ['x'] }] }));
    expect(opt.name).toBe('InvalidFilterOption');
    expect(opt.message).toBe('The following filter option is not valid: BeginsWith. Valid options include: [Equals].');
    expect((await errorOf(byPath({ Path: '/f', ParameterFilters: [{ Key: 'Type', Option: 'Contains', Values: ['x'] }] }))).name).toBe('InvalidFilterOption');
    const value = await errorOf(byPath({ Path: '/f', ParameterFilters: [{ Key: 'Type', Values: ['Number'] }] }));
    expect(value.name).toBe('InvalidFilterValue');
    expect(value.message).toBe('The following filter value is not valid: Number. Valid values include: [String, StringList, SecureString].');
    const missing = await errorOf(byPath({ Path: '/f', ParameterFilters: [{ Key: 'Type' }] }));
    expect(missing.name).toBe('InvalidFilterValue');
    const dup = await errorOf(byPath({ Path: '/f', ParameterFilters: [{ Key: 'Type', Values: ['String'] }, { Key: 'Type', Values: ['String'] }] }));
    expect(dup.name).toBe('InvalidFilterKey');
    expect(dup.message).toMatch(/duplicated/);
  });

  it('decrypts SecureString values only WithDecryption', async () => {
    await put({ Name: '/d/s', Type: 'SecureString', Value: 'pw' });
    expect((await byPath({ Path: '/d' })).Parameters?.[0].Value).not.toBe('pw');
    expect((await byPath({ Path: '/d', WithDecryption: true })).Parameters?.[0].Value).toBe('pw');
  });

  it('refuses a path that is not a hierarchy (ValidationException) and a token it did not issue (InvalidNextToken)', async () => {
    for (const p of ['app', '/a b', '/a//b', '/ssm/x']) {
      const e = await errorOf(byPath({ Path: p }));
      expect(e.name).toBe('ValidationException');
      expect(e.message).toMatch(/^The parameter doesn't meet the parameter name requirements/);
    }
    expect((await errorOf(byPath({ Path: '/app', NextToken: 'garbage' }))).name).toBe('InvalidNextToken');
    await put({ Name: '/x/1' });
    await put({ Name: '/x/2' });
    const token = (await byPath({ Path: '/x', MaxResults: 1 })).NextToken;
    expect((await errorOf(byPath({ Path: '/y', NextToken: token }))).name).toBe('InvalidNextToken');
    expect((await errorOf(byPath({ Path: '/x', MaxResults: 11 }))).name).toBe('ValidationException');
  });

  it('ends a filtered page after examining 1000 parameters, short, with a NextToken', async () => {
    const ctx = t.emu.context('000000000000', 'us-east-1');
    for (let i = 0; i < 1500; i++) putParameter(ctx, { Name: `/big/p${String(i).padStart(4, '0')}`, Value: 'v', Type: i === 1400 ? 'StringList' : 'String' });
    const first = await byPath({ Path: '/big', ParameterFilters: [{ Key: 'Type', Values: ['StringList'] }] });
    expect(first.Parameters).toEqual([]);
    expect(first.NextToken).toBeDefined();
    const second = await byPath({ Path: '/big', ParameterFilters: [{ Key: 'Type', Values: ['StringList'] }], NextToken: first.NextToken });
    expect(second.Parameters?.map((p) => p.Name)).toEqual(['/big/p1400']);
    expect(second.NextToken).toBeUndefined();
  });

  it('lists AWS public parameters under /aws/service/', async () => {
    const names = await all({ Path: '/aws/service/ami-amazon-linux-latest' });
    expect(names).toContain('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64');
    expect(names.length).toBeGreaterThan(30);
    const regions = await all({ Path: '/aws/service/global-infrastructure/regions' });
    expect(regions).toContain('/aws/service/global-infrastructure/regions/eu-west-1');
    expect(regions.every((n) => n.split('/').length === 6)).toBe(true);
    const eks = await byPath({ Path: '/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended' });
    expect(eks.Parameters?.map((p) => p.Name)).toContain('/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id');
  });
});
