/**
 * What each Automation action does (Systems Manager Automation actions reference). The engine
 * (engine.ts) owns the lifecycle: step records, retries (maxAttempts), timeouts (timeoutSeconds),
 * onFailure / onCancel / isEnd / nextStep, statuses and events. An action only says what one attempt
 * of one step does:
 *
 *   start(run)   at the step's start, with its inputs resolved: the outcome now (success with
 *                outputs, failure with a message) or a wait (a sleep's end, the next poll, a signal,
 *                a command or a child execution to settle);
 *   tick(run)    the wait's instant came (the sleep ended, time to poll again);
 *   cancel(run)  the step is stopped part-way (StopAutomationExecution, StopStep, its timeout):
 *                cancel the command or child execution it started.
 * Signals (aws:approve, aws:pause), commands and child executions end their waits through the
 * engine, which calls back with the outcome.
 *
 * Simulated against the emulator itself: aws:executeAwsApi / aws:waitForAwsResourceProperty /
 * aws:assertAwsResourceProperty with Service ssm or resource-groups (ctx.emu.invoke: the real
 * operations, validated), and ec2 (the simulated fleet, ec2api.ts); aws:runCommand (a real Run
 * Command command, watched through commandWatchers); aws:changeInstanceState, aws:createTags,
 * aws:createImage (the fleet); aws:executeAutomation (a child execution). aws:executeScript and
 * aws:invokeLambdaFunction never run code: their results are fixture behaviours keyed by runbook
 * and step (POST /_emulator/automation/behaviors); without one the step fails and says so. Actions
 * that need services the emulator does not have (CloudFormation, Step Functions, webhooks, EC2
 * launches and image copies) fail honestly.
 */
import { setOwn } from '../../core/maps.js';
import type { Ctx } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import type { ServiceId } from '../../core/operation.js';
import { operations as ssmOperations } from '../../generated/ssm/operations.js';
import { operations as rgOperations } from '../../generated/resource-groups/operations.js';
import { createCommand, getCommand, requestCancel } from '../commands/index.js';
import { resolveDocument, resolveParameters, type ParameterInput } from '../documents/index.js';
import { getInstance, resolveTargets, type Ec2State } from '../fleet/index.js';
import { getImage, startInstance, stopInstance, terminateInstance } from '../fleet/ec2.js';
import { callEc2, Ec2Error } from './ec2api.js';
import { coerce, OUTPUT_TYPES, select, isSupportedSelector, type OutputType } from './refs.js';
import { getBehavior, type ExecutionRecord, type ProgramStep, type StepRecord, type StepWait } from './state.js';
import * as m from './messages.js';

// ───────────────────────────────────────── types ─────────────────────────────────────────

export type FailureType = 'Action' | 'Verification' | 'Internal' | 'Permission' | 'Throttling';

export type Outcome =
  | { kind: 'success'; outputs?: Record<string, unknown>; response?: string; responseCode?: string; next?: string; validNext?: string[] }
  | {
      kind: 'failure';
      message: string;
      stage?: 'InputValidation' | 'PreVerification' | 'Invocation' | 'PostVerification';
      type?: FailureType;
      details?: Record<string, string[]>;
      status?: 'Failed' | 'TimedOut' | 'Cancelled';
      /** Retrying cannot help (bad inputs): maxAttempts is not used. */
      final?: boolean;
    }
  | { kind: 'wait'; wait: StepWait };

/** What the engine lends an action for one attempt. */
export interface StepRun {
  ctx: Ctx;
  ex: ExecutionRecord;
  step: ProgramStep;
  rec: StepRecord;
  /** The step's record index in ex.StepExecutions. */
  recIndex: number;
  inputs: Record<string, unknown>;
  wait?: StepWait;
  /** Starts a child execution for this step (aws:executeAutomation); returns its id or throws a ServiceError. */
  startChild(input: Record<string, unknown>): string;
  /** Cancels a child execution. */
  stopChild(id: string): void;
}

export interface Action {
  start(run: StepRun): Outcome;
  tick?(run: StepRun): Outcome;
  cancel?(run: StepRun): void;
  /** timeoutSeconds when the step gives none. */
  defaultTimeoutSeconds?: number;
  /** The longest the action may run (executeAwsApi 25 s, executeScript 600 s, ...). */
  maxTimeoutSeconds?: number;
  /** The execution's status while the step waits: Waiting for input (approve, pause), else InProgress. */
  waitsForInput?: boolean;
}

