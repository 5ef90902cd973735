/**
 * The aws:softwareInventory plugin (AWS-GatherSoftwareInventory), simulated: what SSM Agent's
 * inventory plugin collects on a node, taken from the node's facts in the fleet, and uploaded with
 * PutInventory when the step ends.
 *
 * As the agent does (amazon-ssm-agent agent/plugins/inventory):
 * - it runs only for a State Manager association: invoked by Run Command it fails with
 *   "aws:softwareInventory plugin can only be invoked via ssm-associate" (the user guide quotes
 *   it too: "If you don't create the association first, and attempt to invoke the
 *   aws:softwareInventory plugin by using, for example, Systems Manager Run Command, the system
 *   returns the following error");
 * - a gatherer runs when its input is "Enabled" (files and windowsRegistry: when their JSON
 *   configuration is not empty) and the platform supports it: Linux and macOS run AWS:Application,
 *   AWS:AWSComponent, AWS:Network, AWS:File, AWS:InstanceDetailedInformation, AWS:BillingInfo and
 *   custom inventory; Windows also AWS:WindowsUpdate, AWS:Service, AWS:WindowsRole and
 *   AWS:WindowsRegistry (gatherers/models_unix.go, models_windows.go); others are skipped silently;
 * - the upload waits a jitter of up to 30 seconds (datauploader: Max_Time_TO_Back_Off), here a
 *   fixed per-node delay derived from the instance id, plus a couple of seconds of gathering;
 * - content hashes are base64(MD5(JSON of the content)) (datauploader.calculateCheckSum), so an
 *   unchanged type keeps its stored content;
 * - success prints "Inventory policy has been successfully applied and collected inventory data
 *   has been uploaded to SSM".
 * The service adds AWS:Tag (the node's tags) to what the agent uploads; AWS:InstanceInformation is
 * maintained by the service (instance-info.ts).
 *
 * What the facts give: applications and services (the fleet's Applications / Services, which
 * scripts change), network interfaces, installed Windows updates (Patch Manager's view of the node:
 * its catalog, image date and installs), the instance type (CPU
 * figures), the kernel, and the files the simulated shell knows plus the binaries of installed
 * packages (AWS:File). Windows roles, registry values and billing product codes are canned per
 * platform. Custom inventory files: simulated nodes keep no files between runs, so there are none
 * (use PutInventory).
 */
import { createHash } from 'node:crypto';
import { ServiceError } from '../../core/errors.js';
import { toEpochSeconds } from '../../core/context.js';
import type { InventoryItem } from '../../generated/ssm/types.js';
import { COMMAND_HOST } from '../commands/runner.js';
import type { PluginRun, PluginSimulator } from '../commands/plugins.js';
import type { FleetInstance, InstalledApplication } from '../fleet/instance.js';
import { hash32, resolveFacts, type Facts } from '../shell/facts.js';
import { vcpusOf } from '../shell/machine.js';
import { catalogForNode } from '../patching/catalog.js';
import { installedPatches, nodeFacts } from '../patching/scan.js';
import { nodeRecord as patchRecord } from '../patching/state.js';
import type { Ctx } from '../../core/context.js';
import { captureTime } from './instance-info.js';
import { putInventory } from './put.js';
import type { Entry } from './state.js';
import * as messages from './messages.js';

export const PLUGIN = 'aws:softwareInventory';
/** Gathering itself, before the upload jitter. */
const GATHER_MS = 2_000;
/** The agent's upload jitter window (datauploader Max_Time_TO_Back_Off: 30 s). */
const JITTER_SECONDS = 30;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

/** The plugin's inputs as the agent reads them (case-insensitive member names, as Go's JSON decoding). */
function inputsOf(run: PluginRun): Record<string, string> {
  const raw = isObj(run.step.inputs) ? run.step.inputs : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) out[k.toLowerCase()] = str(v);
  return out;
}

const enabled = (inputs: Record<string, string>, key: string) => inputs[key.toLowerCase()] === 'Enabled';

