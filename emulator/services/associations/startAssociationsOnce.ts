import { defineOperation } from '../../core/operation.js';
import { AssociationDoesNotExist } from '../../generated/ssm/errors.js';
import { requestRun } from '../../sim/associations/engine.js';
import { getAssociation } from '../../sim/associations/state.js';
import * as m from '../../sim/associations/messages.js';

/** StartAssociationsOnce: each association runs once, now (after an execution still going); every id must exist. */
export default defineOperation('StartAssociationsOnce', (input, ctx) => {
  const found = input.AssociationIds.map((id) => getAssociation(ctx, id));
  if (found.some((a) => !a)) throw new AssociationDoesNotExist(m.doesNotExist());
  for (const a of found) requestRun(ctx, a!, 'manual');
  return {};
});
