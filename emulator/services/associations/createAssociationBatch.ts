import { defineOperation } from '../../core/operation.js';
import type { AssociationDescription, FailedCreateAssociation } from '../../generated/ssm/types.js';
import { createAssociation } from '../../sim/associations/model.js';
import { batchFailure } from '../../sim/associations/spec.js';
import { descriptionView } from '../../sim/associations/views.js';

/**
 * CreateAssociationBatch: each entry as CreateAssociation (without tags), in order; an entry that
 * fails is reported in Failed with the error's message and Fault "Client" and does not stop the
 * others. AssociationDispatchAssumeRole applies to every entry.
 */
export default defineOperation('CreateAssociationBatch', (input, ctx) => {
  const Successful: AssociationDescription[] = [];
  const Failed: FailedCreateAssociation[] = [];
  for (const entry of input.Entries) {
    try {
      const a = createAssociation(ctx, { ...entry, ...(input.AssociationDispatchAssumeRole !== undefined && { AssociationDispatchAssumeRole: input.AssociationDispatchAssumeRole }) });
      Successful.push(descriptionView(a));
    } catch (e) {
      Failed.push({ Entry: entry, Message: batchFailure(e), Fault: 'Client' });
    }
  }
  return { Successful, Failed };
});