// ───────────────────────────────────────── gatherers ─────────────────────────────────────────

/** agent model.FormatArchitecture: amd64 -> x86_64, 386 -> i386. */
function formatArchitecture(arch: string | undefined): string {
  const a = (arch ?? '').trim().toLowerCase();
  return a === 'amd64' ? 'x86_64' : a === '386' ? 'i386' : a;
}

/** agent model.ApplicationData, members in its order (omitempty ones left out when empty). */
function applicationEntry(app: InstalledApplication): Entry {
  const e: Entry = { Name: app.Name, Publisher: app.Publisher ?? '', Version: app.Version };
  const opt = (k: keyof InstalledApplication, v = app[k]) => {
    if (v) e[k] = String(v);
  };
  opt('Release');
  opt('InstalledTime');
  opt('ApplicationType');
  e.Architecture = formatArchitecture(app.Architecture);
  opt('URL');
  opt('Summary');
  opt('PackageId');
  return e;
}

/** agent ByNamePublisherVersion: name, then publisher (case-insensitive), then version. */
const byNamePublisherVersion = (a: Entry, b: Entry) =>
  a.Name.toLowerCase().localeCompare(b.Name.toLowerCase()) || a.Publisher.toLowerCase().localeCompare(b.Publisher.toLowerCase()) || a.Version.localeCompare(b.Version, undefined, { numeric: true });

/** agent application/dataProvider.go componentType: Amazon's own packages. */
const AWS_COMPONENTS = new Set(['amazon-ssm-agent', 'amazon ssm agent', 'com.amazon.aws.ssm', 'aws tools for windows', 'ec2configservice', 'aws-cfn-bootstrap', 'aws pv drivers']);
const isAwsComponent = (name: string) => {
  const n = name.trim().toLowerCase();
  return AWS_COMPONENTS.has(n) || n.includes('aws-apitools-') || n.includes('aws-amitools-');
};

function applications(node: FleetInstance): Entry[] {
  return node.Applications.map(applicationEntry).sort(byNamePublisherVersion);
}

function network(node: FleetInstance): Entry[] {
  const windows = node.PlatformType === 'Windows';
  return node.Network.map((n) => {
    // Linux reports the last address of each family (dataProvider_unix.go); Windows reports WMI's lists.
    const last = (l?: string[]) => (l?.length ? l[l.length - 1] : '');
    if (!windows) return { Name: n.Name, MacAddress: n.MacAddress, IPV4: last(n.IPV4), IPV6: last(n.IPV6) };
    const e: Entry = { Name: n.Name };
    if (n.SubnetMask?.length) e.SubnetMask = n.SubnetMask.join(',');
    if (n.Gateway?.length) e.Gateway = n.Gateway.join(',');
    if (n.DHCPServer) e.DHCPServer = n.DHCPServer;
    if (n.DNSServer?.length) e.DNSServer = n.DNSServer.join(',');
    Object.assign(e, { MacAddress: n.MacAddress, IPV4: (n.IPV4 ?? []).join(','), IPV6: (n.IPV6 ?? []).join(',') });
    return e;
  });
}

function detailedInformation(node: FleetInstance, facts: Facts): Entry[] {
  const arm = facts.arch === 'arm64';
  const cpus = vcpusOf(node.InstanceType);
  const ht = !arm && cpus > 1;
  return [
    {
      CPUModel: node.PlatformType === 'MacOS' && arm ? 'Apple M1' : arm ? 'Neoverse-N1' : 'Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz',
      CPUSpeedMHz: arm ? '2600' : '2500',
      CPUs: String(cpus),
      CPUSockets: '1',
      CPUCores: String(ht ? cpus / 2 : cpus),
      CPUHyperThreadEnabled: String(ht),
      OSServicePack: node.PlatformType === 'Windows' ? '0' : '',
      KernelVersion: facts.kernel,
    },
  ];
}

