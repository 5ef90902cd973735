/**
 * THE targeting resolver: turns an operation's `InstanceIds` and `Targets` into the managed nodes of
 * the caller's account and region. Run Command, State Manager, Maintenance Windows and Automation all
 * use it, so every capability targets the same nodes the same way. Membership is evaluated on every
 * call (nothing is cached), so a node that appears or gains a tag later is targeted next time.
 *
 * API
 *
 *   resolveTargets(ctx, { InstanceIds?, Targets? }, options?) -> Resolution
 *       Validates the target forms for options.profile, then resolves them:
 *         - InstanceIds (the request parameter) and each entry of Targets are resolved;
 *         - several Targets are ANDed (a node must match every one); the values of one target are
 *           ORed (Key=tag:Env,Values=prod,staging matches either value);
 *         - InstanceIds and Targets together are unioned (whether an operation allows both is the
 *           caller's rule, checked before calling).
 *       Returns { instances, ids, missing, wildcard }:
 *         instances  FleetInstance records (live objects from the store: read them, don't keep
 *                    them across requests), unique, in InstanceId order;
 *         ids        their InstanceIds;
 *         missing    explicitly named ids that are not listable nodes of the scope, when
 *                    options.unknownInstanceIds is 'ignore' (with 'error', the default, they throw);
 *         wildcard   true when InstanceIds=* (or Automation's AWS::EC2::Instance=*) was used.
 *   validateTargets(targets, options?) -> void
 *       The form checks only, no lookup (for operations that store targets to resolve later:
 *       CreateAssociation, RegisterTargetWithMaintenanceWindow). Throws like resolveTargets.
 *   matchesTargets(ctx, instance, targets, options?) -> boolean
 *       Whether one node matches (State Manager applying an association to a node that just
 *       joined). Explicit ids never throw here.
 *
 * Options
 *   profile            which capability asks; decides the Key forms accepted (KEY_FORMS below):
 *                      'run-command' (default), 'maintenance-window', 'state-manager', 'automation'.
 *   invalidTarget      builds the error for a malformed or unsupported target; defaults to
 *                      InvalidTarget (State Manager, Automation). Run Command has no InvalidTarget
 *                      and should pass (m) => new InvalidParameters(m).
 *   invalidInstanceId  builds the error for explicit ids that are not managed nodes (unknown, of
 *                      another account/region, or a stopped/terminated EC2 instance); defaults to
 *                      InvalidInstanceId with AWS's "Instances [[...]] not in a valid state for
 *                      account ..." text.
 *   unknownInstanceIds 'error' (default) or 'ignore' (report them in `missing`).
 *   maxInstanceIds     limit for the InstanceIds parameter (SendCommand: 50, the model's limit is
 *                      checked before the handler anyway).
 *
 * Key forms (AWS's Target documentation, "Supported formats"):
 *   InstanceIds                           ids; '*' alone = every node (state-manager, automation)
 *   tag:<key>                             nodes with tag <key> equal to one of the values
 *   tag-key                               nodes that have any of the listed tag keys
 *   resource-groups:Name                  one group name: nodes that are members now
 *                                         (run-command, maintenance-window, state-manager)
 *   resource-groups:ResourceTypeFilters   with resource-groups:Name only: keep members of these
 *                                         types (AWS::EC2::Instance, AWS::SSM::ManagedInstance;
 *                                         case-insensitive, as the docs write AWS::EC2::INSTANCE)
 *                                         (maintenance-window)
 *   ResourceGroup                         Automation's spelling of resource-groups:Name
 *   AWS::EC2::Instance                    Automation: '*' = every EC2 node
 * Automation's ParameterValues targets parameter values, not nodes: handle it before calling.
 *
 * Which nodes count: nodes listed by DescribeInstanceInformation, i.e. not EC2 instances that are
 * stopped or terminated. Offline (ConnectionLost) nodes ARE targeted: what happens to a command
 * there is the caller's business (agentConnected() in instance.ts tells).
 */
import type { Ctx } from '../../core/context.js';
import type { ServiceError } from '../../core/errors.js';
import { InvalidInstanceId, InvalidTarget } from '../../generated/ssm/errors.js';
import type { Target } from '../../generated/ssm/types.js';
import { definePort } from '../../core/ports.js';
import { allInstances, getInstance, positionOf, tagIndexOf } from './state.js';
import { intersect, positionsWithAnyKey, positionsWithTags } from './tag-index.js';
import { isVisible, type FleetInstance } from './instance.js';
import * as messages from './messages.js';

