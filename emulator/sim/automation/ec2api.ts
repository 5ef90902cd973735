/**
 * The EC2 API as Automation reaches it (aws:executeAwsApi / aws:waitForAwsResourceProperty /
 * aws:assertAwsResourceProperty with Service ec2, and the aws:changeInstanceState, aws:createTags and
 * aws:createImage actions): answered from the simulated fleet, in the shapes boto3 returns (what
 * Selector paths are written against), with EC2's error codes and texts.
 *
 * Operations: DescribeInstances (InstanceIds, Filters instance-id, instance-state-name, tag:<key>,
 * tag-key), DescribeInstanceStatus (InstanceIds, IncludeAllInstances), DescribeImages (ImageIds,
 * Owners self), StopInstances, StartInstances, RebootInstances, TerminateInstances, CreateTags,
 * DeleteTags, CreateImage. Hybrid (mi-) nodes are not EC2 instances and are unknown here. Anything
 * else answers `undefined`, and the caller fails the step naming the service and API.
 *
 * State changes go through sim/fleet/ec2.ts, so the nodes' agents follow. Timestamps are ISO 8601
 * text, as Automation serialises boto3's datetimes into step outputs.
 */
import type { Ctx } from '../../core/context.js';
import { allInstances, getInstance, updateNode, type Ec2State, type FleetInstance } from '../fleet/index.js';
import { STATE_CODES, createImage, getImage, imagesOf, rebootInstance, startInstance, stopInstance, terminateInstance } from '../fleet/ec2.js';

export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString().replace(/\.\d{3}Z$/, '.000Z');

const state = (s: Ec2State) => ({ Code: STATE_CODES[s], Name: s });

/** EC2 instances of the scope (hybrid nodes are not EC2). */
function ec2Instances(ctx: Ctx): FleetInstance[] {
  return allInstances(ctx).filter((i) => i.ResourceType === 'EC2Instance');
}

