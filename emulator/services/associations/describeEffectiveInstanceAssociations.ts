import { defineOperation } from '../../core/operation.js';
import { associationsInOrder, currentVersion } from '../../sim/associations/state.js';
import { contentAs, resolveDocument } from '../../sim/documents/index.js';
import { getInstance, matchesTargets, resolveTargets } from '../../sim/fleet/index.js';
import { numberKey, paged } from './paging.js';

/**
 * DescribeEffectiveInstanceAssociations: the associations that apply to a node now (their targets
 * match it; Automation associations run elsewhere and are not listed), each with its document's
 * content as JSON (parameters not substituted, as the agent receives it). MaxResults up to 5 (the
 * model's limit).
 */
export default defineOperation('DescribeEffectiveInstanceAssociations', (input, ctx) => {
  resolveTargets(ctx, { InstanceIds: [input.InstanceId] }, { profile: 'state-manager' });
  const node = getInstance(ctx, input.InstanceId)!;
  const effective = associationsInOrder(ctx).filter((a) => !a.Engine.automation && matchesTargets(ctx, node, currentVersion(a).Targets ?? [], { profile: 'state-manager' }));
  const { page, NextToken } = paged(effective, (a) => numberKey(a.Seq), input.MaxResults ?? 5, input.NextToken);
  return {
    Associations: page.map((a) => {
      const v = currentVersion(a);
      const doc = resolveDocument(ctx, { name: v.Name, version: v.DocumentVersion }, { requireActive: false });
      return { AssociationId: a.AssociationId, InstanceId: input.InstanceId, Content: contentAs(doc.content, doc.format, 'JSON'), AssociationVersion: v.AssociationVersion };
    }),
    ...(NextToken && { NextToken }),
  };
});
