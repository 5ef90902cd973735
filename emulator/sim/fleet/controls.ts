/**
 * The fleet's simulation controls, independent of transport: the /_emulator/fleet routes
 * (services/fleet/control.ts) and the in-process API (index.ts, `emu.fleet`) both call these, so
 * they accept and refuse exactly the same things. Failures are FleetControlError with the control
 * API's error code and HTTP status.
 */
import type { Runtime } from '../../core/runtime.js';
import type { Ctx } from '../../core/context.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../core/defaults.js';
import { allInstances, getInstance } from './state.js';
import { createNode, deleteNode, nodeView, updateNode } from './nodes.js';
import { FleetSpecError } from './build.js';
import { FixtureError, loadFleet, parseFixtureText, readFixtureFile } from './fixtures.js';
import { registerNode, RegistrationError } from './activations.js';
import type { FleetInstance } from './instance.js';
import { ControlError } from '../../core/control.js';

/** A refused fleet control; the control API answers it as any ControlError (code, message, status). */
export class FleetControlError extends ControlError {}

export interface Where {
  account?: string;
  region?: string;
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The account and region named in a request (defaults 000000000000 / us-east-1), checked. */
export function whereOf(src: Record<string, unknown>): { account: string; region: string } {
  const account = src.account === undefined ? DEFAULT_ACCOUNT : src.account;
  const region = src.region === undefined ? DEFAULT_REGION : src.region;
  if (typeof account !== 'string' || !ACCOUNT.test(account)) throw new FleetControlError('InvalidAccount', 'account must be a 12-digit account id.');
  if (typeof region !== 'string' || !REGION.test(region)) throw new FleetControlError('InvalidRegion', 'region must be a region name such as us-east-1.');
  return { account, region };
}

function asObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new FleetControlError('InvalidRequest', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

const specError = (e: unknown): never => {
  if (e instanceof FleetSpecError) throw new FleetControlError('InvalidInstance', e.message);
  throw e;
};

export class FleetControls {
  constructor(private readonly emu: Runtime) {}

  /** The node with this id, in the given account/region or (when none is given) wherever it is. */
  private find(id: string, where: Where = {}): { ctx: Ctx; inst: FleetInstance } {
    const scopes =
      where.account !== undefined || where.region !== undefined
        ? [whereOf(where as Record<string, unknown>)]
        : this.emu.store.scopesIn().map((s) => ({ account: s.account, region: s.region }));
    for (const s of scopes) {
      const ctx = this.emu.context(s.account, s.region);
      const inst = getInstance(ctx, id);
      if (inst) return { ctx, inst };
    }
    throw new FleetControlError('InstanceNotFound', `No managed node ${id}${where.account || where.region ? ' in that account and region' : ''}.`, 404);
  }

  /** Every node (of one account and/or region), as InstanceInformation plus simulation fields. */
  list(where: Where = {}): Record<string, unknown>[] {
    this.emu.catchUp();
    const out: Record<string, unknown>[] = [];
    for (const s of this.emu.store.scopesIn()) {
      if ((where.account !== undefined && s.account !== where.account) || (where.region !== undefined && s.region !== where.region)) continue;
      const ctx = this.emu.context(s.account, s.region);
      for (const inst of allInstances(ctx)) out.push(nodeView(ctx, inst));
    }
    return out;
  }

  /** Adds a node: InstanceInformation fields, Platform, Tags, Behaviors, ..., account, region. */
  add(body: unknown): Record<string, unknown> {
    const spec = asObject(body);
    const w = whereOf(spec);
    this.emu.catchUp();
    const ctx = this.emu.context(w.account, w.region);
    try {
      return nodeView(ctx, createNode(ctx, spec, ['account', 'region']));
    } catch (e) {
      if (e instanceof FleetSpecError && /already exists/.test(e.message)) throw new FleetControlError('InstanceExists', e.message, 409);
      return specError(e);
    }
  }

  /** Changes fields of a node; AgentRunning false/true stops or starts its simulated agent. */
  update(id: string, patch: unknown, where: Where = {}): Record<string, unknown> {
    const body = asObject(patch);
    this.emu.catchUp();
    const { ctx, inst } = this.find(id, where);
    try {
      updateNode(ctx, inst, body);
    } catch (e) {
      specError(e);
    }
    return nodeView(ctx, inst);
  }

  setAgentRunning(id: string, running: boolean, where: Where = {}): Record<string, unknown> {
    return this.update(id, { AgentRunning: running }, where);
  }

  remove(id: string, where: Where = {}): { deleted: string; account: string; region: string } {
    this.emu.catchUp();
    const { ctx, inst } = this.find(id, where);
    deleteNode(ctx, inst.InstanceId);
    return { deleted: inst.InstanceId, account: ctx.account, region: ctx.region };
  }

  /** Loads a fixture: a parsed object, YAML/JSON text (`text: true`), or a file path (`file: true`). */
  load(fixture: unknown, opts: { replace?: boolean; source?: string; text?: boolean; file?: boolean } = {}): { loaded: number; fleets: unknown } {
    this.emu.catchUp();
    try {
      const parsed = opts.file ? readFixtureFile(String(fixture)) : opts.text ? parseFixtureText(String(fixture), opts.source ?? 'fixture') : fixture;
      const result = loadFleet(this.emu, parsed, { replace: opts.replace, source: opts.source ?? 'fixture' });
      return { loaded: result.total, fleets: result.fleets };
    } catch (e) {
      if (e instanceof FixtureError) throw new FleetControlError('InvalidFixture', e.message);
      throw e;
    }
  }

  /** Registers a hybrid node with an activation id and code, as SSM Agent does. */
  register(body: unknown): Record<string, unknown> {
    const spec = asObject(body);
    const w = whereOf(spec);
    this.emu.catchUp();
    const ctx = this.emu.context(w.account, w.region);
    try {
      return nodeView(ctx, registerNode(ctx, spec));
    } catch (e) {
      if (e instanceof RegistrationError) throw new FleetControlError(e.code, e.message);
      throw e;
    }
  }
}