/**
 * Resource-group membership, as targeting needs it (`resource-groups:Name` targets): provided by the
 * Resource Groups area, which itself reads the fleet, so the fleet cannot import it.
 */
export interface GroupMembership {
  /**
   * The fleet nodes in the group now, as positions in allInstances() (ascending); undefined when the
   * scope has no group of that name. `types` (lower-case RG resource types) narrows the members.
   */
  nodePositions(ctx: Ctx, groupName: string, types?: ReadonlySet<string>): number[] | undefined;
}
export const groupMembership = definePort<GroupMembership>('fleet.group-membership');

/** No Resource Groups area loaded: no group exists. */
const groupNodePositions = (ctx: Ctx, name: string, types?: ReadonlySet<string>) => ctx.emu.ports.one(groupMembership)?.nodePositions(ctx, name, types);

export type TargetProfile = 'run-command' | 'maintenance-window' | 'state-manager' | 'automation';

export interface TargetInput {
  InstanceIds?: readonly string[];
  Targets?: readonly Target[];
}

export interface ResolveOptions {
  profile?: TargetProfile;
  invalidTarget?: (message: string) => ServiceError;
  invalidInstanceId?: (message: string, ids: readonly string[]) => ServiceError;
  unknownInstanceIds?: 'error' | 'ignore';
  maxInstanceIds?: number;
  /**
   * Also match stopped (not terminated) EC2 instances. Automation targets resources by tag through the
   * tagging API, not managed nodes, so AWS-StartEC2Instance can target the stopped instances it starts.
   */
  includeStopped?: boolean;
}

const targetable = (opts: ResolveOptions) => (opts.includeStopped ? (i: FleetInstance) => i.InstanceState !== 'terminated' : isVisible);

export interface Resolution {
  instances: FleetInstance[];
  ids: string[];
  missing: string[];
  wildcard: boolean;
}

type KeyForm = 'InstanceIds' | 'InstanceIds=*' | 'tag:' | 'tag-key' | 'resource-groups:Name' | 'resource-groups:ResourceTypeFilters' | 'ResourceGroup' | 'AWS::EC2::Instance';

/** The Key forms each capability accepts. */
export const KEY_FORMS: Readonly<Record<TargetProfile, readonly KeyForm[]>> = {
  'run-command': ['InstanceIds', 'tag:', 'tag-key', 'resource-groups:Name'],
  'maintenance-window': ['InstanceIds', 'tag:', 'tag-key', 'resource-groups:Name', 'resource-groups:ResourceTypeFilters'],
  'state-manager': ['InstanceIds', 'InstanceIds=*', 'tag:', 'tag-key', 'resource-groups:Name'],
  automation: ['InstanceIds', 'InstanceIds=*', 'tag:', 'tag-key', 'ResourceGroup', 'AWS::EC2::Instance'],
};

/** The model's limits (Targets: 5, TargetValues: 50) are checked before handlers; these are AWS's extra ones. */
export const MAX_TARGETS = 5;
export const MAX_TARGET_VALUES = 50;

interface Compiled {
  form: KeyForm;
  key: string;
  values: readonly string[];
}

function keyForm(key: string): KeyForm | undefined {
  if (key.toLowerCase() === 'instanceids') return 'InstanceIds';
  if (key.startsWith('tag:')) return 'tag:';
  if (key === 'tag-key') return 'tag-key';
  if (key === 'resource-groups:Name') return 'resource-groups:Name';
  if (key === 'resource-groups:ResourceTypeFilters') return 'resource-groups:ResourceTypeFilters';
  if (key === 'ResourceGroup') return 'ResourceGroup';
  if (key === 'AWS::EC2::Instance') return 'AWS::EC2::Instance';
  return undefined;
}

function displayForms(forms: readonly KeyForm[]): string[] {
  return forms.map((f) => (f === 'tag:' ? 'tag:<key>' : f === 'InstanceIds=*' ? 'InstanceIds (with *)' : f));
}