/** How often waiting actions poll (aws:waitForAwsResourceProperty, aws:changeInstanceState): a model, AWS does not say. */
export const POLL_MS = 5000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number') ? v.map(String) : typeof v === 'string' ? [v] : undefined;
const ok = (outputs?: Record<string, unknown>, extra: Partial<Extract<Outcome, { kind: 'success' }>> = {}): Outcome => ({ kind: 'success', ...(outputs && { outputs }), ...extra });
const invalid = (run: StepRun, input: string, why: string): Outcome => ({
  kind: 'failure',
  message: m.badInput(run.step.name, input, why),
  stage: 'InputValidation',
  type: 'Verification',
  final: true,
});
const wait = (w: StepWait): Outcome => ({ kind: 'wait', wait: w });

// ───────────────────────────────────────── user outputs ─────────────────────────────────────────

interface OutputSpec {
  Name: string;
  Selector: string;
  Type: OutputType;
}

/** The step's `outputs` (executeAwsApi, executeScript, invokeLambdaFunction), checked. */
function outputSpecs(step: ProgramStep): OutputSpec[] | string {
  const raw = step.options.outputs;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return 'outputs must be a list of {Name, Selector, Type}';
  const out: OutputSpec[] = [];
  for (const o of raw) {
    if (!isObj(o) || typeof o.Name !== 'string' || typeof o.Selector !== 'string') return 'each output needs a Name and a Selector';
    const type = (o.Type ?? 'String') as OutputType;
    if (!OUTPUT_TYPES.includes(type)) return `output ${o.Name} has an unknown Type ${String(o.Type)}`;
    if (!isSupportedSelector(o.Selector)) return `output ${o.Name} has a Selector Automation does not support: ${o.Selector}`;
    out.push({ Name: o.Name, Selector: o.Selector, Type: type });
  }
  return out;
}

/** Applies the step's output selectors to a response; a value that does not fit its Type fails the step. */
function userOutputs(run: StepRun, response: unknown, base: Record<string, unknown> = {}): Outcome {
  const specs = outputSpecs(run.step);
  if (typeof specs === 'string') return invalid(run, 'outputs', specs);
  const outputs: Record<string, unknown> = { ...base };
  for (const s of specs) {
    const picked = select(response, s.Selector);
    if (picked === undefined) continue;
    const typed = coerce(picked, s.Type);
    if (typed === undefined) {
      return { kind: 'failure', message: m.stepFails('Outputs', `The output ${s.Name} selected by ${s.Selector} is not of type ${s.Type}`), stage: 'PostVerification', type: 'Verification' };
    }
    setOwn(outputs, s.Name, typed); // an output may be named __proto__
  }
  return ok(outputs);
}

// ───────────────────────────────────────── calling APIs ─────────────────────────────────────────

/** boto3 method names (describe_instances) and API names (DescribeInstances) both name the operation. */
export function apiName(api: string): string {
  if (!api.includes('_') && /^[A-Z]/.test(api)) return api;
  return api
    .split('_')
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

const SERVICES: Record<string, ServiceId> = { ssm: 'ssm', 'resource-groups': 'resource-groups' };

type ApiResult = { response: unknown } | { failure: Outcome };

/** Calls Service:Api with the step's other inputs, as the caller of the execution. */
function callApi(run: StepRun, reserved: readonly string[]): ApiResult {
  const { Service, Api } = run.inputs;
  if (typeof Service !== 'string' || !Service) return { failure: invalid(run, 'Service', 'it is required') };
  if (typeof Api !== 'string' || !Api) return { failure: invalid(run, 'Api', 'it is required') };
  const op = apiName(Api);
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(run.inputs)) if (k !== 'Service' && k !== 'Api' && !reserved.includes(k)) params[k] = v;
  const fail = (code: string, message: string): ApiResult => ({
    failure: {
      kind: 'failure',
      message: m.stepFails('Execute/Cancel action', m.apiError(code, op, message)),
      stage: 'Invocation',
      type: 'Action',
      details: { ExceptionCode: [code] },
    },
  });
  const service = Service.toLowerCase();
  if (service === 'ec2') {
    try {
      const r = callEc2(run.ctx, op, params);
      if (r === undefined) return { failure: { kind: 'failure', message: m.apiNotSimulated(Service, Api), stage: 'Invocation', type: 'Action', final: true } };
      return { response: r };
    } catch (e) {
      if (e instanceof Ec2Error) return fail(e.code, e.message);
      throw e;
    }
  }
  const svc = SERVICES[service];
  if (!svc) return { failure: { kind: 'failure', message: m.apiNotSimulated(Service, Api), stage: 'Invocation', type: 'Action', final: true } };
  const known = svc === 'ssm' ? Object.hasOwn(ssmOperations, op) : Object.hasOwn(rgOperations, op);
  if (!known) return { failure: { kind: 'failure', message: m.stepFails('Execute/Cancel action', m.apiUnknownOperation(Service, Api)), stage: 'Invocation', type: 'Action', final: true } };
  try {
    const r = run.ctx.emu.invoke(svc, op, params, { account: run.ctx.account, region: run.ctx.region }, run.ctx.now);
    // The wire's JSON (epoch seconds for timestamps), as Selector paths see it.
    return { response: JSON.parse(JSON.stringify(r ?? {})) };
  } catch (e) {
    if (e instanceof ServiceError) return fail(e.code, e.message);
    throw e;
  }
}