function services(node: FleetInstance): Entry[] {
  return node.Services.map((s) => ({
    Name: s.Name,
    DisplayName: s.DisplayName ?? s.Name,
    Status: s.Status,
    DependentServices: '',
    ServicesDependedOn: '',
    ServiceType: s.ServiceType ?? 'Win32OwnProcess',
    StartType: s.StartType ?? 'Manual',
  }));
}

/** How Windows names an update's classification in its hotfix list (Win32_QuickFixEngineering Description). */
const HOTFIX_DESCRIPTION: Record<string, string> = { SecurityUpdates: 'Security Update', CriticalUpdates: 'Hotfix', UpdateRollups: 'Update', Updates: 'Update' };

/** The node's installed updates, from Patch Manager's view of it (catalog, image date, installs). */
function windowsUpdates(ctx: Ctx, node: FleetInstance, nowSeconds: number): Entry[] {
  const catalog = catalogForNode(ctx.emu, node);
  if (!catalog || catalog.family !== 'windows') return [];
  const facts = nodeFacts(catalog, node, patchRecord(ctx, node.InstanceId));
  return installedPatches(catalog, facts, nowSeconds)
    .sort((a, b) => b.installedTime - a.installedTime)
    .map(({ patch, installedTime }) => ({
      HotFixId: patch.kbId,
      Description: HOTFIX_DESCRIPTION[patch.classification] ?? 'Update',
      InstalledTime: captureTime(installedTime),
      InstalledBy: 'NT AUTHORITY\\SYSTEM',
    }));
}

/** Features a Windows Server AMI has installed (simulation data). */
const WINDOWS_ROLES: readonly [string, string, string, string][] = [
  ['FileAndStorage-Services', 'File and Storage Services', 'Role', 'File and Storage Services'],
  ['Storage-Services', 'Storage Services', 'Role Service', 'File and Storage Services\\Storage Services'],
  ['NET-Framework-45-Features', '.NET Framework 4.8 Features', 'Feature', '.NET Framework 4.8 Features'],
  ['NET-Framework-45-Core', '.NET Framework 4.8', 'Feature', '.NET Framework 4.8 Features\\.NET Framework 4.8'],
  ['PowerShellRoot', 'Windows PowerShell', 'Feature', 'Windows PowerShell'],
  ['PowerShell', 'Windows PowerShell 5.1', 'Feature', 'Windows PowerShell\\Windows PowerShell 5.1'],
  ['WoW64-Support', 'WoW64 Support', 'Feature', 'WoW64 Support'],
  ['Windows-Defender', 'Microsoft Defender Antivirus', 'Feature', 'Microsoft Defender Antivirus'],
];

function windowsRoles(): Entry[] {
  return WINDOWS_ROLES.map(([Name, DisplayName, FeatureType, Path]) => ({
    Name,
    DisplayName,
    Description: '',
    Installed: 'True',
    InstalledState: 'Installed',
    FeatureType,
    Path,
    SubFeatures: '',
    ServerComponentDescriptor: '',
    DependsOn: '',
    Parent: Path.includes('\\') ? WINDOWS_ROLES.find((r) => Path.startsWith(`${r[3]}\\`))?.[0] ?? '' : '',
  }));
}

/** License-included billing products of EC2 AMIs (simulation data; the agent reads the identity document). */
function billingInfo(node: FleetInstance): Entry[] {
  if (node.ResourceType !== 'EC2Instance') return [];
  if (node.PlatformType === 'Windows') return [{ BillingProductId: 'bp-6ba54002' }];
  if (node.PlatformName.includes('Red Hat')) return [{ BillingProductId: 'bp-6fa54006' }];
  return [];
}

function tags(node: FleetInstance): Entry[] {
  return node.Tags.map((t) => ({ Key: t.Key, Value: t.Value })).sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
}

// ──────────────────────────────────────── files and registry ────────────────────────────────────────