function compile(targets: readonly Target[], opts: ResolveOptions): Compiled[] {
  const profile = opts.profile ?? 'run-command';
  const allowed = KEY_FORMS[profile];
  const invalid = opts.invalidTarget ?? ((m: string) => new InvalidTarget(m));
  if (targets.length > MAX_TARGETS) throw invalid(messages.tooManyTargets(MAX_TARGETS));
  const out: Compiled[] = [];
  let groups = 0;
  for (const t of targets) {
    const key = t.Key;
    if (key === undefined || key === '') throw invalid(messages.keyRequired());
    let form = keyForm(key);
    if (!form || !allowed.includes(form)) throw invalid(messages.unsupportedKey(key, displayForms(allowed)));
    const values = t.Values ?? [];
    if (values.length === 0) throw invalid(messages.valuesRequired(key));
    if (values.length > MAX_TARGET_VALUES) throw invalid(messages.tooManyValues(key, MAX_TARGET_VALUES));
    if (values.includes('*')) {
      if (form === 'InstanceIds' && allowed.includes('InstanceIds=*')) form = 'InstanceIds=*';
      else if (form !== 'AWS::EC2::Instance') throw invalid(messages.wildcardNotAllowed(key));
      if (values.length > 1) throw invalid(messages.wildcardNotAlone(key));
    } else if (form === 'AWS::EC2::Instance') {
      throw invalid(messages.unsupportedKey(`${key} (values other than *)`, displayForms(allowed)));
    }
    if (form === 'tag:' && key.length === 4) throw invalid(messages.emptyTagKey());
    if (form === 'resource-groups:Name' || form === 'ResourceGroup') {
      groups++;
      if (values.length > 1 || groups > 1) throw invalid(messages.oneResourceGroup());
    }
    out.push({ form, key, values });
  }
  if (out.some((c) => c.form === 'resource-groups:ResourceTypeFilters') && groups === 0) throw invalid(messages.typeFiltersNeedGroup());
  return out;
}

/** Form checks only (no lookup); throws the options' errors. */
export function validateTargets(targets: readonly Target[] | undefined, opts: ResolveOptions = {}): void {
  compile(targets ?? [], opts);
}

type Predicate = (inst: FleetInstance) => boolean;

/** Predicates for compiled targets, for one node at a time (matchesTargets). */
function predicates(ctx: Ctx, compiled: readonly Compiled[]): Predicate[] {
  const preds: Predicate[] = [];
  const typeFilter = compiled.find((c) => c.form === 'resource-groups:ResourceTypeFilters');
  for (const c of compiled) {
    switch (c.form) {
      case 'InstanceIds': {
        const ids = new Set(c.values);
        preds.push((i) => ids.has(i.InstanceId));
        break;
      }
      case 'AWS::EC2::Instance':
        preds.push((i) => i.ResourceType === 'EC2Instance');
        break;
      case 'tag:': {
        const tagKey = c.key.slice(4);
        const values = new Set(c.values);
        preds.push((i) => {
          for (const t of i.Tags) if (t.Key === tagKey) return values.has(t.Value);
          return false;
        });
        break;
      }
      case 'tag-key': {
        const keys = new Set(c.values);
        preds.push((i) => i.Tags.some((t) => keys.has(t.Key)));
        break;
      }
      case 'resource-groups:Name':
      case 'ResourceGroup': {
        const types = typeFilter ? new Set(typeFilter.values.map((v) => v.toLowerCase())) : undefined;
        const positions = groupNodePositions(ctx, c.values[0], types);
        const records = allInstances(ctx);
        const ids = new Set((positions ?? []).map((p) => records[p].InstanceId));
        preds.push((i) => ids.has(i.InstanceId));
        break;
      }
      case 'InstanceIds=*':
      case 'resource-groups:ResourceTypeFilters':
        break;
    }
  }
  return preds;
}

/**
 * Each target as a sorted list of node positions (allInstances() order), computed from the fleet's
 * tag index: a tag target on 10,000 nodes costs a few merges of integer arrays, not a scan.
 */