/** How DesiredValues compare: booleans as Python writes them (True / False), numbers as text. */
const asDesired = (v: unknown) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'string' ? v : JSON.stringify(v));

function propertyMatches(run: StepRun, response: unknown): { match: boolean; actual: string } | { failure: Outcome } {
  const selector = run.inputs.PropertySelector;
  const desired = strings(run.inputs.DesiredValues);
  if (typeof selector !== 'string') return { failure: invalid(run, 'PropertySelector', 'it is required') };
  if (!isSupportedSelector(selector)) return { failure: invalid(run, 'PropertySelector', `Automation supports $, .child, ..deep-scan and [index] only, not ${selector}`) };
  if (!desired?.length) return { failure: invalid(run, 'DesiredValues', 'it needs at least one value') };
  const value = select(response, selector);
  // A list (a deep scan) matches when it has values and every one is desired [unverified].
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const actual = values.map(asDesired);
  return { match: actual.length > 0 && actual.every((v) => desired.includes(v)), actual: Array.isArray(value) ? JSON.stringify(actual) : (actual[0] ?? 'null') };
}

const API_RESERVED = ['PropertySelector', 'DesiredValues'];

const executeAwsApi: Action = {
  maxTimeoutSeconds: 25,
  start(run) {
    const r = callApi(run, []);
    if ('failure' in r) return r.failure;
    return userOutputs(run, r.response);
  },
};

const waitForAwsResourceProperty: Action = {
  defaultTimeoutSeconds: 3600,
  start(run) {
    return this.tick!(run);
  },
  tick(run) {
    const r = callApi(run, API_RESERVED);
    if ('failure' in r) return r.failure;
    const p = propertyMatches(run, r.response);
    if ('failure' in p) return p.failure;
    return p.match ? ok() : wait({ kind: 'poll', until: run.ctx.now + POLL_MS });
  },
};

const assertAwsResourceProperty: Action = {
  start(run) {
    const r = callApi(run, API_RESERVED);
    if ('failure' in r) return r.failure;
    const p = propertyMatches(run, r.response);
    if ('failure' in p) return p.failure;
    if (p.match) return ok();
    return {
      kind: 'failure',
      message: m.stepFails('Verification', m.assertFailed(String(run.inputs.PropertySelector), p.actual, strings(run.inputs.DesiredValues) ?? [])),
      stage: 'PostVerification',
      type: 'Verification',
    };
  },
};

// ───────────────────────────────────────── time and people ─────────────────────────────────────────

const DURATION_RE = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO 8601 duration in seconds (PT10M, P1DT2H, PT0.5S), or undefined. */
export function durationSeconds(text: string): number | undefined {
  const mm = DURATION_RE.exec(text);
  if (!mm || text === 'P' || text.endsWith('T')) return undefined;
  const [w, d, h, mi, s] = mm.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  return w * 604800 + d * 86400 + h * 3600 + mi * 60 + s;
}

/** aws:sleep: "Automation supports a maximum delay of 604799 seconds (7 days)". */
export const MAX_SLEEP_SECONDS = 604_799;