/** Wildcard match (* and ?) without regular expressions: patterns come from the caller. */
export function globMatch(pattern: string, name: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const s = ignoreCase ? name.toLowerCase() : name;
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < s.length) {
    if (i < p.length && (p[i] === '?' || p[i] === s[j])) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

interface SimFile {
  path: string;
  size: number;
  product?: string;
  version?: string;
  company?: string;
}

/** The binaries installed packages put on the node (simulation data), besides the shell's files. */
function packageFiles(node: FleetInstance): SimFile[] {
  const windows = node.PlatformType === 'Windows';
  const out: SimFile[] = [];
  for (const app of node.Applications) {
    const name = app.Name.toLowerCase();
    if (windows) {
      const dir = name.includes('ssm agent') ? 'Amazon\\SSM' : app.Name;
      const exe = name.includes('ssm agent') ? 'amazon-ssm-agent.exe' : `${app.Name.replace(/\s+/g, '')}.exe`;
      out.push({ path: `C:\\Program Files\\${dir}\\${exe}`, size: 30_000_000 + (hash32(app.Name) % 1_000_000), product: app.Name, version: app.Version, company: app.Publisher });
    } else if (name === 'amazon-ssm-agent') {
      for (const b of ['amazon-ssm-agent', 'ssm-agent-worker', 'ssm-document-worker', 'ssm-session-worker']) out.push({ path: `/usr/bin/${b}`, size: 20_000_000 + (hash32(b) % 5_000_000) });
    } else {
      out.push({ path: `/usr/bin/${app.Name}`, size: 100_000 + (hash32(app.Name) % 900_000) });
    }
  }
  return out;
}

interface FileSpec {
  Path: string;
  Pattern: string[];
  Recursive: boolean;
}

/** The agent's file inventory limits (user guide, "Working with file and Windows registry inventory"). */
const MAX_FILES = 500;
const MAX_REGISTRY_VALUES = 250;

function parseJsonList(text: string, what: (d: string) => string): Record<string, unknown>[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(what((e as Error).message));
  }
  if (!Array.isArray(v) || !v.every(isObj)) throw new Error(what('expected a JSON list of objects'));
  return v as Record<string, unknown>[];
}

function fileSpecs(text: string): FileSpec[] {
  return parseJsonList(text, messages.invalidFilesInput).map((o) => {
    if (typeof o.Path !== 'string' || !o.Path) throw new Error(messages.invalidFilesInput('each entry needs a Path'));
    if (!Array.isArray(o.Pattern) || !o.Pattern.length || !o.Pattern.every((p) => typeof p === 'string')) throw new Error(messages.invalidFilesInput('each entry needs a Pattern list'));
    return { Path: o.Path, Pattern: o.Pattern as string[], Recursive: o.Recursive === true };
  });
}

function expandEnv(path: string, facts: Facts): string {
  if (facts.os !== 'windows') return path;
  const env = new Map(Object.entries(facts.env).map(([k, v]) => [k.toLowerCase(), v]));
  return path.replace(/%([^%]+)%/g, (m, name: string) => env.get(name.toLowerCase()) ?? m);
}

