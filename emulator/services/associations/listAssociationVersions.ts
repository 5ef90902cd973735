import { defineOperation } from '../../core/operation.js';
import { AssociationDoesNotExist } from '../../generated/ssm/errors.js';
import { getAssociation } from '../../sim/associations/state.js';
import { versionView } from '../../sim/associations/views.js';
import * as m from '../../sim/associations/messages.js';
import { numberKey, paged } from './paging.js';

/** ListAssociationVersions: every version of the association, oldest first (AWS's order is not documented [unverified]). */
export default defineOperation('ListAssociationVersions', (input, ctx) => {
  const a = getAssociation(ctx, input.AssociationId);
  if (!a) throw new AssociationDoesNotExist(m.doesNotExist());
  const { page, NextToken } = paged(a.Versions, (v) => numberKey(Number(v.AssociationVersion)), input.MaxResults ?? 50, input.NextToken);
  return { AssociationVersions: page.map((v) => versionView(a, v)), ...(NextToken && { NextToken }) };
});
