/**
 * Building and changing node records from a compact spec: the same PascalCase fields as
 * InstanceInformation (plus EC2 metadata, the agent state and the simulation data), as the control
 * API and fixture files write them. Anything left out gets a realistic default from the platform
 * preset and the seeded id generator, so a spec can be as short as `{ Platform: windows-2022 }`.
 *
 * Specs are checked here, field by field, before anything is stored; a bad field throws
 * FleetSpecError with a message that names it.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import type { Tag, PlatformType, ResourceType, SourceType } from '../../generated/ssm/types.js';
import {
  CONNECTION_LOST_AFTER_SECONDS,
  LATEST_AGENT_VERSION,
  PING_INTERVAL_SECONDS,
  type CommandBehavior,
  EC2_STATES,
  type Ec2State,
  type FleetInstance,
  type InstalledApplication,
  type NodePatches,
  type InstalledService,
  type NetworkInterface,
} from './instance.js';
import { DEFAULT_PLATFORM, PLATFORMS } from './platforms.js';
import { compileUserRegex } from '../../core/regex.js';

export class FleetSpecError extends Error {}

/** What the control API and fixtures accept for one node. Every field is optional. */
export interface InstanceSpec {
  InstanceId?: string;
  ResourceType?: ResourceType;
  /** A preset name (see platforms.ts): amazon-linux-2023, windows-2022, ... */
  Platform?: string;
  PlatformType?: PlatformType;
  PlatformName?: string;
  PlatformVersion?: string;
  AgentVersion?: string;
  IPAddress?: string;
  ComputerName?: string;
  IamRole?: string;
  ActivationId?: string;
  RegistrationDate?: number | string;
  Name?: string;
  SourceId?: string;
  SourceType?: SourceType;
  /** A list of {Key, Value} or a map {key: value}. */
  Tags?: Tag[] | Record<string, string>;
  InstanceType?: string;
  Architecture?: string;
  KeyName?: string;
  InstanceRole?: string;
  InstanceState?: Ec2State;
  LaunchTime?: number | string;
  /** Online (agent running), ConnectionLost (agent stopped long enough ago) or Inactive. */
  PingStatus?: 'Online' | 'ConnectionLost' | 'Inactive';
  /** For a node created offline: when its last ping was (epoch seconds or ISO-8601). */
  LastPingDateTime?: number | string;
  AgentRunning?: boolean;
  AssociationStatus?: string;
  LastAssociationExecutionDate?: number | string;
  LastSuccessfulAssociationExecutionDate?: number | string;
  AssociatedDocuments?: string[];
  Applications?: InstalledApplication[];
  Services?: InstalledService[];
  Network?: NetworkInterface[];
  /** {Installed, Failing, ImageDate}; a list of {KBId, State} (the earlier form) is still read. */
  Patches?: NodePatches | { KBId: string; State?: string }[];
  Behaviors?: CommandBehavior[];
  /** Session Manager port forwarding: { "<port>" or "<host>:<port>": "<local host>:<local port>" }. */
  PortForwards?: Record<string, string>;
}

export const SPEC_FIELDS: readonly string[] = [
  'InstanceId', 'ResourceType', 'Platform', 'PlatformType', 'PlatformName', 'PlatformVersion', 'AgentVersion', 'IPAddress',
  'ComputerName', 'IamRole', 'ActivationId', 'RegistrationDate', 'Name', 'SourceId', 'SourceType', 'Tags', 'InstanceType',
  'Architecture', 'KeyName', 'InstanceRole', 'InstanceState', 'LaunchTime', 'PingStatus', 'LastPingDateTime', 'AgentRunning',
  'AssociationStatus', 'LastAssociationExecutionDate', 'LastSuccessfulAssociationExecutionDate', 'AssociatedDocuments',
  'Applications', 'Services', 'Network', 'Patches', 'Behaviors', 'PortForwards',
];

