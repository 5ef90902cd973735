import { describe, expect, it } from 'vitest';
import { GetParameterCommand, GetParametersByPathCommand, GetParametersCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { Emulator } from '../../emulator.js';
import { publicParameters } from '../../sim/parameters/public.js';

const t = useEmulator();
const get = async (Name: string, region = 'us-east-1') => (await t.client({ region }).send(new GetParameterCommand({ Name }))).Parameter!;

describe('AWS public parameters (/aws/service/)', () => {
  it('serves the latest Amazon Linux 2 and 2023 AMIs', async () => {
    expect((await get('/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2')).Value).toMatch(/^ami-/);
    expect((await get('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64')).Value).toMatch(/^ami-/);
  });

  it('serves ECS-optimised recommended AMIs, the JSON parameter and its image_id', async () => {
    const rec = await get('/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended');
    const json = JSON.parse(rec.Value!);
    expect(json).toMatchObject({ os: 'Amazon Linux 2023', schema_version: 1 });
    expect((await get('/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id')).Value).toBe(json.image_id);
  });

  it('serves Windows Server and EKS-optimised AMIs under AWS\'s names (values synthesised, deterministic)', async () => {
    const win = await get('/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base');
    expect(win.Value).toMatch(/^ami-0[0-9a-f]{16}$/);
    expect((await get('/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base')).Value).toBe(win.Value);
    expect((await get('/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base', 'eu-west-1')).Value).not.toBe(win.Value);
    const eks = await get('/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id');
    expect(eks.Value).toMatch(/^ami-0[0-9a-f]{16}$/);
    expect((await get('/aws/service/eks/optimized-ami/1.30/amazon-linux-2/recommended/image_id')).Value).toMatch(/^ami-/);
  });

  it('serves the global-infrastructure tree (regions, services) in every Region', async () => {
    expect((await get('/aws/service/global-infrastructure/regions/us-east-1/longName')).Value).toBe('US East (N. Virginia)');
    expect((await get('/aws/service/global-infrastructure/services/ssm/longName', 'ap-southeast-2')).Value).toMatch(/Systems Manager/);
    const services = await t.ssm.send(
      new GetParametersByPathCommand({ Path: '/aws/service/global-infrastructure/regions/eu-west-1/services', MaxResults: 10 }),
    );
    expect(services.Parameters).toHaveLength(10);
    expect(services.NextToken).toBeDefined();
  });

  it('reads public parameters with GetParameters alongside missing ones', async () => {
    const out = await t.ssm.send(new GetParametersCommand({ Names: ['/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2', '/aws/service/nope'] }));
    expect(out.Parameters).toHaveLength(1);
    expect(out.InvalidParameters).toEqual(['/aws/service/nope']);
  });

  it('merges Regional and global public parameters in order under /aws/service', async () => {
    const names: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await t.ssm.send(new GetParametersByPathCommand({ Path: '/aws/service', Recursive: true, NextToken }));
      names.push(...page.Parameters!.map((p) => p.Name!));
      NextToken = page.NextToken;
    } while (NextToken && ++pages < 40);
    expect([...names].sort()).toEqual(names);
    expect(names.some((n) => n.startsWith('/aws/service/ami-'))).toBe(true);
  });

  it('loads nothing at start-up: a Region\'s file on first use, the global tree only when reached', () => {
    const emu = new Emulator({ seed: 1 });
    const pub = publicParameters(emu, 'us-east-1') as unknown as { regional?: unknown; global?: unknown };
    expect(pub.regional).toBeUndefined();
    publicParameters(emu, 'us-east-1').get('/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2');
    expect(pub.regional).toBeDefined();
    expect(pub.global).toBeUndefined();
    publicParameters(emu, 'us-east-1').get('/aws/service/global-infrastructure/regions/us-east-1');
    expect(pub.global).toBeDefined();
    emu.close();
  });

  it('has only the global tree in a Region without recorded AMIs', async () => {
    expect((await get('/aws/service/global-infrastructure/regions/us-east-1', 'xx-test-1')).Value).toBe('us-east-1');
    expect(
      (await t.client({ region: 'xx-test-1' }).send(new GetParametersByPathCommand({ Path: '/aws/service/ami-amazon-linux-latest' }))).Parameters,
    ).toEqual([]);
  });
});