const sleep: Action = {
  start(run) {
    const { Duration, Timestamp } = run.inputs;
    let until: number;
    if (typeof Duration === 'string') {
      const s = durationSeconds(Duration);
      if (s === undefined) return invalid(run, 'Duration', `${Duration} is not an ISO 8601 duration such as PT10M`);
      if (s > MAX_SLEEP_SECONDS) return invalid(run, 'Duration', `the longest delay is ${MAX_SLEEP_SECONDS} seconds`);
      until = run.ctx.now + Math.round(s * 1000);
    } else if (typeof Timestamp === 'string') {
      const at = Date.parse(Timestamp);
      if (!Number.isFinite(at) || !/^\d{4}-\d{2}-\d{2}T/.test(Timestamp)) return invalid(run, 'Timestamp', `${Timestamp} is not an ISO 8601 timestamp`);
      // "If the specified date and time has passed, the action proceeds immediately."
      if (at <= run.ctx.now) return ok();
      if (at - run.ctx.now > MAX_SLEEP_SECONDS * 1000) return invalid(run, 'Timestamp', `the longest delay is ${MAX_SLEEP_SECONDS} seconds`);
      until = at;
    } else {
      return invalid(run, 'Duration', 'give a Duration or a Timestamp');
    }
    return wait({ kind: 'sleep', until });
  },
  tick() {
    return ok();
  },
};

const pause: Action = {
  waitsForInput: true,
  start() {
    return wait({ kind: 'signal', data: { signal: 'Resume' } });
  },
};

/** aws:approve: default timeout 7 days, maximum 30 days; at most 10 approvers. */
const approve: Action = {
  waitsForInput: true,
  defaultTimeoutSeconds: 604_800,
  maxTimeoutSeconds: 2_592_000,
  start(run) {
    const i = run.inputs;
    const enhanced = isObj(i.EnhancedApprovals) ? i.EnhancedApprovals : undefined;
    let approvers: string[] | undefined;
    let min = 1;
    if (enhanced) {
      const list = Array.isArray(enhanced.Approvers) ? enhanced.Approvers.filter(isObj) : [];
      approvers = list.map((a) => String(a.approver ?? ''));
      min = list.reduce((n, a) => n + (typeof a.minRequiredApprovals === 'number' ? a.minRequiredApprovals : 1), 0) || 1;
    } else {
      approvers = strings(i.Approvers);
      if (!approvers?.length) return invalid(run, 'Approvers', 'it needs at least one approver');
      if (approvers.length > 10) return invalid(run, 'Approvers', 'the maximum number of approvers is 10');
      if (i.MinRequiredApprovals !== undefined) {
        const n = Number(i.MinRequiredApprovals);
        if (!Number.isInteger(n) || n < 1) return invalid(run, 'MinRequiredApprovals', 'it must be a positive number');
        if (n > approvers.length) return invalid(run, 'MinRequiredApprovals', 'it can\'t exceed the number of approvers');
        min = n;
      }
    }
    if (typeof i.Message === 'string' && i.Message.length > 4096) return invalid(run, 'Message', 'the maximum length is 4096 characters');
    return wait({ kind: 'signal', data: { signal: 'Approve', min, approvals: 0, decisions: [], approvers } });
  },
};

// ───────────────────────────────────────── branching ─────────────────────────────────────────

const STRING_OPS = ['StringEquals', 'EqualsIgnoreCase', 'StartsWith', 'EndsWith', 'Contains'];
const NUMERIC_OPS = ['NumericEquals', 'NumericGreater', 'NumericLesser', 'NumericGreaterOrEquals', 'NumericLesserOrEquals'];
export const BRANCH_OPERATORS: readonly string[] = [...STRING_OPS, ...NUMERIC_OPS, 'BooleanEquals'];

const asBool = (v: unknown): boolean | undefined =>
  typeof v === 'boolean' ? v : typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : undefined;

/**
 * One choice (or LoopCondition) of aws:branch: a Variable with one operator, or And / Or lists, or Not.
 * Throws a string saying what is wrong with it.
 */
