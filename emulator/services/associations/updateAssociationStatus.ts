import { defineOperation } from '../../core/operation.js';
import { toEpochSeconds } from '../../core/context.js';
import { StatusUnchanged } from '../../generated/ssm/errors.js';
import { findAssociation } from '../../sim/associations/model.js';
import { descriptionView } from '../../sim/associations/views.js';
import * as m from '../../sim/associations/messages.js';

/**
 * UpdateAssociationStatus: sets the Status of a legacy association (created with InstanceId; "only
 * used for associations created with the InstanceId legacy parameter"), as SSM Agent reports it.
 * The same status Name again is StatusUnchanged. The Date is kept to the second, as the AWS CLI's
 * example shows (1424421071.939 answers 1424421071.0).
 */
export default defineOperation('UpdateAssociationStatus', (input, ctx) => {
  const a = findAssociation(ctx, { Name: input.Name, InstanceId: input.InstanceId });
  const s = input.AssociationStatus;
  if (a.Status?.Name === s.Name) throw new StatusUnchanged(m.statusUnchanged());
  a.Status = { Date: Math.floor(s.Date), Name: s.Name, Message: s.Message, ...(s.AdditionalInfo !== undefined && { AdditionalInfo: s.AdditionalInfo }) };
  a.LastUpdateAssociationDate = toEpochSeconds(ctx.now);
  return { AssociationDescription: descriptionView(a) };
});