function requireInstances(ctx: Ctx, ids: readonly string[]): FleetInstance[] {
  const out: FleetInstance[] = [];
  for (const id of ids) {
    if (!/^i-[0-9a-f]{8,17}$/.test(id)) throw new Ec2Error('InvalidInstanceID.Malformed', `Invalid id: "${id}"`);
    const inst = getInstance(ctx, id);
    if (!inst || inst.ResourceType !== 'EC2Instance') throw new Ec2Error('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
    out.push(inst);
  }
  return out;
}

/** An instance as DescribeInstances shows it. */
export function instanceView(ctx: Ctx, i: FleetInstance): Record<string, unknown> {
  const windows = i.PlatformType === 'Windows';
  return {
    InstanceId: i.InstanceId,
    ImageId: `ami-${i.InstanceId.slice(2).padEnd(17, '0').slice(0, 17)}`,
    InstanceType: i.InstanceType ?? 't3.micro',
    ...(i.KeyName !== undefined && { KeyName: i.KeyName }),
    LaunchTime: iso(i.LaunchTime ?? i.CreatedAt),
    Placement: { AvailabilityZone: `${ctx.region}a`, Tenancy: 'default' },
    PrivateIpAddress: i.IPAddress,
    PrivateDnsName: `ip-${i.IPAddress.replace(/\./g, '-')}.ec2.internal`,
    State: state(i.InstanceState ?? 'running'),
    ...(i.Architecture !== undefined && { Architecture: i.Architecture }),
    RootDeviceName: windows ? '/dev/sda1' : '/dev/xvda',
    RootDeviceType: 'ebs',
    ...(windows && { Platform: 'windows' }),
    PlatformDetails: windows ? 'Windows' : 'Linux/UNIX',
    ...(i.InstanceRole !== undefined && { IamInstanceProfile: { Arn: `arn:aws:iam::${ctx.account}:instance-profile/${i.InstanceRole}` } }),
    Tags: i.Tags.map((t) => ({ Key: t.Key, Value: t.Value })),
  };
}

function filterInstances(list: FleetInstance[], filters: unknown): FleetInstance[] {
  if (!Array.isArray(filters)) return list;
  let out = list;
  for (const f of filters) {
    if (!isObj(f) || typeof f.Name !== 'string') throw new Ec2Error('InvalidParameterValue', 'The filter must have a Name and Values.');
    const name = f.Name;
    const values = new Set(strings(f.Values));
    if (name === 'instance-id') out = out.filter((i) => values.has(i.InstanceId));
    else if (name === 'instance-state-name') out = out.filter((i) => values.has(i.InstanceState ?? 'running'));
    else if (name === 'tag-key') out = out.filter((i) => i.Tags.some((t) => values.has(t.Key)));
    else if (name.startsWith('tag:')) {
      const key = name.slice(4);
      out = out.filter((i) => i.Tags.some((t) => t.Key === key && values.has(t.Value)));
    } else if (name === 'platform') out = out.filter((i) => values.has(i.PlatformType === 'Windows' ? 'windows' : ''));
    else throw new Ec2Error('InvalidParameterValue', `The filter '${name}' is invalid`);
  }
  return out;
}

function stateChanges(ctx: Ctx, instances: FleetInstance[], act: (i: FleetInstance) => void) {
  return instances.map((i) => {
    const before = i.InstanceState ?? 'running';
    act(i);
    const after = getInstance(ctx, i.InstanceId)?.InstanceState ?? before;
    return { InstanceId: i.InstanceId, CurrentState: state(after), PreviousState: state(before) };
  });
}

function checkStates(instances: FleetInstance[], op: string, allowed: readonly Ec2State[]): void {
  for (const i of instances) {
    const s = i.InstanceState ?? 'running';
    if (!allowed.includes(s)) throw new Ec2Error('IncorrectInstanceState', `The instance '${i.InstanceId}' is not in a state from which it can be ${op}.`);
  }
}

/** Tags on an instance or an image; unknown resources answer EC2's NotFound errors. */
function taggable(ctx: Ctx, id: string): { Key: string; Value: string }[] {
  if (id.startsWith('ami-')) {
    const image = getImage(ctx, id);
    if (!image) throw new Ec2Error('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);
    return image.Tags;
  }
  return requireInstances(ctx, [id])[0].Tags;
}

/**
 * Runs one EC2 operation; undefined when the emulator does not simulate it. Errors are Ec2Error
 * (EC2's code and message).
 */
export function callEc2(ctx: Ctx, api: string, input: Record<string, unknown>): Record<string, unknown> | undefined {
  switch (api) {
    case 'DescribeInstances': {
      const ids = strings(input.InstanceIds);
      const base = ids.length ? requireInstances(ctx, ids) : ec2Instances(ctx);
      const found = filterInstances(base, input.Filters);
      return {
        Reservations: found.map((i) => ({
          ReservationId: `r-${i.InstanceId.slice(2)}`,
          OwnerId: ctx.account,
          Groups: [],
          Instances: [instanceView(ctx, i)],
        })),
      };
    }
    case 'DescribeInstanceStatus': {
      const ids = strings(input.InstanceIds);
      let found = ids.length ? requireInstances(ctx, ids) : ec2Instances(ctx);
      // Without IncludeAllInstances, EC2 describes running instances only.
      if (input.IncludeAllInstances !== true) found = found.filter((i) => (i.InstanceState ?? 'running') === 'running');
      return {
        InstanceStatuses: found.map((i) => {
          const running = (i.InstanceState ?? 'running') === 'running';
          const health = running ? 'ok' : 'not-applicable';
          return {
            InstanceId: i.InstanceId,
            AvailabilityZone: `${ctx.region}a`,
            InstanceState: state(i.InstanceState ?? 'running'),
            InstanceStatus: { Status: health, Details: running ? [{ Name: 'reachability', Status: 'passed' }] : [] },
            SystemStatus: { Status: health, Details: running ? [{ Name: 'reachability', Status: 'passed' }] : [] },
          };
        }),
      };
    }
    case 'DescribeImages': {
      const ids = strings(input.ImageIds);
      const all = Object.values(imagesOf(ctx));
      for (const id of ids) if (!getImage(ctx, id)) throw new Ec2Error('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);
      const found = ids.length ? all.filter((img) => ids.includes(img.ImageId)) : all;
      return {
        Images: found.map((img) => ({
          ImageId: img.ImageId,
          Name: img.Name,
          ...(img.Description !== undefined && { Description: img.Description }),
          State: img.State,
          OwnerId: ctx.account,
          CreationDate: iso(img.CreationDate),
          PlatformDetails: img.PlatformDetails,
          ...(img.Architecture !== undefined && { Architecture: img.Architecture }),
          ImageType: 'machine',
          Public: false,
          Tags: img.Tags,
        })),
      };
    }
    case 'StopInstances': {
      const found = requireInstances(ctx, strings(input.InstanceIds));
      checkStates(found, 'stopped', ['running', 'pending', 'stopping', 'stopped']);
      return { StoppingInstances: stateChanges(ctx, found, (i) => stopInstance(ctx, i)) };
    }
    case 'StartInstances': {
      const found = requireInstances(ctx, strings(input.InstanceIds));
      checkStates(found, 'started', ['stopped', 'pending', 'running']);
      return { StartingInstances: stateChanges(ctx, found, (i) => startInstance(ctx, i)) };
    }
    case 'TerminateInstances': {
      const found = requireInstances(ctx, strings(input.InstanceIds));
      return { TerminatingInstances: stateChanges(ctx, found, (i) => terminateInstance(ctx, i)) };
    }
    case 'RebootInstances': {
      const found = requireInstances(ctx, strings(input.InstanceIds));
      checkStates(found, 'rebooted', ['running', 'pending']);
      for (const i of found) rebootInstance(ctx, i);
      return {};
    }
    case 'CreateTags':
    case 'DeleteTags': {
      const ids = strings(input.Resources);
      const tags = Array.isArray(input.Tags) ? input.Tags.filter(isObj) : [];
      for (const id of ids) {
        const list = taggable(ctx, id);
        const next = list.filter((t) => !tags.some((x) => x.Key === t.Key && (api === 'CreateTags' || x.Value === undefined || x.Value === t.Value)));
        if (api === 'CreateTags') for (const t of tags) next.push({ Key: String(t.Key), Value: t.Value === undefined ? '' : String(t.Value) });
        if (id.startsWith('ami-')) getImage(ctx, id)!.Tags = next;
        else updateNode(ctx, getInstance(ctx, id)!, { Tags: next });
      }
      return {};
    }
    case 'CreateImage': {
      const inst = requireInstances(ctx, strings(input.InstanceId))[0];
      if (!inst) throw new Ec2Error('MissingParameter', 'The request must contain the parameter InstanceId');
      if (typeof input.Name !== 'string' || !input.Name) throw new Ec2Error('MissingParameter', 'The request must contain the parameter Name');
      checkStates([inst], 'imaged', ['running', 'stopping', 'stopped']);
      const image = createImage(ctx, inst, {
        name: input.Name,
        ...(typeof input.Description === 'string' && { description: input.Description }),
        noReboot: input.NoReboot === true || input.NoReboot === 'true',
      });
      return { ImageId: image.ImageId };
    }
    default:
      return undefined;
  }
}