export function evaluateCondition(c: unknown): boolean {
  if (!isObj(c)) throw 'a choice must be an object';
  if (Array.isArray(c.And)) return c.And.every((x) => evaluateCondition(x));
  if (Array.isArray(c.Or)) return c.Or.some((x) => evaluateCondition(x));
  if (c.Not !== undefined) return !evaluateCondition(c.Not);
  const op = BRANCH_OPERATORS.find((o) => Object.hasOwn(c, o));
  if (!op) throw `a choice needs one of ${BRANCH_OPERATORS.join(', ')}, or And, Or, Not`;
  if (!Object.hasOwn(c, 'Variable')) throw 'a choice needs a Variable';
  const variable = c.Variable;
  const value = c[op];
  if (STRING_OPS.includes(op)) {
    const expected = String(value);
    if (op === 'Contains' && Array.isArray(variable)) return variable.map(String).includes(expected);
    const actual = typeof variable === 'string' ? variable : Array.isArray(variable) ? variable.join(',') : JSON.stringify(variable);
    switch (op) {
      case 'StringEquals':
        return actual === expected;
      case 'EqualsIgnoreCase':
        return actual.toLowerCase() === expected.toLowerCase();
      case 'StartsWith':
        return actual.startsWith(expected);
      case 'EndsWith':
        return actual.endsWith(expected);
      default:
        return actual.includes(expected);
    }
  }
  if (NUMERIC_OPS.includes(op)) {
    const a = Number(variable);
    const b = Number(value);
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw `${op} compares numbers, and ${JSON.stringify(variable)} or ${JSON.stringify(value)} is not one`;
    switch (op) {
      case 'NumericEquals':
        return a === b;
      case 'NumericGreater':
        return a > b;
      case 'NumericLesser':
        return a < b;
      case 'NumericGreaterOrEquals':
        return a >= b;
      default:
        return a <= b;
    }
  }
  const a = asBool(variable);
  const b = asBool(value);
  if (a === undefined || b === undefined) throw `BooleanEquals compares true and false, and ${JSON.stringify(variable)} is not one`;
  return a === b;
}

const branch: Action = {
  start(run) {
    const { Choices, Default } = run.inputs;
    if (!Array.isArray(Choices) || !Choices.length) return invalid(run, 'Choices', 'it needs at least one choice');
    const validNext = [...new Set([...Choices.filter(isObj).map((c) => String(c.NextStep)), ...(typeof Default === 'string' ? [Default] : [])])];
    for (const c of Choices) {
      if (!isObj(c) || typeof c.NextStep !== 'string') return invalid(run, 'Choices', 'each choice needs a NextStep');
      try {
        if (evaluateCondition(c)) return ok(undefined, { next: c.NextStep, validNext });
      } catch (why) {
        return invalid(run, 'Choices', String(why));
      }
    }
    return ok(undefined, { ...(typeof Default === 'string' && { next: Default }), validNext });
  },
};

// ───────────────────────────────────────── Run Command ─────────────────────────────────────────

/** The origin kind of commands an Automation step creates (commandWatchers). */
export const COMMAND_ORIGIN = 'automation';

const runCommand: Action = {
  start(run) {
    const i = run.inputs;
    const ctx = run.ctx;
    if (typeof i.DocumentName !== 'string') return invalid(run, 'DocumentName', 'it is required');
    const instanceIds = i.InstanceIds === undefined ? undefined : strings(i.InstanceIds);
    const targets = Array.isArray(i.Targets) ? (i.Targets.filter(isObj) as { Key?: string; Values?: string[] }[]) : undefined;
    if (!instanceIds?.length && !targets?.length) return invalid(run, 'InstanceIds', 'give InstanceIds or Targets');
    try {
      const doc = resolveDocument(ctx, { name: i.DocumentName, ...(typeof i.DocumentVersion === 'string' && { version: i.DocumentVersion }), ...(typeof i.DocumentHash === 'string' && { hash: i.DocumentHash, hashType: i.DocumentHashType === 'Sha1' ? 'Sha1' : 'Sha256' }) }, { types: ['Command'] });
      const params = resolveParameters(doc, (isObj(i.Parameters) ? i.Parameters : {}) as Record<string, ParameterInput>);
      const nodes = resolveTargets(ctx, { InstanceIds: instanceIds, Targets: targets }, { profile: 'run-command', maxInstanceIds: 50 });
      const cmd = createCommand(ctx, {
        document: doc,
        parameters: params,
        nodes: nodes.instances,
        ...(typeof i.DocumentVersion === 'string' && { documentVersion: i.DocumentVersion }),
        ...(instanceIds && { instanceIds }),
        ...(targets && { targets }),
        ...(typeof i.Comment === 'string' && { comment: i.Comment }),
        ...(typeof i.TimeoutSeconds === 'number' && { timeoutSeconds: i.TimeoutSeconds }),
        ...(typeof i.MaxConcurrency === 'string' && { maxConcurrency: i.MaxConcurrency }),
        ...(typeof i.MaxErrors === 'string' && { maxErrors: i.MaxErrors }),
        ...(typeof i.OutputS3BucketName === 'string' && { outputS3BucketName: i.OutputS3BucketName }),
        ...(typeof i.OutputS3KeyPrefix === 'string' && { outputS3KeyPrefix: i.OutputS3KeyPrefix }),
        ...(typeof i.ServiceRoleArn === 'string' && { serviceRoleArn: i.ServiceRoleArn }),
        ...(isObj(i.CloudWatchOutputConfig) && { cloudWatchOutputConfig: i.CloudWatchOutputConfig }),
        ...(isObj(i.NotificationConfig) && { notificationConfig: i.NotificationConfig }),
        origin: { kind: COMMAND_ORIGIN, id: `${run.ex.AutomationExecutionId}/${run.recIndex}` },
      });
      return wait({ kind: 'command', data: { commandId: cmd.CommandId } });
    } catch (e) {
      if (e instanceof ServiceError) {
        return { kind: 'failure', message: m.stepFails('Execute/Cancel action', `${e.code}: ${e.message}`), stage: 'Invocation', type: 'Action', details: { ExceptionCode: [e.code] } };
      }
      throw e;
    }
  },
  cancel(run) {
    const id = run.wait?.data?.commandId;
    const cmd = typeof id === 'string' ? getCommand(run.ctx, id) : undefined;
    if (cmd) requestCancel(run.ctx, cmd);
  },
};