const EC2_ID = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;
const HYBRID_ID = /^mi-[0-9a-f]{17}$/;
const PLATFORM_TYPES = ['Linux', 'Windows', 'MacOS'];
const PING_STATUSES = ['Online', 'ConnectionLost', 'Inactive'];
const SOURCE_TYPES = ['AWS::EC2::Instance', 'AWS::IoT::Thing', 'AWS::SSM::ManagedInstance'];
const PATCH_STATES = ['Installed', 'InstalledOther', 'InstalledPendingReboot', 'InstalledRejected', 'Missing', 'Failed'];
/** EC2 and SSM both allow 50 tags per resource. */
export const MAX_TAGS = 50;

const fail = (msg: string): never => {
  throw new FleetSpecError(msg);
};

function str(spec: Record<string, unknown>, field: string, opts: { max?: number; oneOf?: readonly string[]; min?: number } = {}): string | undefined {
  const v = spec[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(`${field} must be a string.`);
  const s = v as string;
  if (opts.min !== undefined && s.length < opts.min) fail(`${field} must not be empty.`);
  if (opts.max !== undefined && s.length > opts.max) fail(`${field} must be at most ${opts.max} characters.`);
  if (opts.oneOf && !opts.oneOf.includes(s)) fail(`${field} must be one of ${opts.oneOf.join(', ')}, not ${s}.`);
  return s;
}

/** Epoch seconds from a number (seconds) or an ISO-8601 string. */
export function seconds(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    if (Number.isFinite(ms)) return ms / 1000;
  }
  return fail(`${field} must be epoch seconds or an ISO-8601 date-time.`);
}

/** Tags as a list of {Key, Value} or a map; checked like EC2/SSM tags. */
export function parseTags(v: unknown, field = 'Tags'): Tag[] | undefined {
  if (v === undefined || v === null) return undefined;
  let list: Tag[];
  if (Array.isArray(v)) {
    list = v.map((t, i) => {
      if (!t || typeof t !== 'object' || typeof (t as Tag).Key !== 'string') fail(`${field}[${i}] must be {"Key": string, "Value": string}.`);
      const value = (t as Tag).Value ?? '';
      if (typeof value !== 'string') fail(`${field}[${i}].Value must be a string.`);
      return { Key: (t as Tag).Key, Value: value };
    });
  } else if (typeof v === 'object') {
    list = Object.entries(v as Record<string, unknown>).map(([Key, Value]) => {
      if (Value !== null && typeof Value === 'object') fail(`${field}.${Key} must be a string.`);
      return { Key, Value: Value === null || Value === undefined ? '' : String(Value) };
    });
  } else {
    return fail(`${field} must be a list of {"Key", "Value"} or a map of key to value.`);
  }
  if (list.length > MAX_TAGS) fail(`${field}: at most ${MAX_TAGS} tags per node.`);
  const seen = new Set<string>();
  for (const t of list) {
    if (t.Key.length < 1 || t.Key.length > 128) fail(`${field}: a tag key must be 1 to 128 characters (${JSON.stringify(t.Key)}).`);
    if (t.Value.length > 256) fail(`${field}: the value of tag ${t.Key} is longer than 256 characters.`);
    if (seen.has(t.Key)) fail(`${field}: tag key ${t.Key} appears twice.`);
    seen.add(t.Key);
  }
  return list;
}

function list<T>(spec: Record<string, unknown>, field: string, check: (item: Record<string, unknown>, where: string) => T): T[] | undefined {
  const v = spec[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return fail(`${field} must be a list.`);
  return v.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) fail(`${field}[${i}] must be an object.`);
    return check(item as Record<string, unknown>, `${field}[${i}]`);
  });
}

const needString = (o: Record<string, unknown>, k: string, where: string, optional = false) => {
  const v = o[k];
  if (v === undefined || v === null) {
    if (optional) return undefined;
    fail(`${where}.${k} is required.`);
  }
  if (typeof v !== 'string') fail(`${where}.${k} must be a string.`);
  return v as string;
};
const stringList = (o: Record<string, unknown>, k: string, where: string) => {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(`${where}.${k} must be a list of strings.`);
  return v as string[];
};

