import { defineOperation } from '../../core/operation.js';
import { deleteAssociation } from '../../sim/associations/engine.js';
import { findAssociation } from '../../sim/associations/model.js';

/**
 * DeleteAssociation: by AssociationId, or a legacy association by Name + InstanceId. Its runs that
 * have not finished stop; nodes keep their configuration ("it doesn't change the configuration of
 * the node").
 */
export default defineOperation('DeleteAssociation', (input, ctx) => {
  deleteAssociation(ctx, findAssociation(ctx, input));
  return {};
});