/** The outcome of an aws:runCommand step once its command settled (called by the engine's command watcher). */
export function commandOutcome(ctx: Ctx, commandId: string): Outcome {
  const cmd = getCommand(ctx, commandId);
  if (!cmd) return { kind: 'failure', message: m.stepFails('verifying the command has completed', `Command ${commandId} no longer exists`), type: 'Internal' };
  const first = cmd.Invocations[0];
  const plugin = first?.Plugins?.[0];
  const output = (first?.Plugins ?? []).map((p) => p.Output).join('\n');
  const code = plugin?.ResponseCode ?? -1;
  if (cmd.Status === 'Success') {
    return ok({ CommandId: cmd.CommandId, Status: cmd.Status, ResponseCode: String(code), Output: output }, { responseCode: String(code) });
  }
  const status = first?.Status ?? cmd.Status;
  return {
    kind: 'failure',
    message: m.stepFails('verifying the command has completed', m.commandUnexpectedResult(cmd.CommandId, status, code, output)),
    stage: 'PostVerification',
    type: 'Verification',
    details: { CommandId: [cmd.CommandId] },
    ...(cmd.Status === 'TimedOut' && { status: 'TimedOut' as const }),
    ...(cmd.Status === 'Cancelled' && { status: 'Cancelled' as const }),
  };
}

// ───────────────────────────────────────── the fleet ─────────────────────────────────────────

const DESIRED: readonly Ec2State[] = ['running', 'stopped', 'terminated'];

const changeInstanceState: Action = {
  defaultTimeoutSeconds: 3600,
  start(run) {
    const ids = strings(run.inputs.InstanceIds);
    const desired = run.inputs.DesiredState;
    if (!ids?.length) return invalid(run, 'InstanceIds', 'it needs at least one instance id');
    if (typeof desired !== 'string' || !DESIRED.includes(desired as Ec2State)) return invalid(run, 'DesiredState', 'it must be running, stopped or terminated');
    for (const id of ids) {
      const inst = getInstance(run.ctx, id);
      if (!inst || inst.ResourceType !== 'EC2Instance') {
        return { kind: 'failure', message: m.stepFails('Execute/Cancel action', m.apiError('InvalidInstanceID.NotFound', 'DescribeInstances', m.instanceNotFound(id))), stage: 'Invocation', type: 'Action', final: true };
      }
    }
    return this.tick!(run);
  },
  tick(run) {
    const ids = strings(run.inputs.InstanceIds)!;
    const desired = run.inputs.DesiredState as Ec2State;
    const checkOnly = run.inputs.CheckStateOnly === true || run.inputs.CheckStateOnly === 'true';
    const states: string[] = [];
    for (const id of ids) {
      const inst = getInstance(run.ctx, id);
      if (!inst) return { kind: 'failure', message: m.stepFails('Poll action status for completion', m.instanceNotFound(id)), type: 'Action' };
      const s = inst.InstanceState ?? 'running';
      if (!checkOnly && s !== desired) {
        if (desired === 'running' && s === 'stopped') startInstance(run.ctx, inst);
        else if (desired === 'stopped' && (s === 'running' || s === 'pending')) stopInstance(run.ctx, inst);
        else if (desired === 'terminated' && s !== 'shutting-down') terminateInstance(run.ctx, inst);
      }
      states.push(getInstance(run.ctx, id)!.InstanceState ?? 'running');
    }
    if (states.every((s) => s === desired)) return ok({ InstanceStates: states });
    return wait({ kind: 'poll', until: run.ctx.now + POLL_MS });
  },
};