export function parseBehaviors(v: unknown): CommandBehavior[] | undefined {
  return list({ Behaviors: v }, 'Behaviors', (b, where) => {
    const Match = needString(b, 'Match', where)!;
    try {
      compileUserRegex(Match, { dialect: 'ecma' }); // as the Run Command engine and the shell will run it
    } catch (e) {
      fail(`${where}.Match is not a valid regular expression: ${(e as Error).message}`);
    }
    const out: CommandBehavior = { Match };
    const so = needString(b, 'Stdout', where, true);
    const se = needString(b, 'Stderr', where, true);
    if (so !== undefined) out.Stdout = so;
    if (se !== undefined) out.Stderr = se;
    if (b.ExitCode !== undefined) {
      if (!Number.isInteger(b.ExitCode)) fail(`${where}.ExitCode must be an integer.`);
      out.ExitCode = b.ExitCode as number;
    }
    if (b.DurationSeconds !== undefined) {
      if (typeof b.DurationSeconds !== 'number' || !(b.DurationSeconds >= 0)) fail(`${where}.DurationSeconds must be a number of seconds (0 or more).`);
      out.DurationSeconds = b.DurationSeconds as number;
    }
    if (b.Scope !== undefined) {
      if (b.Scope !== 'line' && b.Scope !== 'script') fail(`${where}.Scope must be line (the default: one command line of the script) or script (the whole script).`);
      if (b.Scope === 'script') out.Scope = 'script';
    }
    for (const k of Object.keys(b)) if (!['Match', 'Scope', 'Stdout', 'Stderr', 'ExitCode', 'DurationSeconds'].includes(k)) fail(`${where}: unknown field ${k}.`);
    return out;
  });
}

const PORT = /^([1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])$/;
/** host:port, the host a name, an IPv4 address or a bracketed IPv6 address. */
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]{1,253}):(\d{1,5})$/;

/** PortForwards: keys "<port>" (the node's own) or "<host>:<port>" (a remote host), values "<host>:<port>" here. */
export function parsePortForwards(v: unknown): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) return fail('PortForwards must be a map of "<port>" (or "<host>:<port>") to "<host>:<port>" on this machine.');
  const out: Record<string, string> = {};
  for (const [key, target] of Object.entries(v as Record<string, unknown>)) {
    const k = HOST_PORT.exec(key);
    if (!PORT.test(key) && !(k && PORT.test(k[2]!))) fail(`PortForwards: ${JSON.stringify(key)} is not a port (1-65535) or <host>:<port>.`);
    const t = typeof target === 'string' ? HOST_PORT.exec(target) : null;
    if (!t || !PORT.test(t[2]!)) fail(`PortForwards.${key} must be "<host>:<port>" (such as 127.0.0.1:15432), not ${JSON.stringify(target)}.`);
    out[key] = target as string;
  }
  return out;
}

function parseApplications(v: unknown): InstalledApplication[] | undefined {
  return list({ Applications: v }, 'Applications', (a, where) => {
    needString(a, 'Name', where);
    needString(a, 'Version', where);
    for (const [k, x] of Object.entries(a)) if (typeof x !== 'string') fail(`${where}.${k} must be a string.`);
    return a as unknown as InstalledApplication;
  });
}

function parseServices(v: unknown): InstalledService[] | undefined {
  return list({ Services: v }, 'Services', (s, where) => {
    needString(s, 'Name', where);
    const status = needString(s, 'Status', where, true) ?? 'Running';
    if (status !== 'Running' && status !== 'Stopped') fail(`${where}.Status must be Running or Stopped.`);
    const st = needString(s, 'StartType', where, true);
    if (st !== undefined && !['Automatic', 'Manual', 'Disabled'].includes(st)) fail(`${where}.StartType must be Automatic, Manual or Disabled.`);
    return { ...(s as object), Status: status } as InstalledService;
  });
}

function parseNetwork(v: unknown): NetworkInterface[] | undefined {
  return list({ Network: v }, 'Network', (n, where) => {
    needString(n, 'Name', where);
    needString(n, 'MacAddress', where);
    const ipv4 = stringList(n, 'IPV4', where);
    if (!ipv4) fail(`${where}.IPV4 is required (a list of addresses).`);
    for (const k of ['IPV6', 'Gateway', 'DNSServer', 'SubnetMask']) stringList(n, k, where);
    needString(n, 'DHCPServer', where, true);
    return n as unknown as NetworkInterface;
  });
}

