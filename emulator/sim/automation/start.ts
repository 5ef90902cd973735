/**
 * Starting an execution, with StartAutomationExecution's checks and errors: the one path used by the
 * operation, the automationStarter port (maintenance-window AUTOMATION tasks, State Manager
 * associations), aws:executeAutomation steps, rate-control children and change requests.
 *
 *   the runbook        resolveDocument (types Automation): AutomationDefinitionNotFoundException /
 *                      AutomationDefinitionVersionNotFoundException
 *   parameters         resolveParameters in Automation's style (InvalidAutomationExecutionParametersException),
 *                      defaults filled, {{ssm:...}} resolved when the execution starts
 *   targets            TargetParameterName with Targets or TargetMaps, or TargetLocations: a rate-control
 *                      parent whose steps are child executions (rate.ts)
 *   tags               at most 5 at start (the API reference)
 */
import type { Ctx } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import { createValidator } from '../../core/validate.js';
import {
  AutomationDefinitionNotFoundException,
  AutomationDefinitionVersionNotFoundException,
  InvalidAutomationExecutionParametersException,
  InvalidDocument,
  InvalidDocumentVersion,
  ValidationException,
} from '../../generated/ssm/errors.js';
import { shapes } from '../../generated/ssm/shapes.js';
import type { ExecutionMode, StartAutomationExecutionRequest, Tag } from '../../generated/ssm/types.js';
import { resolveDocument, resolveParameters, type ParameterInput, type ResolvedDocument } from '../documents/index.js';
import { childStarter, startExecution, type ParentRef } from './engine.js';
import { childStart, startRateParent } from './rate.js';
import type { ExecutionRecord } from './state.js';
import type { AutomationOrigin } from './starter.js';
import * as m from './messages.js';

export const MAX_START_TAGS = 5;

const paramError = (msg: string) => new InvalidAutomationExecutionParametersException(msg);

/** The runbook, with Automation's errors. */
export function resolveRunbook(ctx: Ctx, name: string, version: string | undefined, types: ('Automation' | 'Automation.ChangeTemplate')[] = ['Automation']): ResolvedDocument {
  try {
    return resolveDocument(ctx, { name, ...(version !== undefined && { version }) }, { types, typeError: () => new AutomationDefinitionNotFoundException(m.definitionNotFound(name)) });
  } catch (e) {
    if (e instanceof InvalidDocumentVersion) throw new AutomationDefinitionVersionNotFoundException(m.definitionVersionNotFound(name, version ?? '$DEFAULT'));
    if (e instanceof InvalidDocument) throw new AutomationDefinitionNotFoundException(m.definitionNotFound(name));
    throw e;
  }
}

export interface StartOptions {
  origin?: AutomationOrigin;
  parent?: ParentRef;
  associationId?: string;
  /** A rate-control child's target value. */
  target?: string;
  /** Typed parameter values (aws:executeAutomation RuntimeParameters) instead of the wire form. */
  typedParameters?: Record<string, ParameterInput>;
}

/** Starts an execution as StartAutomationExecution does (its errors), returning the record. */
export function startAutomation(ctx: Ctx, req: StartAutomationExecutionRequest, opts: StartOptions = {}): ExecutionRecord {
  const doc = resolveRunbook(ctx, req.DocumentName, req.DocumentVersion);
  if ((req.Tags?.length ?? 0) > MAX_START_TAGS) throw paramError(m.tooManyTags());
  const supplied: Record<string, ParameterInput> = { ...(opts.typedParameters ?? req.Parameters ?? {}) };
  const targeted = req.TargetParameterName !== undefined || req.Targets?.length || req.TargetMaps?.length || req.TargetLocations?.length;
  if (targeted) return startRateParent(ctx, doc, req, supplied, opts);
  const params = resolveParameters(doc, supplied, { style: 'automation' });
  return startExecution(ctx, {
    document: doc,
    params,
    mode: (req.Mode ?? 'Auto') as ExecutionMode,
    tags: req.Tags as Tag[] | undefined,
    ...(opts.origin && { origin: opts.origin }),
    ...(opts.parent && { parent: opts.parent }),
    ...(opts.associationId !== undefined && { associationId: opts.associationId }),
    ...(opts.target !== undefined && { target: opts.target }),
    ...(req.AlarmConfiguration && { extra: { AlarmConfiguration: structuredClone(req.AlarmConfiguration) } }),
  });
}

/** RuntimeParameters of aws:executeAutomation: a map of values or lists. */
function runtimeParameters(v: unknown): Record<string, ParameterInput> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return v as Record<string, ParameterInput>;
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : undefined);

/**
 * aws:executeAutomation's inputs come from the runbook, which no request check has seen: the child's
 * request is checked as StartAutomationExecution checks one (the model's types and constraints), so
 * a Tag without Value or Targets values that are not text fail the step (ValidationException), as
 * the API call the step makes would, instead of being stored on the child.
 */
const requestCheck = createValidator(shapes, (message) => new ValidationException(message));

// aws:executeAutomation starts its child through here (the engine cannot import this module).
childStarter.start = (ctx, input, parent) => {
  const req: StartAutomationExecutionRequest = {
    DocumentName: String(input.DocumentName),
    ...(typeof input.DocumentVersion === 'string' && { DocumentVersion: input.DocumentVersion }),
    ...(typeof input.TargetParameterName === 'string' && { TargetParameterName: input.TargetParameterName }),
    ...(Array.isArray(input.Targets) && { Targets: input.Targets as StartAutomationExecutionRequest['Targets'] }),
    ...(Array.isArray(input.TargetMaps) && { TargetMaps: input.TargetMaps as StartAutomationExecutionRequest['TargetMaps'] }),
    ...(typeof input.MaxConcurrency === 'string' && { MaxConcurrency: input.MaxConcurrency }),
    ...(typeof input.MaxErrors === 'string' && { MaxErrors: input.MaxErrors }),
    ...(Array.isArray(input.TargetLocations) && { TargetLocations: input.TargetLocations as StartAutomationExecutionRequest['TargetLocations'] }),
    ...(Array.isArray(input.Tags) && { Tags: input.Tags as Tag[] }),
  };
  requestCheck.validate('StartAutomationExecutionRequest', req);
  const typed = runtimeParameters(input.RuntimeParameters);
  for (const [k, v] of Object.entries(typed)) if (Array.isArray(v) && v.every((x) => typeof x === 'string')) typed[k] = strings(v)!;
  return startAutomation(ctx, req, { parent, typedParameters: typed }).AutomationExecutionId;
};

childStart.start = startAutomation;

/** Whether an error is one StartAutomationExecution answers (for callers that record it). */
export const isStartError = (e: unknown): e is ServiceError => e instanceof ServiceError;