const TAG_TYPES = ['EC2', 'ManagedInstance', 'MaintenanceWindow', 'Parameter'];

const createTags: Action = {
  start(run) {
    const type = run.inputs.ResourceType === undefined ? 'EC2' : String(run.inputs.ResourceType);
    const ids = strings(run.inputs.ResourceIds);
    const tags = Array.isArray(run.inputs.Tags) ? run.inputs.Tags.filter(isObj) : undefined;
    if (!TAG_TYPES.includes(type)) return invalid(run, 'ResourceType', `it must be one of ${TAG_TYPES.join(', ')}`);
    if (!ids?.length) return invalid(run, 'ResourceIds', 'it needs at least one resource id');
    if (!tags?.length) return invalid(run, 'Tags', 'it needs at least one tag');
    if (type === 'EC2') {
      const r = callApi({ ...run, inputs: { Service: 'ec2', Api: 'CreateTags', Resources: ids, Tags: tags } }, []);
      return 'failure' in r ? r.failure : ok();
    }
    if (ids.length > 1) return invalid(run, 'ResourceIds', m.tagsOneResource());
    const r = callApi({ ...run, inputs: { Service: 'ssm', Api: 'AddTagsToResource', ResourceType: type, ResourceId: ids[0], Tags: tags.map((t) => ({ Key: String(t.Key), Value: String(t.Value ?? '') })) } }, []);
    return 'failure' in r ? r.failure : ok();
  },
};

const createImage: Action = {
  start(run) {
    const i = run.inputs;
    if (typeof i.InstanceId !== 'string') return invalid(run, 'InstanceId', 'it is required');
    if (typeof i.ImageName !== 'string' || !i.ImageName) return invalid(run, 'ImageName', 'it is required');
    const r = callApi(
      {
        ...run,
        inputs: {
          Service: 'ec2',
          Api: 'CreateImage',
          InstanceId: i.InstanceId,
          Name: i.ImageName,
          ...(typeof i.ImageDescription === 'string' && { Description: i.ImageDescription }),
          NoReboot: i.NoReboot === true || i.NoReboot === 'true',
        },
      },
      [],
    );
    if ('failure' in r) return r.failure;
    const imageId = (r.response as { ImageId: string }).ImageId;
    return wait({ kind: 'poll', until: run.ctx.now + POLL_MS, data: { imageId } });
  },
  tick(run) {
    const imageId = String(run.wait?.data?.imageId);
    const image = getImage(run.ctx, imageId);
    if (image?.State === 'available') return ok({ ImageId: imageId, ImageState: image.State });
    return wait({ kind: 'poll', until: run.ctx.now + POLL_MS, data: { imageId } });
  },
};

// ───────────────────────────────────────── child executions ─────────────────────────────────────────

const executeAutomation: Action = {
  start(run) {
    if (typeof run.inputs.DocumentName !== 'string') return invalid(run, 'DocumentName', 'it is required');
    try {
      const id = run.startChild(run.inputs);
      return wait({ kind: 'child', data: { children: [id] } });
    } catch (e) {
      if (e instanceof ServiceError) {
        return { kind: 'failure', message: m.stepFails('Execute/Cancel action', m.childStartFailed(`${e.code}: ${e.message}`)), stage: 'Invocation', type: 'Action', final: true };
      }
      throw e;
    }
  },
  cancel(run) {
    for (const id of (run.wait?.data?.children as string[] | undefined) ?? []) run.stopChild(id);
  },
};

/** The outcome of an aws:executeAutomation step once its child ended. */
export function childOutcome(child: ExecutionRecord): Outcome {
  const output = Object.values(child.Outputs ?? {}).flat();
  if (child.AutomationExecutionStatus === 'Success') {
    return ok({ ExecutionId: child.AutomationExecutionId, Status: child.AutomationExecutionStatus, Output: output });
  }
  return {
    kind: 'failure',
    message: m.stepFails('Execute/Cancel action', m.childFailed(child.AutomationExecutionId, child.AutomationExecutionStatus)),
    type: 'Action',
    details: { ExecutionId: [child.AutomationExecutionId] },
    ...(child.AutomationExecutionStatus === 'TimedOut' && { status: 'TimedOut' as const }),
    ...(child.AutomationExecutionStatus === 'Cancelled' && { status: 'Cancelled' as const }),
  };
}

// ───────────────────────────────────────── scripts and functions ─────────────────────────────────────────

