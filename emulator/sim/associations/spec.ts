/**
 * What CreateAssociation, CreateAssociationBatch and UpdateAssociation accept: one association
 * version's settings checked the way State Manager checks them, before anything is stored. The
 * model's own constraints (patterns, lengths, ranges, enums) are checked before handlers run; this
 * adds the rules the model cannot say, each with the error code the operation lists:
 *
 *   document          resolveDocument (Command, Policy or Automation; $DEFAULT / $LATEST / n; shared
 *                     by ARN): InvalidDocument, InvalidDocumentVersion. An Automation runbook needs
 *                     the Automation capability (the automationStarter port), else InvalidDocument
 *                     with automationUnavailable().
 *   targets           Targets (InstanceIds incl. *, tag:, tag-key, resource-groups:Name) or the
 *                     legacy InstanceId, never both, one of them for Command documents (Automation
 *                     runbooks without targets get AWS's no-op target): InvalidTarget; a resource
 *                     group must exist: InvalidTarget. Legacy InstanceId: the node must exist
 *                     (InvalidInstanceId) and run the document's platform (UnsupportedPlatformType);
 *                     schema 2.0+ documents are refused (InvalidDocument); AssociationName,
 *                     DocumentVersion, MaxErrors, MaxConcurrency, OutputLocation and
 *                     ScheduleExpression are refused with it (InvalidParameters).
 *   parameters        resolveParameters against the document: InvalidParameters.
 *   schedule          parseSchedule profile 'association' (State Manager's cron and rate limits),
 *                     ScheduleOffset (cron only, with ApplyOnlyAtCronInterval), ApplyOnlyAtCronInterval
 *                     (not with rate()): InvalidSchedule.
 *   output location   an S3 bucket name that can exist: InvalidOutputLocation (nothing is written).
 *   calendars         CalendarNames through the changeCalendars port (GetCalendarState's errors);
 *                     without a provider: InvalidDocument with calendarsUnavailable().
 *   Automation only   AutomationTargetParameterName (a runbook parameter; required with rate
 *                     controls), TargetMaps (InvalidTargetMaps), TargetLocations (InvalidParameters).
 */
import type { Ctx } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import {
  InvalidDocument,
  InvalidOutputLocation,
  InvalidParameters,
  InvalidSchedule,
  InvalidTarget,
  InvalidTargetMaps,
  UnsupportedPlatformType,
} from '../../generated/ssm/errors.js';
import type { Target } from '../../generated/ssm/types.js';
import { parseSchedule, ScheduleError, type ParsedSchedule } from '../../time/schedule.js';
import { automationStarter, automationUnavailable } from '../automation/starter.js';
import { changeCalendars } from '../calendars/port.js';
import { resolveDocument, resolveParameters, type ResolvedDocument } from '../documents/index.js';
import { getInstance, resolveTargets, validateTargets } from '../fleet/index.js';
import type { AssociationSpec } from './state.js';
import * as m from './messages.js';

/** The request members a version is made from (CreateAssociation's minus Tags; UpdateAssociation's). */
export type SpecInput = AssociationSpec & { InstanceId?: string };

/** AWS's target for an Automation association that names none (the AWS CLI's update-association example). */
export const NO_OP_AUTOMATION_TARGET: Target = { Key: 'aws:NoOpAutomationTag', Values: ['AWS-NoOpAutomationTarget-Value'] };

/** S3 bucket naming rules; a bucket that can't exist doesn't exist. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const DOCUMENT_TYPES = ['Command', 'Policy', 'Automation'] as const;

/** The members the legacy InstanceId parameter excludes (the API reference's list). */
const NOT_WITH_INSTANCE_ID = ['AssociationName', 'DocumentVersion', 'MaxErrors', 'MaxConcurrency', 'OutputLocation', 'ScheduleExpression'] as const;

export interface CheckedSpec {
  spec: AssociationSpec;
  doc: ResolvedDocument;
  schedule?: ParsedSchedule;
}

/** The association's schedule, parsed (spec checked already). */
export function scheduleOf(spec: AssociationSpec): ParsedSchedule | undefined {
  if (!spec.ScheduleExpression) return undefined;
  return parseSchedule(spec.ScheduleExpression, { profile: 'association', ...(spec.ScheduleOffset !== undefined && { offsetDays: spec.ScheduleOffset }) });
}

/** Drops undefined members (a spec is stored as given; absent stays absent). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Checks one version's settings. `instanceId` is the legacy InstanceId (CreateAssociation) or the
 * node of a legacy association being updated.
 */