/** How old a node's image is by default: it has every patch released before then (docs/fleet.md). */
export const DEFAULT_IMAGE_AGE_SECONDS = 90 * 86_400;

/**
 * Patches: {Installed: [...], Failing: [...], ImageDate}. The earlier list form, [{Title, KBId, State,
 * InstalledTime}], is read as Installed (State Failed: Failing; Missing: left out).
 */
function parsePatches(v: unknown): NodePatches | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    const out: NodePatches = { Installed: [], Failing: [] };
    list({ Patches: v }, 'Patches', (p, where) => {
      const kb = needString(p, 'KBId', where)!;
      const state = needString(p, 'State', where, true) ?? 'Installed';
      if (!PATCH_STATES.includes(state)) fail(`${where}.State must be one of ${PATCH_STATES.join(', ')}.`);
      if (state === 'Failed') out.Failing.push(kb);
      else if (state !== 'Missing') out.Installed.push(kb);
    });
    return out;
  }
  if (typeof v !== 'object') return fail('Patches must be {Installed: [...], Failing: [...], ImageDate}.');
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!['Installed', 'Failing', 'ImageDate'].includes(k)) fail(`Patches: unknown field ${k} (expected Installed, Failing, ImageDate).`);
  const out: NodePatches = {
    Installed: stringList(o, 'Installed', 'Patches') ?? [],
    Failing: stringList(o, 'Failing', 'Patches') ?? [],
  };
  const image = seconds(o.ImageDate, 'Patches.ImageDate');
  if (image !== undefined) out.ImageDate = image;
  return out;
}

function checkKnownFields(spec: Record<string, unknown>, extra: readonly string[]): void {
  for (const k of Object.keys(spec)) {
    if (!SPEC_FIELDS.includes(k) && !extra.includes(k)) fail(`Unknown instance field ${k}. Fields use InstanceInformation's PascalCase names (see docs/fleet.md).`);
  }
}

const hex = (ctx: Ctx, n: number) => ctx.emu.ids.hex(n);
/** A random offset in [0, seconds), with milliseconds, as real ping times have. */
const jitter = (ctx: Ctx, seconds: number) => ctx.emu.ids.int(seconds * 1000) / 1000;
const octet = (ctx: Ctx) => 1 + ctx.emu.ids.int(254);
const macOf = (ctx: Ctx) =>
  ['02', ...Array.from({ length: 5 }, () => ctx.emu.ids.int(256).toString(16).padStart(2, '0'))].join(':');

function defaultComputerName(ctx: Ctx, type: ResourceType, platform: PlatformType, ip: string): string {
  if (platform === 'Windows') return `EC2AMAZ-${ctx.emu.ids.chars(7, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;
  if (type === 'ManagedInstance') return `onprem-${hex(ctx, 6)}.corp.internal`;
  const host = `ip-${ip.replaceAll('.', '-')}`;
  return ctx.region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${ctx.region}.compute.internal`;
}

/**
 * A complete node record from a spec (validated), in the caller's account and region. Does not
 * store it: call addInstance (state.ts). `extraFields` are other keys the caller reads itself
 * (account, region, Count...), allowed in the spec.
 */
