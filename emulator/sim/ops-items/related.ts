/**
 * Related items of OpsItems (AssociateOpsItemRelatedItem and its neighbours): an OpsItem "IsParentOf"
 * or "RelatesTo" an Incident Manager incident or an SSM document, named by ARN. An ARN is associated
 * with an OpsItem at most once. Each association and removal is also an event on the OpsItem's
 * timeline (OpsItemEventSummary covers "an event that associated an OpsItem with a related item").
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import {
  OpsItemInvalidParameterException,
  OpsItemLimitExceededException,
  OpsItemRelatedItemAlreadyExistsException,
  OpsItemRelatedItemAssociationNotFoundException,
} from '../../generated/ssm/errors.js';
import type { AssociateOpsItemRelatedItemRequest, OpsItemRelatedItemSummary } from '../../generated/ssm/types.js';
import { callerArn, getItemForWrite, recordEvent } from './model.js';
import { opsItems, type RelatedItemRecord } from './state.js';
import * as messages from './messages.js';

/** The association types and resource types the API reference lists. */
export const ASSOCIATION_TYPES = ['IsParentOf', 'RelatesTo'];
export const RELATED_RESOURCE_TYPES = ['AWS::SSMIncidents::IncidentRecord', 'AWS::SSM::Document'];
/** Related items per OpsItem (not documented; the same as the related resources an OpsItem can list). */
export const MAX_RELATED_ITEMS = 100;

const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$/;

export function associateRelatedItem(ctx: Ctx, input: AssociateOpsItemRelatedItemRequest): string {
  const item = getItemForWrite(ctx, input.OpsItemId);
  const invalid = (m: string, name: string) => new OpsItemInvalidParameterException(m, { ParameterNames: [name] });
  if (!ASSOCIATION_TYPES.includes(input.AssociationType)) throw invalid(messages.badAssociationType(input.AssociationType, ASSOCIATION_TYPES), 'AssociationType');
  if (!RELATED_RESOURCE_TYPES.includes(input.ResourceType)) throw invalid(messages.badRelatedResourceType(input.ResourceType, RELATED_RESOURCE_TYPES), 'ResourceType');
  if (!ARN.test(input.ResourceUri)) throw invalid(messages.badResourceUri(input.ResourceUri), 'ResourceUri');
  const slice = opsItems.of(ctx.scope);
  const mine = Object.values(slice.related).filter((r) => r.OpsItemId === item.OpsItemId);
  if (mine.some((r) => r.ResourceUri === input.ResourceUri)) {
    throw new OpsItemRelatedItemAlreadyExistsException(messages.relatedItemExists(input.ResourceUri, item.OpsItemId), {
      ResourceUri: input.ResourceUri,
      OpsItemId: item.OpsItemId,
    });
  }
  if (mine.length >= MAX_RELATED_ITEMS) {
    throw new OpsItemLimitExceededException(messages.tooManyRelatedItems(MAX_RELATED_ITEMS), { Limit: MAX_RELATED_ITEMS, LimitType: 'RelatedItems', ResourceTypes: ['RelatedItem'] });
  }
  const now = toEpochSeconds(ctx.now);
  const who = callerArn(ctx);
  const rec: RelatedItemRecord = {
    AssociationId: ctx.emu.ids.uuid(),
    OpsItemId: item.OpsItemId,
    AssociationType: input.AssociationType,
    ResourceType: input.ResourceType,
    ResourceUri: input.ResourceUri,
    CreatedBy: who,
    CreatedTime: now,
    LastModifiedBy: who,
    LastModifiedTime: now,
    Seq: ++slice.seq,
  };
  slice.related[rec.AssociationId] = rec;
  recordEvent(ctx, item.OpsItemId, 'OpsItem Related Item Associated', {
    AssociationId: rec.AssociationId,
    AssociationType: rec.AssociationType,
    ResourceType: rec.ResourceType,
    ResourceUri: rec.ResourceUri,
  });
  return rec.AssociationId;
}

export function disassociateRelatedItem(ctx: Ctx, opsItemId: string, associationId: string): void {
  getItemForWrite(ctx, opsItemId);
  const slice = opsItems.of(ctx.scope);
  const rec = Object.hasOwn(slice.related, associationId) ? slice.related[associationId] : undefined;
  if (!rec || rec.OpsItemId !== opsItemId) throw new OpsItemRelatedItemAssociationNotFoundException(messages.associationNotFound(associationId));
  delete slice.related[associationId];
  recordEvent(ctx, opsItemId, 'OpsItem Related Item Disassociated', { AssociationId: associationId, ResourceUri: rec.ResourceUri });
}

/** The scope's related items (of one OpsItem, when given), oldest first. */
export function relatedItems(ctx: Ctx, opsItemId?: string): RelatedItemRecord[] {
  const all = Object.values(opsItems.peek(ctx.scope)?.related ?? {});
  return all.filter((r) => opsItemId === undefined || r.OpsItemId === opsItemId).sort((a, b) => a.Seq - b.Seq);
}

export const relatedItemView = (r: RelatedItemRecord): OpsItemRelatedItemSummary => ({
  OpsItemId: r.OpsItemId,
  AssociationId: r.AssociationId,
  ResourceType: r.ResourceType,
  AssociationType: r.AssociationType,
  ResourceUri: r.ResourceUri,
  CreatedBy: { Arn: r.CreatedBy },
  CreatedTime: r.CreatedTime,
  LastModifiedBy: { Arn: r.LastModifiedBy },
  LastModifiedTime: r.LastModifiedTime,
});