export function checkSpec(ctx: Ctx, input: SpecInput, opts: { instanceId?: string } = {}): CheckedSpec {
  const doc = resolveDocument(ctx, { name: input.Name, version: input.DocumentVersion }, { types: DOCUMENT_TYPES });
  const automation = doc.documentType === 'Automation';
  const legacy = opts.instanceId;
  let targets = input.Targets?.length ? input.Targets : undefined;

  if (automation && !ctx.emu.ports.one(automationStarter)) throw new InvalidDocument(automationUnavailable());
  if (input.TargetMaps?.length) {
    if (input.Targets?.length) throw new InvalidTargetMaps(m.targetsAndTargetMaps());
    if (!automation) throw new InvalidTargetMaps(m.targetMapsNeedAutomation());
  }
  if (legacy !== undefined) {
    if (targets) throw new InvalidTarget(m.idAndTargets());
    for (const k of NOT_WITH_INSTANCE_ID) if (input[k] !== undefined) throw new InvalidParameters(m.legacyParameter(k));
    if (doc.schemaVersion !== undefined && Number(doc.schemaVersion) >= 2) throw new InvalidDocument(m.legacySchema(doc.schemaVersion));
    resolveTargets(ctx, { InstanceIds: [legacy] }, { profile: 'state-manager' });
    const node = getInstance(ctx, legacy)!;
    if (!doc.platformTypes.includes(node.PlatformType)) throw new UnsupportedPlatformType(m.unsupportedPlatform(doc.name, node.PlatformType, legacy));
    targets = [{ Key: 'InstanceIds', Values: [legacy] }];
  } else if (!targets) {
    if (!automation) throw new InvalidTarget(m.noTargets());
    if (!input.TargetMaps?.length) targets = [structuredClone(NO_OP_AUTOMATION_TARGET)];
  }
  if (targets && legacy === undefined && !(automation && targets[0].Key === NO_OP_AUTOMATION_TARGET.Key)) {
    validateTargets(targets, { profile: automation ? 'automation' : 'state-manager' });
    // Resolving now answers a resource group that does not exist; nodes named by id may come later.
    resolveTargets(ctx, { Targets: targets }, { profile: automation ? 'automation' : 'state-manager', unknownInstanceIds: 'ignore' });
  }

  if (automation) {
    const target = input.AutomationTargetParameterName;
    if (target !== undefined && !doc.parameters.some((p) => p.name === target)) throw new InvalidParameters(m.automationTargetUnknown(target, doc.name));
    const rateControls = input.MaxConcurrency !== undefined || input.MaxErrors !== undefined;
    if (target === undefined && rateControls && input.Targets?.length) throw new InvalidParameters(m.automationTargetRequired());
  } else {
    if (input.AutomationTargetParameterName !== undefined) throw new InvalidParameters(m.automationTargetNeedsAutomation());
    if (input.TargetLocations?.length) throw new InvalidParameters(m.targetLocationsNeedAutomation());
  }

  // The runbook's target parameter is Automation's to fill, one value per target: not required here.
  const fills = automation && input.AutomationTargetParameterName !== undefined && input.Targets?.length ? input.AutomationTargetParameterName : undefined;
  const declared = fills === undefined ? doc : { name: doc.name, parameters: doc.parameters.map((p) => (p.name === fills ? { ...p, hasDefault: true, default: '' } : p)) };
  resolveParameters(declared, input.Parameters ?? {});

  const schedule = checkSchedule(input);

  const bucket = input.OutputLocation?.S3Location?.OutputS3BucketName;
  if (bucket !== undefined && !(BUCKET.test(bucket) && !bucket.includes('..'))) throw new InvalidOutputLocation(m.invalidBucket(bucket));

  if (input.CalendarNames?.length) {
    const calendars = ctx.emu.ports.one(changeCalendars);
    if (!calendars) throw new InvalidDocument(m.calendarsUnavailable());
    // Unknown calendars and documents that are not calendars answer GetCalendarState's errors.
    calendars.stateAt(ctx, input.CalendarNames, ctx.now);
  }

  const spec: AssociationSpec = compact({
    Name: input.Name,
    DocumentVersion: input.DocumentVersion,
    Parameters: input.Parameters && structuredClone(input.Parameters),
    Targets: targets && structuredClone(targets),
    ScheduleExpression: input.ScheduleExpression,
    ScheduleOffset: input.ScheduleOffset,
    OutputLocation: input.OutputLocation && structuredClone(input.OutputLocation),
    AssociationName: input.AssociationName,
    AutomationTargetParameterName: input.AutomationTargetParameterName,
    MaxErrors: input.MaxErrors,
    MaxConcurrency: input.MaxConcurrency,
    ComplianceSeverity: input.ComplianceSeverity,
    SyncCompliance: input.SyncCompliance,
    ApplyOnlyAtCronInterval: input.ApplyOnlyAtCronInterval,
    CalendarNames: input.CalendarNames && [...input.CalendarNames],
    TargetLocations: input.TargetLocations && structuredClone(input.TargetLocations),
    Duration: input.Duration,
    TargetMaps: input.TargetMaps && structuredClone(input.TargetMaps),
    AlarmConfiguration: input.AlarmConfiguration && structuredClone(input.AlarmConfiguration),
    AssociationDispatchAssumeRole: input.AssociationDispatchAssumeRole,
  });
  return { spec, doc, ...(schedule && { schedule }) };
}

function checkSchedule(input: SpecInput): ParsedSchedule | undefined {
  const expr = input.ScheduleExpression;
  if (expr === undefined) {
    if (input.ApplyOnlyAtCronInterval) throw new InvalidSchedule(m.needsSchedule('ApplyOnlyAtCronInterval'));
    if (input.ScheduleOffset !== undefined) throw new InvalidSchedule(m.needsSchedule('ScheduleOffset'));
    return undefined;
  }
  let schedule: ParsedSchedule;
  try {
    schedule = parseSchedule(expr, { profile: 'association', ...(input.ScheduleOffset !== undefined && { offsetDays: input.ScheduleOffset }) });
  } catch (e) {
    if (e instanceof ScheduleError) throw new InvalidSchedule(e.message);
    throw e;
  }
  if (schedule.kind === 'rate' && input.ApplyOnlyAtCronInterval) throw new InvalidSchedule(m.applyOnlyAtCronWithRate());
  if (input.ScheduleOffset !== undefined && !input.ApplyOnlyAtCronInterval) throw new InvalidSchedule(m.offsetNeedsApplyOnlyAtCron());
  return schedule;
}

/** An AWS error as a CreateAssociationBatch failure entry's message, anything else rethrown. */
export function batchFailure(e: unknown): string {
  if (e instanceof ServiceError) return e.message;
  throw e;
}