export function buildInstance(ctx: Ctx, raw: unknown, extraFields: readonly string[] = []): FleetInstance {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('An instance must be a JSON object.');
  const spec = raw as Record<string, unknown>;
  checkKnownFields(spec, extraFields);
  const now = toEpochSeconds(ctx.now);

  let id = str(spec, 'InstanceId');
  let type = str(spec, 'ResourceType', { oneOf: ['EC2Instance', 'ManagedInstance'] }) as ResourceType | undefined;
  if (id !== undefined) {
    if (!EC2_ID.test(id) && !HYBRID_ID.test(id)) fail(`InstanceId ${id} is not an instance id: i- and 17 hex digits (EC2) or mi- and 17 hex digits (hybrid).`);
    const fromId: ResourceType = id.startsWith('mi-') ? 'ManagedInstance' : 'EC2Instance';
    if (type !== undefined && type !== fromId) fail(`InstanceId ${id} belongs to a ${fromId}, not a ${type}.`);
    type = fromId;
  }
  type ??= spec.ActivationId !== undefined ? 'ManagedInstance' : 'EC2Instance';
  id ??= type === 'EC2Instance' ? `i-${hex(ctx, 17)}` : `mi-${hex(ctx, 17)}`;

  const presetName = str(spec, 'Platform');
  const platformType = str(spec, 'PlatformType', { oneOf: PLATFORM_TYPES }) as PlatformType | undefined;
  if (presetName !== undefined && !Object.hasOwn(PLATFORMS, presetName)) {
    fail(`Platform ${presetName} is not a known preset; use one of ${Object.keys(PLATFORMS).join(', ')} or give PlatformType, PlatformName and PlatformVersion.`);
  }
  const preset = PLATFORMS[presetName ?? DEFAULT_PLATFORM[platformType ?? 'Linux']];
  if (presetName !== undefined && platformType !== undefined && preset.PlatformType !== platformType) {
    fail(`Platform ${presetName} is a ${preset.PlatformType} preset, not ${platformType}.`);
  }
  const pt = platformType ?? preset.PlatformType;

  const ip = str(spec, 'IPAddress', { min: 1, max: 46 }) ?? (type === 'EC2Instance' ? `172.31.${ctx.emu.ids.int(256)}.${octet(ctx)}` : `192.168.${ctx.emu.ids.int(256)}.${octet(ctx)}`);
  const ping = str(spec, 'PingStatus', { oneOf: PING_STATUSES });
  const agentRunningSpec = spec.AgentRunning;
  if (agentRunningSpec !== undefined && typeof agentRunningSpec !== 'boolean') fail('AgentRunning must be true or false.');
  const state = str(spec, 'InstanceState', { oneOf: EC2_STATES }) as Ec2State | undefined;
  if (state !== undefined && type !== 'EC2Instance') fail('InstanceState applies to EC2 instances only.');

  const inst: FleetInstance = {
    InstanceId: id,
    ResourceType: type,
    PlatformType: pt,
    PlatformName: str(spec, 'PlatformName', { min: 1, max: 256 }) ?? preset.PlatformName,
    PlatformVersion: str(spec, 'PlatformVersion', { min: 1, max: 256 }) ?? preset.PlatformVersion,
    AgentVersion: str(spec, 'AgentVersion', { min: 1, max: 64 }) ?? LATEST_AGENT_VERSION,
    IPAddress: ip,
    ComputerName: '',
    SourceId: str(spec, 'SourceId', { min: 1, max: 128 }) ?? id,
    SourceType: (str(spec, 'SourceType', { oneOf: SOURCE_TYPES }) as SourceType | undefined) ?? (type === 'EC2Instance' ? 'AWS::EC2::Instance' : 'AWS::SSM::ManagedInstance'),
    Tags: parseTags(spec.Tags) ?? [],
    AgentRunning: true,
    PingAnchor: now,
    Applications: parseApplications(spec.Applications) ?? structuredClone(preset.Applications),
    Services: parseServices(spec.Services) ?? structuredClone(preset.Services),
    Network: [],
    Patches: { Installed: [], Failing: [], ...parsePatches(spec.Patches) },
    Behaviors: parseBehaviors(spec.Behaviors) ?? [],
    CreatedAt: now,
  };
  inst.Patches.ImageDate ??= now - DEFAULT_IMAGE_AGE_SECONDS;
  const forwards = parsePortForwards(spec.PortForwards);
  if (forwards) inst.PortForwards = forwards;
  inst.ComputerName = str(spec, 'ComputerName', { min: 1, max: 255 }) ?? defaultComputerName(ctx, type, pt, ip);
  inst.Network = parseNetwork(spec.Network) ?? [
    {
      Name: pt === 'Windows' ? 'Ethernet' : pt === 'MacOS' ? 'en0' : 'eth0',
      MacAddress: macOf(ctx),
      IPV4: [ip],
      SubnetMask: ['255.255.240.0'],
      Gateway: [ip.split('.').slice(0, 3).join('.') + '.1'],
      DNSServer: [type === 'EC2Instance' ? '172.31.0.2' : '192.168.0.2'],
    },
  ];
  const opt = <K extends keyof FleetInstance>(k: K, v: FleetInstance[K] | undefined) => {
    if (v !== undefined) inst[k] = v;
  };
  opt('IamRole', str(spec, 'IamRole', { max: 64 }));
  opt('ActivationId', str(spec, 'ActivationId'));
  opt('Name', str(spec, 'Name', { max: 256 }));
  opt('KeyName', str(spec, 'KeyName'));
  opt('InstanceRole', str(spec, 'InstanceRole'));
  opt('AssociationStatus', str(spec, 'AssociationStatus'));
  opt('LastAssociationExecutionDate', seconds(spec.LastAssociationExecutionDate, 'LastAssociationExecutionDate'));
  opt('LastSuccessfulAssociationExecutionDate', seconds(spec.LastSuccessfulAssociationExecutionDate, 'LastSuccessfulAssociationExecutionDate'));
  const docs = stringList(spec, 'AssociatedDocuments', 'instance');
  if (docs) inst.AssociatedDocuments = docs;
  if (type === 'EC2Instance') {
    inst.InstanceType = str(spec, 'InstanceType') ?? preset.InstanceType;
    inst.Architecture = str(spec, 'Architecture') ?? preset.Architecture;
    inst.InstanceState = state ?? 'running';
    inst.LaunchTime = seconds(spec.LaunchTime, 'LaunchTime') ?? now;
  } else {
    opt('InstanceType', str(spec, 'InstanceType'));
    inst.Architecture = str(spec, 'Architecture') ?? preset.Architecture;
    inst.RegistrationDate = seconds(spec.RegistrationDate, 'RegistrationDate') ?? now;
  }

  // The agent: a running agent's pings have a per-node phase, so LastPingDateTime values differ as
  // they do in a real fleet; an offline node stopped pinging a while ago.
  const lastPing = seconds(spec.LastPingDateTime, 'LastPingDateTime');
  if (lastPing !== undefined && lastPing > now) fail('LastPingDateTime must not be in the future.');
  const offline = ping === 'ConnectionLost' || ping === 'Inactive' || agentRunningSpec === false || (state !== undefined && state !== 'running' && state !== 'pending');
  if (offline) {
    inst.AgentRunning = false;
    if (ping === 'Inactive') inst.Inactive = true;
    if (lastPing !== undefined) {
      inst.PingAnchor = lastPing;
      inst.AgentStoppedAt = lastPing;
    } else if (ping === 'ConnectionLost' || ping === 'Inactive') {
      inst.AgentStoppedAt = now - CONNECTION_LOST_AFTER_SECONDS - jitter(ctx, 3 * 3600);
      inst.PingAnchor = inst.AgentStoppedAt - jitter(ctx, PING_INTERVAL_SECONDS);
    } else {
      inst.AgentStoppedAt = now;
      inst.PingAnchor = now - jitter(ctx, PING_INTERVAL_SECONDS);
    }
  } else {
    if (ping === 'Online' && lastPing !== undefined) fail('LastPingDateTime only applies to nodes created offline (PingStatus ConnectionLost).');
    inst.PingAnchor = now - jitter(ctx, PING_INTERVAL_SECONDS);
  }
  return inst;
}