function positionLists(ctx: Ctx, compiled: readonly Compiled[], opts: ResolveOptions): { lists: number[][]; wildcard: boolean } {
  const invalid = opts.invalidTarget ?? ((m: string) => new InvalidTarget(m));
  const records = allInstances(ctx);
  const ix = tagIndexOf(ctx);
  const lists: number[][] = [];
  let wildcard = false;
  const typeFilter = compiled.find((c) => c.form === 'resource-groups:ResourceTypeFilters');
  for (const c of compiled) {
    switch (c.form) {
      case 'InstanceIds':
        lists.push(
          [...new Set(c.values)]
            .map((id) => positionOf(ctx, id))
            .filter((p): p is number => p !== undefined)
            .sort((a, b) => a - b),
        );
        break;
      case 'InstanceIds=*':
        wildcard = true;
        break;
      case 'AWS::EC2::Instance': {
        wildcard = true;
        const ec2: number[] = [];
        for (let p = 0; p < records.length; p++) if (records[p].ResourceType === 'EC2Instance') ec2.push(p);
        lists.push(ec2);
        break;
      }
      case 'tag:':
        lists.push(positionsWithTags(ix, [{ key: c.key.slice(4), values: c.values }]));
        break;
      case 'tag-key':
        lists.push(positionsWithAnyKey(ix, c.values));
        break;
      case 'resource-groups:Name':
      case 'ResourceGroup': {
        const types = typeFilter ? new Set(typeFilter.values.map((v) => v.toLowerCase())) : undefined;
        const positions = groupNodePositions(ctx, c.values[0], types);
        if (!positions) throw invalid(messages.resourceGroupNotFound(c.values[0]));
        lists.push(positions);
        break;
      }
      case 'resource-groups:ResourceTypeFilters':
        break; // applied to the group's members above
    }
  }
  return { lists, wildcard };
}

/** Resolves InstanceIds and Targets to the scope's nodes now. See the module header. */
export function resolveTargets(ctx: Ctx, input: TargetInput, opts: ResolveOptions = {}): Resolution {
  const compiled = compile(input.Targets ?? [], opts);
  const invalid = opts.invalidTarget ?? ((m: string) => new InvalidTarget(m));
  const explicitParam = input.InstanceIds ?? [];
  if (opts.maxInstanceIds !== undefined && explicitParam.length > opts.maxInstanceIds) throw invalid(messages.tooManyInstanceIds(opts.maxInstanceIds));

  // Explicit ids (parameter and InstanceIds targets) must name listable nodes of this scope.
  const named = new Set<string>(explicitParam);
  for (const c of compiled) if (c.form === 'InstanceIds') for (const v of c.values) named.add(v);
  const visible = targetable(opts);
  const missing = [...named].filter((id) => {
    const inst = getInstance(ctx, id);
    return !inst || !visible(inst);
  });
  if (missing.length && (opts.unknownInstanceIds ?? 'error') === 'error') {
    const make = opts.invalidInstanceId ?? ((m: string) => new InvalidInstanceId(m));
    throw make(messages.instancesNotValid(missing, ctx.account), missing);
  }

  const records = allInstances(ctx);
  let matched: FleetInstance[] = [];
  let wildcard = false;
  if (compiled.length) {
    const r = positionLists(ctx, compiled, opts);
    wildcard = r.wildcard;
    let positions: readonly number[] | undefined;
    for (const l of r.lists) positions = positions === undefined ? l : intersect(positions, l);
    if (positions === undefined) {
      // Only InstanceIds=*: every node.
      for (const inst of records) if (visible(inst)) matched.push(inst);
    } else {
      for (const p of positions) if (visible(records[p])) matched.push(records[p]);
    }
  }
  if (explicitParam.length) {
    // The InstanceIds parameter joins the target matches: merge, unique, in id order.
    const byId = new Map<string, FleetInstance>(matched.map((i) => [i.InstanceId, i]));
    for (const id of explicitParam) {
      const inst = getInstance(ctx, id);
      if (inst && visible(inst)) byId.set(id, inst);
    }
    matched = [...byId.values()].sort((a, b) => (a.InstanceId < b.InstanceId ? -1 : 1));
  }
  return { instances: matched, ids: matched.map((i) => i.InstanceId), missing, wildcard };
}

/** Whether one node matches the targets now (no errors for unknown explicit ids). */
export function matchesTargets(ctx: Ctx, inst: FleetInstance, targets: readonly Target[], opts: ResolveOptions = {}): boolean {
  if (!targetable(opts)(inst)) return false;
  const compiled = compile(targets, opts);
  if (!compiled.length) return false;
  return predicates(ctx, compiled).every((p) => p(inst));
}
