import { beforeEach, describe, expect, it } from 'vitest';
import { Emulator } from '../../emulator.js';
import type { Ctx } from '../../core/context.js';
import { TEST_START } from '../../testing/harness.js';
import { InvalidParameters, InvalidTarget } from '../../generated/ssm/errors.js';
import { ServiceError } from '../../core/errors.js';
import { groupsOf } from '../resource-groups/state.js';
import { loadFleet } from './fixtures.js';
import { getInstance } from './state.js';
import { updateNode } from './nodes.js';
import { matchesTargets, resolveTargets, validateTargets, type ResolveOptions, type TargetInput } from './targets.js';

let emu: Emulator;
let ctx: Ctx;

beforeEach(() => {
  emu = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'targets' });
  ctx = emu.context('000000000000', 'us-east-1');
  loadFleet(emu, {
    instances: [
      { InstanceId: 'i-00000000000000001', Tags: { Env: 'prod', Role: 'web' } },
      { InstanceId: 'i-00000000000000002', Tags: { Env: 'prod', Role: 'db' }, Platform: 'windows-2022' },
      { InstanceId: 'i-00000000000000003', Tags: { Env: 'dev', Role: 'web' } },
      { InstanceId: 'i-00000000000000004', Tags: { Env: 'dev', Owner: 'ana' }, PingStatus: 'ConnectionLost' },
      { InstanceId: 'i-00000000000000005', Tags: { Env: 'prod', Role: 'web' }, InstanceState: 'stopped' },
      { InstanceId: 'mi-00000000000000006', Tags: { Env: 'prod', Role: 'web' } },
    ],
    fleets: [{ region: 'eu-west-1', instances: [{ InstanceId: 'i-00000000000000009', Tags: { Env: 'prod', Role: 'web' } }] }],
  });
});

/** Adds a tag-query group straight into Resource Groups' state (the RG API is tested on its own). */
function group(name: string, tagFilters: { Key: string; Values: string[] }[], types = ['AWS::AllSupported']) {
  const g = groupsOf(ctx);
  g.groups[name] = {
    Name: name,
    GroupArn: `arn:aws:resource-groups:us-east-1:000000000000:group/${name}`,
    ResourceQuery: { Type: 'TAG_FILTERS_1_0', Query: JSON.stringify({ ResourceTypeFilters: types, TagFilters: tagFilters }) },
    Tags: {},
    Seq: ++g.seq,
  };
}

const resolve = (input: TargetInput, opts?: ResolveOptions) => resolveTargets(ctx, input, opts).ids;

