/**
 * Associations as the operations change them: create (one request or a batch entry), update (a new
 * version every time), find (by id, or a legacy association by document and node), delete; and
 * what other capabilities ask of them (tags, documents in use). Validation is spec.ts's; what
 * happens over time is engine.ts's.
 */
import type { Ctx } from '../../core/context.js';
import { arn, toEpochSeconds } from '../../core/context.js';
import {
  AssociationAlreadyExists,
  AssociationDoesNotExist,
  AssociationLimitExceeded,
  AssociationVersionLimitExceeded,
  InvalidAssociationVersion,
  InvalidUpdate,
} from '../../generated/ssm/errors.js';
import type { AssociationStatusName, Tag, UpdateAssociationRequest } from '../../generated/ssm/types.js';
import { resolveDocument } from '../documents/index.js';
import type { DocumentUser } from '../documents/usage.js';
import { resolveTargets } from '../fleet/index.js';
import { mergedTags } from '../tags/model.js';
import type { TaggableType } from '../tags/registry.js';
import { activate, stopPendingTargets } from './engine.js';
import { checkSpec, NO_OP_AUTOMATION_TARGET, type SpecInput } from './spec.js';
import { associationsOf, currentVersion, getAssociation, type AssociationRecord } from './state.js';
import { MAX_ASSOCIATIONS, MAX_VERSIONS } from './timing.js';
import * as m from './messages.js';

export const associationArn = (ctx: { account: string; region: string }, id: string) => arn(ctx, 'ssm', `association/${id}`);

/** The legacy association (created with InstanceId) of a document on a node. Throws InvalidDocument for an unknown document. */
function findLegacy(ctx: Ctx, name: string, instanceId: string): AssociationRecord | undefined {
  const docArn = resolveDocument(ctx, { name }, { requireActive: false }).arn;
  return Object.values(associationsOf(ctx).byId).find((a) => a.InstanceId === instanceId && a.Engine.documentArn === docArn);
}

/** CreateAssociation, or one entry of CreateAssociationBatch. */
export function createAssociation(ctx: Ctx, input: SpecInput & { InstanceId?: string; Tags?: Tag[] }): AssociationRecord {
  const slice = associationsOf(ctx);
  const legacy = input.InstanceId;
  const { spec, doc } = checkSpec(ctx, input, { instanceId: legacy });
  if (legacy !== undefined && findLegacy(ctx, input.Name, legacy)) throw new AssociationAlreadyExists(m.alreadyExists(input.Name, legacy));
  const tags = input.Tags?.length ? mergedTags([], input.Tags) : [];
  if (slice.count >= MAX_ASSOCIATIONS) throw new AssociationLimitExceeded(m.associationLimit(MAX_ASSOCIATIONS));
  const now = toEpochSeconds(ctx.now);
  const a: AssociationRecord = {
    AssociationId: ctx.emu.ids.uuid(),
    Seq: ++slice.seq,
    // "Associated" is outside the model's AssociationStatusName enum, yet it is what AWS answers (core/validate.ts OPEN_ENUMS).
    ...(legacy !== undefined && { InstanceId: legacy, Status: { Date: now, Name: 'Associated' as AssociationStatusName, Message: m.associatedWith(input.Name) } }),
    Date: now,
    LastUpdateAssociationDate: now,
    Tags: tags,
    Versions: [{ ...spec, AssociationVersion: '1', CreatedDate: now }],
    Nodes: Object.create(null),
    Counts: Object.create(null),
    Executions: [],
    Engine: { anchor: ctx.now, fresh: true, executions: 0, automation: doc.documentType === 'Automation', documentArn: doc.arn },
  };
  slice.byId[a.AssociationId] = a;
  slice.count++;
  activate(ctx, a, 'create');
  return a;
}

/**
 * UpdateAssociation: a new version from the request. The API reference: "the system removes all
 * optional parameters from the request and overwrites the association with null values for those
 * parameters"; the document (Name) and the targets are kept when the request leaves them out
 * (Terraform's provider, for one, never sends Name on update).
 */
export function updateAssociation(ctx: Ctx, input: UpdateAssociationRequest): AssociationRecord {
  const a = getAssociation(ctx, input.AssociationId);
  if (!a) throw new AssociationDoesNotExist(m.doesNotExist());
  const current = currentVersion(a);
  const asked = input.AssociationVersion;
  if (asked !== undefined && asked !== '$LATEST' && asked !== current.AssociationVersion) {
    throw new InvalidAssociationVersion(m.notLatestVersion(asked, current.AssociationVersion));
  }
  if (a.Versions.length >= MAX_VERSIONS) throw new AssociationVersionLimitExceeded(m.versionLimit(MAX_VERSIONS));
  if (a.InstanceId !== undefined && input.Targets?.length) throw new InvalidUpdate(m.legacyUpdate());
  const { AssociationId: _id, AssociationVersion: _v, ...rest } = input;
  const keptTargets = a.InstanceId === undefined && current.Targets?.[0]?.Key !== NO_OP_AUTOMATION_TARGET.Key && !input.TargetMaps?.length ? current.Targets : undefined;
  const merged: SpecInput = { ...rest, Name: input.Name ?? current.Name, Targets: input.Targets ?? keptTargets };
  const { spec, doc } = checkSpec(ctx, merged, { instanceId: a.InstanceId });
  const now = toEpochSeconds(ctx.now);
  a.Versions.push({ ...spec, AssociationVersion: String(Number(current.AssociationVersion) + 1), CreatedDate: now });
  a.LastUpdateAssociationDate = now;
  a.Engine.automation = doc.documentType === 'Automation';
  a.Engine.documentArn = doc.arn;
  stopPendingTargets(ctx, a);
  activate(ctx, a, 'update');
  return a;
}

/**
 * DescribeAssociation / DeleteAssociation: by AssociationId, or (associations created with the legacy
 * InstanceId only) by Name + InstanceId.
 */
export function findAssociation(ctx: Ctx, input: { AssociationId?: string; Name?: string; InstanceId?: string }): AssociationRecord {
  if (input.AssociationId !== undefined) {
    const a = getAssociation(ctx, input.AssociationId);
    if (!a) throw new AssociationDoesNotExist(m.doesNotExist());
    return a;
  }
  if (input.Name === undefined || input.InstanceId === undefined) throw new AssociationDoesNotExist(m.needsIdentifier());
  resolveTargets(ctx, { InstanceIds: [input.InstanceId] }, { profile: 'state-manager' });
  const a = findLegacy(ctx, input.Name, input.InstanceId);
  if (!a) throw new AssociationDoesNotExist(m.doesNotExist());
  return a;
}

/** Tags on associations (AddTagsToResource ResourceType Association, the association id). */
export const associationTaggable: TaggableType = {
  resourceType: 'Association',
  tags: (ctx, id) => getAssociation(ctx, id)?.Tags,
  list: (ctx) => Object.values(associationsOf(ctx).byId).map((a) => ({ id: a.AssociationId, arn: associationArn(ctx, a.AssociationId), tags: a.Tags })),
};

/** DeleteDocument asks: does an association run this document (or pin this version of it)? */
export const associationDocumentUser: DocumentUser = {
  uses(ctx, documentArn, version) {
    return Object.values(associationsOf(ctx).byId).some((a) => a.Engine.documentArn === documentArn && (version === undefined || currentVersion(a).DocumentVersion === version));
  },
};