function files(node: FleetInstance, facts: Facts, specs: readonly FileSpec[], nowSeconds: number): Entry[] {
  const windows = facts.os === 'windows';
  const sep = windows ? '\\' : '/';
  const all: SimFile[] = [...Object.entries(facts.files).map(([path, content]) => ({ path, size: Buffer.byteLength(content) })), ...packageFiles(node)];
  const norm = (p: string) => (windows ? p.replace(/\//g, '\\').replace(/\\+$/, '') : p.replace(/\/+$/, '')) || sep;
  const seen = new Set<string>();
  const out: Entry[] = [];
  const when = captureTime(node.CreatedAt);
  for (const spec of specs) {
    const dir = norm(expandEnv(spec.Path, facts));
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const f of all) {
      const key = windows ? f.path.toLowerCase() : f.path;
      if (seen.has(key) || !(windows ? key.startsWith(prefix.toLowerCase()) : key.startsWith(prefix))) continue;
      const rest = f.path.slice(prefix.length);
      if (!spec.Recursive && rest.includes(sep)) continue;
      const base = f.path.slice(f.path.lastIndexOf(sep) + 1);
      if (!spec.Pattern.some((p) => globMatch(p, base, windows))) continue;
      seen.add(key);
      out.push({
        Name: base,
        Size: String(f.size),
        Description: '',
        FileVersion: f.version ?? '',
        InstalledDate: when,
        ModificationTime: when,
        LastAccessTime: captureTime(nowSeconds),
        ProductName: f.product ?? '',
        InstalledDir: f.path.slice(0, f.path.lastIndexOf(sep)) || sep,
        CompanyName: f.company ?? '',
        ProductVersion: f.version ?? '',
        ProductLanguage: '',
      });
      if (out.length >= MAX_FILES) return out;
    }
  }
  return out;
}

interface RegistryValue {
  KeyPath: string;
  ValueName: string;
  ValueType: string;
  Value: string;
}

/** A few keys every EC2 Windows node has (simulation data). */
function registryOf(node: FleetInstance, facts: Facts): RegistryValue[] {
  const v = (KeyPath: string, ValueName: string, Value: string, ValueType = 'String') => ({ KeyPath, ValueName, ValueType, Value });
  const nt = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
  const agent = node.Applications.find((a) => isAwsComponent(a.Name) && a.Name.toLowerCase().includes('ssm'));
  return [
    v('HKEY_LOCAL_MACHINE\\SOFTWARE\\Amazon\\MachineImage', 'AMIName', `${node.PlatformName.replace('Microsoft ', '')}-English-Full-Base`),
    v('HKEY_LOCAL_MACHINE\\SOFTWARE\\Amazon\\MachineImage', 'AMIVersion', '2025.01.01'),
    v('HKEY_LOCAL_MACHINE\\SOFTWARE\\Amazon\\SSM', 'Version', agent?.Version ?? node.AgentVersion),
    v(nt, 'ProductName', node.PlatformName.replace('Microsoft ', '')),
    v(nt, 'CurrentBuild', facts.platformVersion.split('.')[2] ?? ''),
    v(nt, 'InstallationType', 'Server'),
    v(nt, 'ComputerName', facts.hostname.toUpperCase()),
  ];
}

interface RegistrySpec {
  Path: string;
  Recursive: boolean;
  ValueNames?: string[];
}

function registrySpecs(text: string): RegistrySpec[] {
  return parseJsonList(text, messages.invalidRegistryInput).map((o) => {
    if (typeof o.Path !== 'string' || !o.Path) throw new Error(messages.invalidRegistryInput('each entry needs a Path'));
    const names = Array.isArray(o.ValueNames) ? o.ValueNames.filter((n): n is string => typeof n === 'string') : undefined;
    return { Path: o.Path, Recursive: o.Recursive === true, ...(names && { ValueNames: names }) };
  });
}

function registry(node: FleetInstance, facts: Facts, specs: readonly RegistrySpec[]): Entry[] {
  const out: Entry[] = [];
  const values = registryOf(node, facts);
  for (const spec of specs) {
    const path = spec.Path.replace(/\\+$/, '').toLowerCase();
    for (const val of values) {
      const key = val.KeyPath.toLowerCase();
      const inScope = key === path || (spec.Recursive && key.startsWith(`${path}\\`));
      if (!inScope || (spec.ValueNames && !spec.ValueNames.some((n) => n.toLowerCase() === val.ValueName.toLowerCase()))) continue;
      if (!out.some((e) => e.KeyPath === val.KeyPath && e.ValueName === val.ValueName)) out.push({ ...val });
      if (out.length >= MAX_REGISTRY_VALUES) return out;
    }
  }
  return out;
}

// ──────────────────────────────────────────── plugin ────────────────────────────────────────────

interface Plan {
  files?: FileSpec[];
  registry?: RegistrySpec[];
}

/** Reads the inputs the agent validates before gathering (files and registry JSON). */
function plan(inputs: Record<string, string>, windows: boolean): Plan {
  const p: Plan = {};
  if (inputs.files?.trim()) p.files = fileSpecs(inputs.files);
  if (windows && inputs.windowsregistry?.trim()) p.registry = registrySpecs(inputs.windowsregistry);
  return p;
}

const contentHash = (content: Entry[]) => createHash('md5').update(JSON.stringify(content)).digest('base64');

/** What the enabled gatherers collect on the node now, as PutInventory items. */
export function gatherInventory(run: PluginRun, inputs: Record<string, string>, p: Plan): InventoryItem[] {
  const node = run.node;
  const facts = resolveFacts({ node: run.facts });
  const windows = node.PlatformType === 'Windows';
  const now = toEpochSeconds(run.ctx.now);
  const at = captureTime(now);
  const items: InventoryItem[] = [];
  const add = (TypeName: string, SchemaVersion: string, content: Entry[], always = false) => {
    if (!content.length && !always) return;
    items.push({ TypeName, SchemaVersion, CaptureTime: at, ContentHash: contentHash(content), Content: content });
  };
  const apps = applications(node);
  if (enabled(inputs, 'applications')) add('AWS:Application', '1.1', apps, true);
  if (enabled(inputs, 'awsComponents')) add('AWS:AWSComponent', '1.0', apps.filter((a) => isAwsComponent(a.Name)), true);
  if (enabled(inputs, 'networkConfig')) add('AWS:Network', '1.0', network(node), true);
  if (enabled(inputs, 'instanceDetailedInformation')) add('AWS:InstanceDetailedInformation', '1.0', detailedInformation(node, facts));
  if (enabled(inputs, 'billingInfo')) add('AWS:BillingInfo', '1.0', billingInfo(node));
  if (p.files) add('AWS:File', '1.0', files(node, facts, p.files, now), true);
  if (windows) {
    if (enabled(inputs, 'windowsUpdates')) add('AWS:WindowsUpdate', '1.0', windowsUpdates(run.ctx, node, now), true);
    if (enabled(inputs, 'services')) add('AWS:Service', '1.0', services(node), true);
    if (enabled(inputs, 'windowsRoles')) add('AWS:WindowsRole', '1.0', windowsRoles(), true);
    if (p.registry) add('AWS:WindowsRegistry', '1.0', registry(node, facts, p.registry), true);
  }
  if (items.length) add('AWS:Tag', '1.0', tags(node));
  return items;
}

const durationOf = (run: PluginRun) => GATHER_MS + (hash32(run.node.InstanceId) % JITTER_SECONDS) * 1000;

function failed(stderr: string, durationMs = 0) {
  return { stdout: '', stderr, exitCode: 1, durationMs };
}

export const softwareInventorySimulator: PluginSimulator = {
  start(run) {
    if (run.host === COMMAND_HOST) return failed(messages.onlyViaAssociation(PLUGIN));
    try {
      plan(inputsOf(run), run.node.PlatformType === 'Windows');
    } catch (e) {
      return failed((e as Error).message, GATHER_MS);
    }
    return { stdout: '', stderr: '', exitCode: 0, durationMs: Math.min(durationOf(run), run.timeoutMs) };
  },
  complete(run, outcome) {
    if (outcome.exitCode !== 0) return undefined;
    const inputs = inputsOf(run);
    const items = gatherInventory(run, inputs, plan(inputs, run.node.PlatformType === 'Windows'));
    if (!items.length) return { ...outcome, stdout: messages.nothingToUpload() };
    // PutInventory takes at most 30 items; the agent's types are fewer.
    try {
      putInventory(run.ctx, run.node.InstanceId, items);
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      return { ...outcome, stdout: '', stderr: messages.uploadFailed(`${e.code}: ${e.message}`), exitCode: 1, status: 'Failed' };
    }
    return { ...outcome, stdout: messages.policyApplied() };
  },
};