function error(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('resolveTargets: InstanceIds', () => {
  it('resolves the InstanceIds parameter to the nodes, in id order, without duplicates', () => {
    const r = resolveTargets(ctx, { InstanceIds: ['i-00000000000000003', 'i-00000000000000001', 'i-00000000000000003'] });
    expect(r.ids).toEqual(['i-00000000000000001', 'i-00000000000000003']);
    expect(r.instances.map((i) => i.InstanceId)).toEqual(r.ids);
    expect(r.instances[0]).toBe(getInstance(ctx, 'i-00000000000000001'));
    expect(r.wildcard).toBe(false);
  });

  it('refuses unknown, stopped and other-region ids with InvalidInstanceId in AWS\'s words', () => {
    const e = error(() => resolve({ InstanceIds: ['i-00000000000000001', 'i-0ffffffffffffffff', 'i-00000000000000005', 'i-00000000000000009'] }));
    expect(e.code).toBe('InvalidInstanceId');
    expect(e.message).toBe('Instances [[i-0ffffffffffffffff, i-00000000000000005, i-00000000000000009]] not in a valid state for account 000000000000');
  });

  it('reports unknown ids in `missing` with unknownInstanceIds: ignore, and uses a custom error factory', () => {
    const r = resolveTargets(ctx, { InstanceIds: ['i-00000000000000001', 'i-0ffffffffffffffff'] }, { unknownInstanceIds: 'ignore' });
    expect(r.ids).toEqual(['i-00000000000000001']);
    expect(r.missing).toEqual(['i-0ffffffffffffffff']);
    const e = error(() => resolve({ InstanceIds: ['i-0ffffffffffffffff'] }, { invalidInstanceId: (m) => new InvalidParameters(m) }));
    expect(e).toBeInstanceOf(InvalidParameters);
  });

  it('resolves Key=InstanceIds targets (the key is case-insensitive) and ANDs them with other targets', () => {
    expect(resolve({ Targets: [{ Key: 'InstanceIds', Values: ['i-00000000000000001', 'i-00000000000000002'] }] })).toEqual(['i-00000000000000001', 'i-00000000000000002']);
    expect(resolve({ Targets: [{ Key: 'instanceids', Values: ['i-00000000000000003'] }] })).toEqual(['i-00000000000000003']);
    expect(
      resolve({ Targets: [{ Key: 'InstanceIds', Values: ['i-00000000000000001', 'i-00000000000000002'] }, { Key: 'tag:Role', Values: ['db'] }] }),
    ).toEqual(['i-00000000000000002']);
    expect(error(() => resolve({ Targets: [{ Key: 'InstanceIds', Values: ['i-0ffffffffffffffff'] }] })).code).toBe('InvalidInstanceId');
  });

  it('resolves InstanceIds=* to every listable node where the capability allows it', () => {
    const r = resolveTargets(ctx, { Targets: [{ Key: 'InstanceIds', Values: ['*'] }] }, { profile: 'state-manager' });
    expect(r.ids).toEqual(['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000003', 'i-00000000000000004', 'mi-00000000000000006']);
    expect(r.wildcard).toBe(true);
    expect(resolve({ Targets: [{ Key: 'InstanceIds', Values: ['*'] }] }, { profile: 'automation' })).toHaveLength(5);
    const e = error(() => resolve({ Targets: [{ Key: 'InstanceIds', Values: ['*'] }] }));
    expect(e).toBeInstanceOf(InvalidTarget);
    expect(e.message).toBe('Target InstanceIds does not accept the wildcard * here.');
    expect(error(() => resolve({ Targets: [{ Key: 'InstanceIds', Values: ['*', 'i-00000000000000001'] }] }, { profile: 'state-manager' })).message).toBe(
      'The wildcard * must be the only value of target InstanceIds.',
    );
  });

  it('unions the InstanceIds parameter with Targets', () => {
    expect(resolve({ InstanceIds: ['i-00000000000000002'], Targets: [{ Key: 'tag:Env', Values: ['dev'] }] })).toEqual([
      'i-00000000000000002',
      'i-00000000000000003',
      'i-00000000000000004',
    ]);
  });

  it('honours maxInstanceIds', () => {
    expect(error(() => resolve({ InstanceIds: ['i-00000000000000001', 'i-00000000000000002'] }, { maxInstanceIds: 1 })).message).toBe('At most 1 instance IDs can be specified.');
  });
});

describe('resolveTargets: tags', () => {
  it('tag:<key> matches any of the values; several targets are ANDed; offline nodes are targeted, stopped ones are not', () => {
    expect(resolve({ Targets: [{ Key: 'tag:Env', Values: ['prod'] }] })).toEqual(['i-00000000000000001', 'i-00000000000000002', 'mi-00000000000000006']);
    expect(resolve({ Targets: [{ Key: 'tag:Env', Values: ['dev', 'prod'] }] })).toHaveLength(5);
    expect(resolve({ Targets: [{ Key: 'tag:Env', Values: ['prod'] }, { Key: 'tag:Role', Values: ['web'] }] })).toEqual(['i-00000000000000001', 'mi-00000000000000006']);
    expect(resolve({ Targets: [{ Key: 'tag:Owner', Values: ['ana'] }] })).toEqual(['i-00000000000000004']);
    expect(resolve({ Targets: [{ Key: 'tag:Env', Values: ['staging'] }] })).toEqual([]);
    // Tag keys and values are case-sensitive.
    expect(resolve({ Targets: [{ Key: 'tag:env', Values: ['prod'] }] })).toEqual([]);
  });

  it('includeStopped (Automation) also matches stopped instances, by tag and by id, never terminated ones', () => {
    const opts = { profile: 'automation', includeStopped: true } as const;
    expect(resolve({ Targets: [{ Key: 'tag:Env', Values: ['prod'] }, { Key: 'tag:Role', Values: ['web'] }] }, opts)).toEqual([
      'i-00000000000000001',
      'i-00000000000000005',
      'mi-00000000000000006',
    ]);
    expect(resolve({ InstanceIds: ['i-00000000000000005'] }, opts)).toEqual(['i-00000000000000005']);
    updateNode(ctx, getInstance(ctx, 'i-00000000000000005')!, { InstanceState: 'terminated' });
    expect(resolve({ Targets: [{ Key: 'tag:Role', Values: ['web'] }, { Key: 'tag:Env', Values: ['prod'] }] }, opts)).toEqual(['i-00000000000000001', 'mi-00000000000000006']);
    expect(matchesTargets(ctx, getInstance(ctx, 'i-00000000000000005')!, [{ Key: 'tag:Env', Values: ['prod'] }], opts)).toBe(false);
  });

  it('tag-key matches nodes that have any of the keys', () => {
    expect(resolve({ Targets: [{ Key: 'tag-key', Values: ['Owner', 'Nope'] }] })).toEqual(['i-00000000000000004']);
    expect(resolve({ Targets: [{ Key: 'tag-key', Values: ['Role'] }] })).toEqual(['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000003', 'mi-00000000000000006']);
  });

  it('evaluates membership when used: a node that gains a tag is targeted next time', () => {
    const targets = { Targets: [{ Key: 'tag:Patch', Values: ['yes'] }] };
    expect(resolve(targets)).toEqual([]);
    updateNode(ctx, getInstance(ctx, 'i-00000000000000003')!, { Tags: { Env: 'dev', Patch: 'yes' } });
    expect(resolve(targets)).toEqual(['i-00000000000000003']);
  });

  it('refuses tag: without a key', () => {
    expect(error(() => resolve({ Targets: [{ Key: 'tag:', Values: ['x'] }] })).message).toBe('A tag target needs a tag key after tag: (Key=tag:<key>).');
  });
});

describe('resolveTargets: resource groups', () => {
  it('resource-groups:Name targets the nodes that are members now', () => {
    group('web', [{ Key: 'Role', Values: ['web'] }]);
    const targets = { Targets: [{ Key: 'resource-groups:Name', Values: ['web'] }] };
    expect(resolve(targets)).toEqual(['i-00000000000000001', 'i-00000000000000003', 'mi-00000000000000006']);
    updateNode(ctx, getInstance(ctx, 'i-00000000000000002')!, { Tags: { Role: 'web' } });
    expect(resolve(targets)).toEqual(['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000003', 'mi-00000000000000006']);
  });

  it('a group limited to one resource type targets only those nodes', () => {
    group('ec2-web', [{ Key: 'Role', Values: ['web'] }], ['AWS::EC2::Instance']);
    expect(resolve({ Targets: [{ Key: 'resource-groups:Name', Values: ['ec2-web'] }] })).toEqual(['i-00000000000000001', 'i-00000000000000003']);
  });

  it('resource-groups:ResourceTypeFilters narrows a group for maintenance windows (types case-insensitive)', () => {
    group('web', [{ Key: 'Role', Values: ['web'] }]);
    const mw = { profile: 'maintenance-window' as const };
    expect(
      resolve({ Targets: [{ Key: 'resource-groups:Name', Values: ['web'] }, { Key: 'resource-groups:ResourceTypeFilters', Values: ['AWS::SSM::MANAGEDINSTANCE'] }] }, mw),
    ).toEqual(['mi-00000000000000006']);
    expect(error(() => resolve({ Targets: [{ Key: 'resource-groups:ResourceTypeFilters', Values: ['AWS::EC2::Instance'] }] }, mw)).message).toBe(
      'Target resource-groups:ResourceTypeFilters requires a resource-groups:Name target.',
    );
    expect(error(() => resolve({ Targets: [{ Key: 'resource-groups:ResourceTypeFilters', Values: ['AWS::EC2::Instance'] }] })).message).toMatch(
      /^Target key resource-groups:ResourceTypeFilters is not supported here/,
    );
  });

  it('refuses an unknown group and more than one group', () => {
    expect(error(() => resolve({ Targets: [{ Key: 'resource-groups:Name', Values: ['nope'] }] })).message).toBe('Resource group nope does not exist.');
    group('a', [{ Key: 'Env', Values: ['prod'] }]);
    group('b', [{ Key: 'Env', Values: ['dev'] }]);
    expect(error(() => resolve({ Targets: [{ Key: 'resource-groups:Name', Values: ['a', 'b'] }] })).message).toBe(
      'You can specify a maximum of one resource group name per request.',
    );
    expect(
      error(() => resolve({ Targets: [{ Key: 'resource-groups:Name', Values: ['a'] }, { Key: 'resource-groups:Name', Values: ['b'] }] })).message,
    ).toBe('You can specify a maximum of one resource group name per request.');
  });

  it('Automation spells it ResourceGroup and targets every EC2 node with AWS::EC2::Instance=*', () => {
    group('web', [{ Key: 'Role', Values: ['web'] }]);
    const auto = { profile: 'automation' as const };
    expect(resolve({ Targets: [{ Key: 'ResourceGroup', Values: ['web'] }] }, auto)).toEqual(['i-00000000000000001', 'i-00000000000000003', 'mi-00000000000000006']);
    const r = resolveTargets(ctx, { Targets: [{ Key: 'AWS::EC2::Instance', Values: ['*'] }] }, auto);
    expect(r.ids).toEqual(['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000003', 'i-00000000000000004']);
    expect(r.wildcard).toBe(true);
    expect(error(() => resolve({ Targets: [{ Key: 'AWS::EC2::Instance', Values: ['i-00000000000000001'] }] }, auto)).code).toBe('InvalidTarget');
    expect(error(() => resolve({ Targets: [{ Key: 'ResourceGroup', Values: ['web'] }] })).code).toBe('InvalidTarget');
  });
});

describe('resolveTargets: malformed targets', () => {
  it('refuses unknown keys, naming the keys the capability supports', () => {
    expect(error(() => resolve({ Targets: [{ Key: 'Name', Values: ['x'] }] })).message).toBe(
      'Target key Name is not supported here. Supported keys: InstanceIds, tag:<key>, tag-key, resource-groups:Name.',
    );
    expect(error(() => resolve({ Targets: [{ Key: 'ParameterValues', Values: ['x'] }] }, { profile: 'automation' })).code).toBe('InvalidTarget');
  });

  it('refuses a missing key, no values, more than 5 targets, more than 50 values', () => {
    expect(error(() => resolve({ Targets: [{ Values: ['x'] }] })).message).toBe('Target Key must be specified.');
    expect(error(() => resolve({ Targets: [{ Key: 'tag:Env', Values: [] }] })).message).toBe('Target tag:Env must have at least one value.');
    expect(error(() => resolve({ Targets: [{ Key: 'tag:Env' }] })).message).toBe('Target tag:Env must have at least one value.');
    expect(error(() => resolve({ Targets: Array.from({ length: 6 }, () => ({ Key: 'tag:Env', Values: ['prod'] })) })).message).toBe('At most 5 targets can be specified.');
    expect(error(() => resolve({ Targets: [{ Key: 'tag:Env', Values: Array.from({ length: 51 }, (_, i) => `v${i}`) }] })).message).toBe(
      'Target tag:Env can have at most 50 values.',
    );
  });

  it('throws the error class the caller asks for (Run Command has no InvalidTarget)', () => {
    const e = error(() => resolve({ Targets: [{ Key: 'Name', Values: ['x'] }] }, { invalidTarget: (m) => new InvalidParameters(m) }));
    expect(e).toBeInstanceOf(InvalidParameters);
    expect(e.code).toBe('InvalidParameters');
  });

  it('resolves nothing for no InstanceIds and no Targets (the caller decides whether that is an error)', () => {
    expect(resolveTargets(ctx, {})).toEqual({ instances: [], ids: [], missing: [], wildcard: false });
  });
});

describe('validateTargets and matchesTargets', () => {
  it('validateTargets checks forms only, without looking groups or nodes up', () => {
    expect(() => validateTargets([{ Key: 'resource-groups:Name', Values: ['not-yet-created'] }, { Key: 'InstanceIds', Values: ['i-0ffffffffffffffff'] }])).not.toThrow();
    expect(() => validateTargets([{ Key: 'Bad', Values: ['x'] }])).toThrow(InvalidTarget);
  });

  it('matchesTargets tells whether one node matches now', () => {
    group('web', [{ Key: 'Role', Values: ['web'] }]);
    const n1 = getInstance(ctx, 'i-00000000000000001')!;
    const n2 = getInstance(ctx, 'i-00000000000000002')!;
    const stopped = getInstance(ctx, 'i-00000000000000005')!;
    const targets = [{ Key: 'tag:Env', Values: ['prod'] }, { Key: 'resource-groups:Name', Values: ['web'] }];
    expect(matchesTargets(ctx, n1, targets)).toBe(true);
    expect(matchesTargets(ctx, n2, targets)).toBe(false);
    expect(matchesTargets(ctx, stopped, [{ Key: 'tag:Env', Values: ['prod'] }])).toBe(false);
    expect(matchesTargets(ctx, n1, [{ Key: 'resource-groups:Name', Values: ['gone'] }])).toBe(false);
    expect(matchesTargets(ctx, n1, [{ Key: 'InstanceIds', Values: ['*'] }], { profile: 'state-manager' })).toBe(true);
    expect(matchesTargets(ctx, n1, [])).toBe(false);
  });
});

describe('the tag index behind the resolver', () => {
  it('agrees with a plain scan through a long run of adds, removes and tag changes', async () => {
    const { createNode, deleteNode } = await import('./nodes.js');
    const { allInstances } = await import('./state.js');
    const { isVisible } = await import('./instance.js');
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const envs = ['prod', 'dev', 'test'];
    const scan = (env: string) =>
      allInstances(ctx)
        .filter((i) => isVisible(i) && i.Tags.some((t) => t.Key === 'Env' && t.Value === env))
        .map((i) => i.InstanceId);
    // Build the index first, so that every later change goes through the in-place updates.
    resolveTargets(ctx, { Targets: [{ Key: 'tag:Env', Values: ['prod'] }] });
    for (let step = 0; step < 300; step++) {
      const nodes = allInstances(ctx);
      const op = rnd(3);
      if (op === 0 || nodes.length < 3) createNode(ctx, { Tags: { Env: envs[rnd(3)] } });
      else if (op === 1) deleteNode(ctx, nodes[rnd(nodes.length)].InstanceId);
      else {
        const n = nodes[rnd(nodes.length)];
        const tags: Record<string, string> = rnd(4) === 0 ? {} : { Env: envs[rnd(3)] };
        if (n.ResourceType === 'ManagedInstance' || rnd(2) === 0) updateNode(ctx, n, { Tags: tags });
        else updateNode(ctx, n, { Tags: { ...tags, Extra: String(step) } });
      }
      const env = envs[rnd(3)];
      expect(resolve({ Targets: [{ Key: 'tag:Env', Values: [env] }] }), `step ${step}`).toEqual(scan(env));
    }
  });
});
