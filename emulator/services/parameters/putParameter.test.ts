import { describe, expect, it } from 'vitest';
import {
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  LabelParameterVersionCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  type PutParameterCommandInput,
} from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { errorOf } from './testkit.js';
import { putParameter } from '../../sim/parameters/model.js';
import { parameters } from '../../sim/parameters/state.js';
import { indexOf } from '../../sim/parameters/param-index.js';

const t = useEmulator();
const put = (input: Partial<PutParameterCommandInput> & { Name: string }) => t.ssm.send(new PutParameterCommand({ Value: 'v', Type: 'String', ...input }));
const get = (Name: string, WithDecryption?: boolean) => t.ssm.send(new GetParameterCommand({ Name, WithDecryption }));
const describeOne = async (name: string) =>
  (await t.ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: [name] }] }))).Parameters?.[0];
const events = async (detailType: string) => (await t.http.get('/_emulator/events')).body.events.filter((e: { 'detail-type': string }) => e['detail-type'] === detailType);

describe('PutParameter: creating and overwriting', () => {
  it('creates version 1 in the standard tier and GetParameter reads it back', async () => {
    const out = await put({ Name: '/app/db/host', Value: 'db.internal' });
    expect(out).toMatchObject({ Version: 1, Tier: 'Standard' });
    const { Parameter } = await get('/app/db/host');
    expect(Parameter).toEqual({
      Name: '/app/db/host',
      Type: 'String',
      Value: 'db.internal',
      Version: 1,
      LastModifiedDate: new Date(TEST_START_SECONDS * 1000),
      ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/app/db/host',
      DataType: 'text',
    });
  });

  it('refuses an existing name without Overwrite (ParameterAlreadyExists) and keeps the stored value', async () => {
    await put({ Name: '/app/x', Value: 'first' });
    const e = await errorOf(put({ Name: '/app/x', Value: 'second' }));
    expect(e.name).toBe('ParameterAlreadyExists');
    expect(e.message).toBe('The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect((await get('/app/x')).Parameter?.Value).toBe('first');
  });

  it('treats "/Name" and "Name" as the same single-level parameter', async () => {
    await put({ Name: 'TestParam1', Value: 'a' });
    expect((await errorOf(put({ Name: '/TestParam1', Value: 'b' }))).name).toBe('ParameterAlreadyExists');
    expect((await get('/TestParam1')).Parameter).toMatchObject({ Name: '/TestParam1', Value: 'a' });
    expect((await put({ Name: '/TestParam1', Value: 'b', Overwrite: true })).Version).toBe(2);
  });

  it('with Overwrite writes a new version, keeping type, description and allowed pattern when omitted', async () => {
    await put({ Name: '/svc/port', Value: '80', Description: 'the port', AllowedPattern: '^\\d+$' });
    await t.advance(60);
    const out = await t.ssm.send(new PutParameterCommand({ Name: '/svc/port', Value: '8080', Overwrite: true }));
    expect(out).toMatchObject({ Version: 2, Tier: 'Standard' });
    const meta = await describeOne('/svc/port');
    expect(meta).toMatchObject({ Version: 2, Type: 'String', Description: 'the port', AllowedPattern: '^\\d+$' });
    expect(meta?.LastModifiedDate).toEqual(new Date((TEST_START_SECONDS + 60) * 1000));
    expect((await errorOf(t.ssm.send(new PutParameterCommand({ Name: '/svc/port', Value: 'eighty', Overwrite: true })))).name).toBe(
      'ParameterPatternMismatchException',
    );
  });

  it('requires a Type when creating a parameter', async () => {
    const e = await errorOf(t.ssm.send(new PutParameterCommand({ Name: '/no/type', Value: 'v' })));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toBe('A parameter type is required when you create a parameter.');
  });

  it('emits "Parameter Store Change" events for Create and Update', async () => {
    await put({ Name: '/ev/p', Value: '1', Description: 'desc' });
    await put({ Name: '/ev/p', Value: '2', Overwrite: true });
    const ev = await events('Parameter Store Change');
    expect(ev.map((e: { detail: { operation: string } }) => e.detail.operation)).toEqual(['Create', 'Update']);
    expect(ev[0]).toMatchObject({
      source: 'aws.ssm',
      account: '000000000000',
      region: 'us-east-1',
      resources: ['arn:aws:ssm:us-east-1:000000000000:parameter/ev/p'],
      detail: { operation: 'Create', name: '/ev/p', type: 'String', description: 'desc' },
    });
  });
});

describe('PutParameter: names', () => {
  it('refuses a hierarchical name without the leading slash with the name-rules text, as AWS answers', async () => {
    const e = await errorOf(put({ Name: 'gh-runner/ami/id' }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/^Parameter name: can't be prefixed with "ssm" \(case-insensitive\)\. If formed as a path/);
  });

  it.each(['/my param', '/a/support@gmail.com', '/a//b', '/a//b//c', 'a/b/c', '/a/b/', 'semi;colon'])('refuses the invalid name %j', async (name) => {
    const e = await errorOf(put({ Name: name }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/^Parameter name: can't be prefixed with "ssm" \(case-insensitive\)\. If formed as a path/);
  });

  it('trims spaces at both ends of a name, as AWS does', async () => {
    await put({ Name: '  /trimmed/name  ' });
    expect((await get('/trimmed/name')).Parameter?.Name).toBe('/trimmed/name');
  });

  it.each(['awsTestParameter', '/AWSthing', 'SSM-testparameter', '/ssm'])('refuses the reserved single-level name %j', async (name) => {
    const e = await errorOf(put({ Name: name }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toBe('Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).');
  });

  it('denies hierarchical names under aws (AccessDeniedException) and refuses them under ssm', async () => {
    const aws = await errorOf(put({ Name: '/awssec/lab01/vpc_id' }));
    expect(aws.name).toBe('AccessDeniedException');
    expect(aws.message).toBe('No access to reserved parameter name: awssec/lab01/vpc_id.');
    expect((await errorOf(put({ Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' }))).name).toBe('AccessDeniedException');
    const ssm = await errorOf(put({ Name: '/SSM/x/y' }));
    expect(ssm.name).toBe('ValidationException');
    expect(ssm.message).toMatch(/^Parameter name: can't be prefixed with "ssm"/);
  });

  it('allows 15 hierarchy levels and refuses 16 (HierarchyLevelLimitExceededException)', async () => {
    const fifteen = '/Level-1/L2/L3/L4/L5/L6/L7/L8/L9/L10/L11/L12/L13/L14/parameter-name';
    await put({ Name: fifteen });
    const e = await errorOf(put({ Name: '/Level-1/L2/L3/L4/L5/L6/L7/L8/L9/L10/L11/L12/L13/L14/L15/parameter-name' }));
    expect(e.name).toBe('HierarchyLevelLimitExceededException');
    expect(e.message).toMatch(/maximum of 15 levels/);
  });

  it('counts the ARN before the name in the 1011-character limit', async () => {
    const arnPrefix = 'arn:aws:ssm:us-east-1:000000000000:parameter/'.length;
    const longest = '/' + 'a'.repeat(1011 - arnPrefix);
    expect((await put({ Name: longest })).Version).toBe(1);
    const e = await errorOf(put({ Name: longest + 'b' }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/1011 characters/);
  });
});

describe('PutParameter: values and data types', () => {
  it('refuses an empty value and one beyond 32768 characters without echoing it', async () => {
    const empty = await errorOf(put({ Name: '/v/empty', Value: '' }));
    expect(empty.name).toBe('ValidationException');
    expect(empty.message).toBe("1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1");
    const huge = await errorOf(put({ Name: '/v/huge', Value: 'x'.repeat(32769), Tier: 'Advanced' }));
    expect(huge.message).toBe("1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length less than or equal to 32768");
  });

  it('refuses values that reference other parameters with {{ }}', async () => {
    const e = await errorOf(put({ Name: '/v/nested', Value: 'see {{ssm:/other}}' }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toBe('Parameter value can\'t nest another parameter. Do not use "{{}}" in the value.');
  });

  it('stores StringList values as given', async () => {
    await put({ Name: '/v/list', Type: 'StringList', Value: 'a,b,c' });
    expect((await get('/v/list')).Parameter).toMatchObject({ Type: 'StringList', Value: 'a,b,c' });
  });

  it('accepts aws:ec2:image values shaped like AMI ids and refuses others', async () => {
    await put({ Name: '/ami/good', Value: 'ami-0123456789abcdef0', DataType: 'aws:ec2:image' });
    expect((await get('/ami/good')).Parameter?.DataType).toBe('aws:ec2:image');
    await put({ Name: '/ami/short', Value: 'ami-12345678', DataType: 'aws:ec2:image' });
    const bad = await errorOf(put({ Name: '/ami/bad', Value: 'not-an-ami', DataType: 'aws:ec2:image' }));
    expect(bad.name).toBe('ValidationException');
    expect(bad.message).toMatch(/not a valid image ID for data type aws:ec2:image/);
    const list = await errorOf(put({ Name: '/ami/list', Type: 'StringList', Value: 'ami-12345678', DataType: 'aws:ec2:image' }));
    expect(list.name).toBe('ValidationException');
  });

  it('refuses data types other than text, aws:ec2:image and aws:ssm:integration', async () => {
    const e = await errorOf(put({ Name: '/dt/x', DataType: 'AWS:EC2:IMAGE' }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toBe('The following data type is not supported: AWS:EC2:IMAGE (Data type names are all lowercase.)');
    await put({ Name: '/dt/integration', Type: 'SecureString', DataType: 'aws:ssm:integration' });
  });

  it('checks AllowedPattern against the whole value and refuses invalid patterns', async () => {
    const e = await errorOf(put({ Name: '/pat/x', Value: '10000', AllowedPattern: '\\d{1,4}' }));
    expect(e.name).toBe('ParameterPatternMismatchException');
    expect(e.message).toBe('Parameter value, cannot be validated against allowedPattern: \\d{1,4}');
    await put({ Name: '/pat/x', Value: '1000', AllowedPattern: '\\d{1,4}' });
    const bad = await errorOf(put({ Name: '/pat/y', Value: 'a', AllowedPattern: '([a-z' }));
    expect(bad.name).toBe('InvalidAllowedPatternException');
  });

  it('answers a catastrophic AllowedPattern at once (a linear-time engine, not RegExp)', async () => {
    // (a+)+$ against 40 a's and a "!" needs 2^40 steps of a backtracking engine: a regression hangs here.
    const e = await errorOf(put({ Name: '/pat/redos', Value: 'a'.repeat(40) + '!', AllowedPattern: '(a+)+$' }));
    expect(e.name).toBe('ParameterPatternMismatchException');
    expect(e.message).toBe('Parameter value, cannot be validated against allowedPattern: (a+)+$');
    await put({ Name: '/pat/redos', Value: 'a'.repeat(40), AllowedPattern: '(a+)+$' });
    // The stored pattern applies to an Overwrite that omits it.
    const again = await errorOf(t.ssm.send(new PutParameterCommand({ Name: '/pat/redos', Value: 'a'.repeat(40) + '!', Overwrite: true })));
    expect(again.name).toBe('ParameterPatternMismatchException');
  });

  it('reads AllowedPattern as Java does, and refuses what only a backtracking engine can run', async () => {
    await put({ Name: '/pat/java', Value: 'Ünïcødé', AllowedPattern: '\\p{L}+' });
    await put({ Name: '/pat/posix', Value: 'abc', AllowedPattern: '\\p{Alpha}+' });
    expect((await errorOf(put({ Name: '/pat/posix2', Value: 'é', AllowedPattern: '\\p{Alpha}+' }))).name).toBe('ParameterPatternMismatchException');
    for (const pattern of ['(?=a)a', '(a)\\1', 'a++', '[a-z&&[^e]]']) {
      const e = await errorOf(put({ Name: '/pat/refused', Value: 'a', AllowedPattern: pattern }));
      expect(e.name, pattern).toBe('InvalidAllowedPatternException');
      expect(e.message).toBe(`The allowed pattern ${pattern} is not a valid regular expression.`);
    }
  });
});

describe('PutParameter: SecureString and KMS keys', () => {
  it('encrypts with alias/aws/ssm by default: the value reads back encrypted, and decrypted WithDecryption', async () => {
    await put({ Name: '/sec/pw', Type: 'SecureString', Value: 'hunter2' });
    const enc = (await get('/sec/pw')).Parameter!.Value!;
    expect(enc).toMatch(/^AQICAHh[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(enc, 'base64').toString('latin1')).not.toContain('hunter2');
    expect((await get('/sec/pw')).Parameter!.Value).toBe(enc); // deterministic
    expect((await get('/sec/pw', true)).Parameter!.Value).toBe('hunter2');
    expect(await describeOne('/sec/pw')).toMatchObject({ Type: 'SecureString', KeyId: 'alias/aws/ssm' });
  });

  it.each([
    '1234abcd-12ab-34cd-56ef-1234567890ab',
    'mrk-1234abcd12ab34cd56ef1234567890ab',
    'alias/my-key',
    'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    'arn:aws:kms:us-east-1:111122223333:alias/my-key',
  ])('accepts the customer key reference %s and reports it as KeyId', async (keyId) => {
    await put({ Name: '/sec/k', Type: 'SecureString', Value: 's3cret', KeyId: keyId });
    expect((await get('/sec/k', true)).Parameter?.Value).toBe('s3cret');
    expect((await describeOne('/sec/k'))?.KeyId).toBe(keyId);
  });

  it.each(['not-a-key', 'alias/aws/s3', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'])(
    'refuses the key %s (InvalidKeyId)',
    async (keyId) => {
      const e = await errorOf(put({ Name: '/sec/bad', Type: 'SecureString', KeyId: keyId }));
      expect(e.name).toBe('InvalidKeyId');
      expect(e.message).toContain(keyId);
    },
  );

  it('refuses a KeyId for String parameters', async () => {
    const e = await errorOf(put({ Name: '/plain/k', KeyId: 'alias/my-key' }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toBe('KeyId is required for SecureString type parameter only.');
  });

  it('keeps the key of a SecureString when an overwrite does not name one', async () => {
    await put({ Name: '/sec/keep', Type: 'SecureString', KeyId: 'alias/my-key' });
    await t.ssm.send(new PutParameterCommand({ Name: '/sec/keep', Value: 'new', Overwrite: true }));
    expect((await describeOne('/sec/keep'))?.KeyId).toBe('alias/my-key');
    expect((await get('/sec/keep', true)).Parameter?.Value).toBe('new');
  });
});

describe('PutParameter: tiers and limits', () => {
  it('enforces 4 KB for standard and 8 KB for advanced values', async () => {
    await put({ Name: '/size/std', Value: 'x'.repeat(4096) });
    const std = await errorOf(put({ Name: '/size/std2', Value: 'x'.repeat(4097) }));
    expect(std.name).toBe('ValidationException');
    expect(std.message).toMatch(/^Standard tier parameters support a maximum parameter value of 4096 characters\./);
    await put({ Name: '/size/adv', Value: 'x'.repeat(8192), Tier: 'Advanced' });
    const adv = await errorOf(put({ Name: '/size/adv2', Value: 'x'.repeat(8193), Tier: 'Advanced' }));
    expect(adv.name).toBe('ValidationException');
    expect(adv.message).toMatch(/8192 characters/);
  });

  it('Intelligent-Tiering picks Standard when it can and Advanced when the value or policies need it', async () => {
    expect((await put({ Name: '/it/small', Tier: 'Intelligent-Tiering' })).Tier).toBe('Standard');
    expect((await put({ Name: '/it/big', Value: 'x'.repeat(5000), Tier: 'Intelligent-Tiering' })).Tier).toBe('Advanced');
    const policies = JSON.stringify([{ Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: '5', Unit: 'Days' } }]);
    expect((await put({ Name: '/it/pol', Tier: 'Intelligent-Tiering', Policies: policies })).Tier).toBe('Advanced');
    expect((await describeOne('/it/big'))?.Tier).toBe('Advanced');
  });

  it('upgrades Standard to Advanced but refuses the downgrade, also when Tier is omitted', async () => {
    await put({ Name: '/tier/p' });
    expect((await put({ Name: '/tier/p', Overwrite: true, Tier: 'Advanced' })).Tier).toBe('Advanced');
    const explicit = await errorOf(put({ Name: '/tier/p', Overwrite: true, Tier: 'Standard' }));
    expect(explicit.name).toBe('ValidationException');
    expect(explicit.message).toMatch(/^This parameter uses the advanced-parameter tier\. You can't downgrade/);
    expect((await errorOf(put({ Name: '/tier/p', Overwrite: true }))).name).toBe('ValidationException');
    expect((await put({ Name: '/tier/p', Overwrite: true, Tier: 'Intelligent-Tiering' })).Tier).toBe('Advanced');
  });

  it('stops at 10,000 standard parameters per Region (ParameterLimitExceeded); Intelligent-Tiering then goes Advanced', async () => {
    const ctx = t.emu.context('000000000000', 'us-east-1');
    for (let i = 0; i < 10_000; i++) putParameter(ctx, { Name: `/bulk/p${i}`, Value: 'v', Type: 'String' });
    const e = await errorOf(put({ Name: '/bulk/one-more' }));
    expect(e.name).toBe('ParameterLimitExceeded');
    expect((await put({ Name: '/bulk/one-more', Tier: 'Intelligent-Tiering' })).Tier).toBe('Advanced');
    // Overwriting an existing standard parameter does not need a new slot.
    expect((await put({ Name: '/bulk/p1', Overwrite: true })).Version).toBe(2);
    // Another Region has its own quota.
    const eu = t.client({ region: 'eu-west-1' });
    expect((await eu.send(new PutParameterCommand({ Name: '/bulk/one-more', Value: 'v', Type: 'String' }))).Tier).toBe('Standard');
  }, 60_000);

  it('stops at 100,000 advanced parameters per Region (ParameterLimitExceeded)', async () => {
    await put({ Name: '/adv/first', Tier: 'Advanced' });
    // Creating 100,000 parameters is slow in a unit test: fill the derived quota counter instead.
    indexOf(parameters.of(t.emu.store.scope('000000000000', 'us-east-1'))).tiers.Advanced = 100_000;
    const e = await errorOf(put({ Name: '/adv/second', Tier: 'Advanced' }));
    expect(e.name).toBe('ParameterLimitExceeded');
    expect(e.message).toMatch(/advanced/);
  });
});

describe('PutParameter: versions and tags', () => {
  it('keeps the last 100 versions: the oldest drops off', async () => {
    const ctx = t.emu.context('000000000000', 'us-east-1');
    for (let i = 1; i <= 100; i++) putParameter(ctx, { Name: '/hist/p', Value: `v${i}`, Type: 'String', Overwrite: true });
    expect((await put({ Name: '/hist/p', Value: 'v101', Overwrite: true })).Version).toBe(101);
    const versions: number[] = [];
    let NextToken: string | undefined;
    do {
      const page = await t.ssm.send(new GetParameterHistoryCommand({ Name: '/hist/p', NextToken }));
      versions.push(...page.Parameters!.map((p) => p.Version!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(versions).toHaveLength(100);
    expect(versions[0]).toBe(2);
    expect(versions[99]).toBe(101);
  });

  it('refuses a 101st version while the oldest carries a label (ParameterMaxVersionLimitExceeded), changing nothing', async () => {
    const ctx = t.emu.context('000000000000', 'us-east-1');
    for (let i = 1; i <= 100; i++) putParameter(ctx, { Name: '/hist/l', Value: `v${i}`, Type: 'String', Overwrite: true });
    await t.ssm.send(new LabelParameterVersionCommand({ Name: '/hist/l', ParameterVersion: 1, Labels: ['first'] }));
    const e = await errorOf(put({ Name: '/hist/l', Value: 'v101', Overwrite: true }));
    expect(e.name).toBe('ParameterMaxVersionLimitExceeded');
    expect(e.message).toBe(
      "You attempted to create a new version of /hist/l by calling the PutParameter API with the overwrite flag. Version 1, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.",
    );
    expect((await get('/hist/l')).Parameter?.Version).toBe(100);
  });

  it('stores Tags given at creation and refuses Tags together with Overwrite', async () => {
    await put({ Name: '/tagged', Tags: [{ Key: 'env', Value: 'prod' }] });
    const tags = await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/tagged' }));
    expect(tags.TagList).toEqual([{ Key: 'env', Value: 'prod' }]);
    const e = await errorOf(put({ Name: '/tagged', Overwrite: true, Tags: [{ Key: 'a', Value: 'b' }] }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/^Invalid request: tags and overwrite can't be used together\./);
  });

  it('refuses more than 50 tags and reserved aws: keys at creation, creating nothing', async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect((await errorOf(put({ Name: '/tags/many', Tags: many }))).name).toBe('ValidationException');
    expect((await errorOf(put({ Name: '/tags/aws', Tags: [{ Key: 'aws:owner', Value: 'x' }] }))).name).toBe('ValidationException');
    expect((await errorOf(get('/tags/many'))).name).toBe('ParameterNotFound');
  });
});
