/**
 * Execution previews (StartExecutionPreview / GetExecutionPreview): what running a runbook would do,
 * without running it. The preview counts each step once per target by the impact AWS names
 * (API reference, AutomationExecutionPreview.StepPreviews):
 *   Mutating      steps that create, change or delete resources (aws:changeInstanceState,
 *                 aws:createImage, aws:createTags, aws:executeAwsApi with an API that is not
 *                 Describe/List/Get, ...)
 *   Non_Mutating  steps that read (aws:executeAwsApi Describe*, List*, Get*; aws:assertAwsResourceProperty,
 *                 aws:waitForAwsResourceProperty) and flow control (aws:sleep, aws:branch, aws:approve,
 *                 aws:pause, aws:changeInstanceState with CheckStateOnly)
 *   Undetermined  steps whose effect another service decides (aws:runCommand, aws:executeScript,
 *                 aws:invokeLambdaFunction, aws:executeAutomation, aws:executeStateMachine, aws:invokeWebhook)
 * plus the targets (TargetPreviews: how many of each resource type), Regions and TotalAccounts.
 * The preview is computed when it is started and reads InProgress until PREVIEW_MS has passed on the
 * virtual clock, then Success (a preview whose inputs are wrong is Failed, with the reason).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import type { ExecutionInputs, GetExecutionPreviewResponse } from '../../generated/ssm/types.js';
import { resolveParameters, type ParameterInput, type ResolvedDocument } from '../documents/index.js';
import { getInstance, resolveTargets } from '../fleet/index.js';
import { apiName } from './actions.js';
import { automationOf, type PreviewRecord } from './state.js';

/** How long a preview takes (a model). */
export const PREVIEW_MS = 1000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Impact = 'Mutating' | 'Non_Mutating' | 'Undetermined';

const UNDETERMINED = new Set(['aws:runCommand', 'aws:executeScript', 'aws:invokeLambdaFunction', 'aws:executeAutomation', 'aws:executeStateMachine', 'aws:invokeWebhook']);
const READS = new Set(['aws:assertAwsResourceProperty', 'aws:waitForAwsResourceProperty', 'aws:sleep', 'aws:branch', 'aws:approve', 'aws:pause']);

function impactOf(action: string, inputs: unknown): Impact {
  const i = isObj(inputs) ? inputs : {};
  if (UNDETERMINED.has(action)) return 'Undetermined';
  if (READS.has(action)) return 'Non_Mutating';
  if (action === 'aws:executeAwsApi') return /^(Describe|List|Get)/.test(apiName(String(i.Api ?? ''))) ? 'Non_Mutating' : 'Mutating';
  if (action === 'aws:changeInstanceState' && (i.CheckStateOnly === true || i.CheckStateOnly === 'true')) return 'Non_Mutating';
  return 'Mutating';
}

function countSteps(steps: readonly { action: string; inputs: unknown }[], into: Record<string, number>, times: number): void {
  for (const s of steps) {
    if (s.action === 'aws:loop') {
      const inner = isObj(s.inputs) && Array.isArray(s.inputs.Steps) ? s.inputs.Steps.filter(isObj).map((x) => ({ action: String(x.action), inputs: x.inputs })) : [];
      countSteps(inner, into, times);
      continue;
    }
    const k = impactOf(s.action, s.inputs);
    into[k] = (into[k] ?? 0) + times;
  }
}

export function startPreview(ctx: Ctx, doc: ResolvedDocument, inputs: ExecutionInputs | undefined): PreviewRecord {
  const a = inputs?.Automation ?? {};
  const rec: PreviewRecord = { ExecutionPreviewId: ctx.emu.ids.uuid(), Status: 'InProgress', StartedAt: toEpochSeconds(ctx.now) };
  try {
    const targeted = a.Targets?.length || a.TargetMaps?.length;
    const supplied = { ...(a.Parameters ?? {}) } as Record<string, ParameterInput>;
    if (a.TargetParameterName && !Object.hasOwn(supplied, a.TargetParameterName)) supplied[a.TargetParameterName] = ['placeholder'];
    resolveParameters(doc, supplied, { style: 'automation' });
    let count = 1;
    const types: Record<string, number> = {};
    if (a.TargetMaps?.length) count = a.TargetMaps.length;
    else if (a.Targets?.length) {
      const pv = a.Targets.find((t) => t.Key === 'ParameterValues');
      if (pv) count = pv.Values?.length ?? 0;
      else {
        const r = resolveTargets(ctx, { Targets: a.Targets }, { profile: 'automation', includeStopped: true, unknownInstanceIds: 'ignore' });
        count = r.ids.length;
        for (const id of r.ids) {
          const t = getInstance(ctx, id)?.ResourceType === 'ManagedInstance' ? 'AWS::SSM::ManagedInstance' : 'AWS::EC2::Instance';
          types[t] = (types[t] ?? 0) + 1;
        }
      }
    }
    const stepPreviews: Record<string, number> = {};
    countSteps(doc.steps, stepPreviews, targeted ? count : 1);
    const locations = a.TargetLocations ?? [];
    rec.StepPreviews = stepPreviews;
    rec.Regions = locations.length ? [...new Set(locations.flatMap((l) => l.Regions ?? [ctx.region]))] : [ctx.region];
    rec.TotalAccounts = locations.length ? new Set(locations.flatMap((l) => l.Accounts ?? [ctx.account])).size : 1;
    rec.TargetPreviews = Object.entries(types).map(([TargetType, Count]) => ({ Count, TargetType }));
    rec.Status = 'Success';
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    rec.Status = 'Failed';
    rec.StatusMessage = e.message;
  }
  rec.EndedAt = rec.StartedAt + PREVIEW_MS / 1000;
  automationOf(ctx).previews[rec.ExecutionPreviewId] = rec;
  return rec;
}

/** GetExecutionPreview: InProgress until PREVIEW_MS has passed. */
export function previewView(ctx: Ctx, rec: PreviewRecord): GetExecutionPreviewResponse {
  const done = toEpochSeconds(ctx.now) >= (rec.EndedAt ?? rec.StartedAt);
  if (!done) return { ExecutionPreviewId: rec.ExecutionPreviewId, Status: 'InProgress' };
  return {
    ExecutionPreviewId: rec.ExecutionPreviewId,
    Status: rec.Status,
    ...(rec.StatusMessage !== undefined && { StatusMessage: rec.StatusMessage }),
    ...(rec.EndedAt !== undefined && { EndedAt: rec.EndedAt }),
    ...(rec.Status === 'Success' && {
      ExecutionPreview: {
        Automation: {
          StepPreviews: rec.StepPreviews ?? {},
          Regions: rec.Regions ?? [],
          TargetPreviews: rec.TargetPreviews ?? [],
          TotalAccounts: rec.TotalAccounts ?? 1,
        },
      },
    }),
  };
}