const executeScript: Action = {
  maxTimeoutSeconds: 600,
  start(run) {
    const b = getBehavior(run.ctx, run.ex.DocumentName, run.step.name);
    if (!b) return { kind: 'failure', message: m.noBehavior('aws:executeScript', run.ex.DocumentName, run.step.name), stage: 'Invocation', type: 'Action', final: true };
    if (b.DurationSeconds) return wait({ kind: 'sleep', until: run.ctx.now + b.DurationSeconds * 1000 });
    return this.tick!(run);
  },
  tick(run) {
    const b = getBehavior(run.ctx, run.ex.DocumentName, run.step.name);
    if (!b) return { kind: 'failure', message: m.noBehavior('aws:executeScript', run.ex.DocumentName, run.step.name), stage: 'Invocation', type: 'Action', final: true };
    if (b.Error !== undefined || b.FunctionError !== undefined) {
      return { kind: 'failure', message: m.stepFails('Poll action status for completion', m.scriptFailed(b.Error ?? b.FunctionError!)), stage: 'Invocation', type: 'Action' };
    }
    const payload = b.Payload ?? {};
    return userOutputs(run, { Payload: payload }, { Payload: payload });
  },
};

const invokeLambdaFunction: Action = {
  maxTimeoutSeconds: 300,
  start(run) {
    if (typeof run.inputs.FunctionName !== 'string') return invalid(run, 'FunctionName', 'it is required');
    const b = getBehavior(run.ctx, run.ex.DocumentName, run.step.name);
    if (!b) return { kind: 'failure', message: m.noBehavior('aws:invokeLambdaFunction', run.ex.DocumentName, run.step.name), stage: 'Invocation', type: 'Action', final: true };
    if (b.DurationSeconds) return wait({ kind: 'sleep', until: run.ctx.now + b.DurationSeconds * 1000 });
    return this.tick!(run);
  },
  tick(run) {
    const b = getBehavior(run.ctx, run.ex.DocumentName, run.step.name)!;
    const payload = b.Payload === undefined ? '' : typeof b.Payload === 'string' ? b.Payload : JSON.stringify(b.Payload);
    if (b.FunctionError !== undefined || b.Error !== undefined) {
      return { kind: 'failure', message: m.stepFails('Execute/Cancel action', m.lambdaFunctionError(String(run.inputs.FunctionName), b.FunctionError ?? 'Unhandled', b.Error ?? payload)), stage: 'Invocation', type: 'Action' };
    }
    const base = { StatusCode: b.StatusCode ?? 200, Payload: payload, ...(b.LogResult !== undefined && { LogResult: b.LogResult }) };
    return userOutputs(run, { ...base, Payload: b.Payload ?? null }, base);
  },
};

// ───────────────────────────────────────── the rest ─────────────────────────────────────────

const updateVariable: Action = {
  start(run) {
    const name = run.inputs.Name;
    if (typeof name !== 'string' || !name.startsWith('variable:')) return invalid(run, 'Name', 'it must be variable:<name>');
    return ok(undefined, { response: JSON.stringify({ [name.slice('variable:'.length)]: run.inputs.Value }) });
  },
};

const notSimulated: Action = {
  start(run) {
    return { kind: 'failure', message: m.actionNotSimulated(run.step.action), stage: 'Invocation', type: 'Action', final: true };
  },
};

export const ACTIONS: Readonly<Record<string, Action>> = {
  'aws:sleep': sleep,
  'aws:pause': pause,
  'aws:approve': approve,
  'aws:branch': branch,
  'aws:executeAwsApi': executeAwsApi,
  'aws:waitForAwsResourceProperty': waitForAwsResourceProperty,
  'aws:assertAwsResourceProperty': assertAwsResourceProperty,
  'aws:runCommand': runCommand,
  'aws:changeInstanceState': changeInstanceState,
  'aws:createTags': createTags,
  'aws:createImage': createImage,
  'aws:executeAutomation': executeAutomation,
  'aws:executeScript': executeScript,
  'aws:invokeLambdaFunction': invokeLambdaFunction,
  'aws:updateVariable': updateVariable,
  'aws:copyImage': notSimulated,
  'aws:deleteImage': notSimulated,
  'aws:createStack': notSimulated,
  'aws:deleteStack': notSimulated,
  'aws:runInstances': notSimulated,
  'aws:executeStateMachine': notSimulated,
  'aws:invokeWebhook': notSimulated,
};

/** The action of a step (aws:loop is the engine's own). */
export function actionOf(name: string): Action {
  return ACTIONS[name] ?? notSimulated;
}