/** Fields PATCH may not change: they are the node's identity. */
const IMMUTABLE = ['InstanceId', 'ResourceType', 'Platform'];

/**
 * Applies a partial update (control API PATCH) to a stored node, after checking every field; the
 * node is unchanged when a field is bad. Returns the kinds of change made.
 */
export function patchInstance(ctx: Ctx, inst: FleetInstance, raw: unknown): { agent?: 'started' | 'stopped'; tags: boolean } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('The update must be a JSON object.');
  const patch = raw as Record<string, unknown>;
  checkKnownFields(patch, []);
  for (const k of IMMUTABLE) if (patch[k] !== undefined && patch[k] !== (inst as unknown as Record<string, unknown>)[k]) fail(`${k} cannot be changed.`);
  const now = toEpochSeconds(ctx.now);
  const next = structuredClone(inst);
  const set = (k: string, v: unknown) => {
    if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
  };
  set('PlatformType', str(patch, 'PlatformType', { oneOf: PLATFORM_TYPES }));
  for (const k of ['PlatformName', 'PlatformVersion', 'AgentVersion', 'IPAddress', 'ComputerName', 'SourceId']) set(k, str(patch, k, { min: 1, max: 256 }));
  for (const k of ['IamRole', 'Name', 'KeyName', 'InstanceRole', 'InstanceType', 'Architecture', 'AssociationStatus', 'ActivationId']) set(k, str(patch, k));
  set('SourceType', str(patch, 'SourceType', { oneOf: SOURCE_TYPES }));
  for (const k of ['RegistrationDate', 'LaunchTime', 'LastAssociationExecutionDate', 'LastSuccessfulAssociationExecutionDate']) set(k, seconds(patch[k], k));
  set('AssociatedDocuments', stringList(patch, 'AssociatedDocuments', 'update'));
  set('Tags', parseTags(patch.Tags));
  set('Applications', parseApplications(patch.Applications));
  set('Services', parseServices(patch.Services));
  set('Network', parseNetwork(patch.Network));
  const patches = parsePatches(patch.Patches);
  // A PATCH of Patches replaces the lists; the image date stays unless given.
  if (patches) set('Patches', { ...patches, ImageDate: patches.ImageDate ?? inst.Patches.ImageDate });
  set('Behaviors', parseBehaviors(patch.Behaviors));
  set('PortForwards', parsePortForwards(patch.PortForwards));
  if (patch.LastPingDateTime !== undefined) fail('LastPingDateTime follows the clock; use PingStatus or AgentRunning to change the agent.');

  const state = str(patch, 'InstanceState', { oneOf: EC2_STATES }) as Ec2State | undefined;
  if (state !== undefined && inst.ResourceType !== 'EC2Instance') fail('InstanceState applies to EC2 instances only.');
  const ping = str(patch, 'PingStatus', { oneOf: PING_STATUSES });
  const running = patch.AgentRunning;
  if (running !== undefined && typeof running !== 'boolean') fail('AgentRunning must be true or false.');
  if (ping !== undefined && running !== undefined && (ping === 'Online') !== running) fail('PingStatus and AgentRunning disagree.');

  let agent: 'started' | 'stopped' | undefined;
  const stop = (lostAlready: boolean) => {
    if (next.AgentRunning) {
      next.AgentRunning = false;
      next.AgentStoppedAt = now;
      agent = 'stopped';
    }
    if (lostAlready) {
      // The agent went silent long enough ago for ConnectionLost to show now.
      const stoppedAt = Math.min(next.AgentStoppedAt ?? now, now - CONNECTION_LOST_AFTER_SECONDS);
      next.AgentStoppedAt = stoppedAt;
      if (next.PingAnchor > stoppedAt) next.PingAnchor = stoppedAt;
    }
  };
  const start = () => {
    if (!next.AgentRunning || next.Inactive) agent = 'started';
    next.AgentRunning = true;
    delete next.Inactive;
    delete next.AgentStoppedAt;
    // A starting agent pings at once.
    next.PingAnchor = now;
  };
  if (state !== undefined) {
    next.InstanceState = state;
    if (state === 'running' || state === 'pending') {
      if (running !== false && ping === undefined && !inst.AgentRunning) start();
    } else if (ping === undefined && running === undefined) {
      stop(false);
    }
  }
  if (ping === 'Online' || running === true) start();
  else if (ping === 'ConnectionLost') {
    delete next.Inactive;
    stop(true);
  } else if (ping === 'Inactive') {
    stop(false);
    next.Inactive = true;
  } else if (running === false) stop(false);

  const tagsChanged = patch.Tags !== undefined;
  Object.assign(inst, next);
  for (const k of Object.keys(inst)) if (!(k in next)) delete (inst as unknown as Record<string, unknown>)[k];
  return { agent, tags: tagsChanged };
}
