import { defineOperation } from '../../core/operation.js';
import { InvalidAssociationVersion } from '../../generated/ssm/errors.js';
import { findAssociation } from '../../sim/associations/model.js';
import { currentVersion } from '../../sim/associations/state.js';
import { descriptionView } from '../../sim/associations/views.js';
import * as m from '../../sim/associations/messages.js';

/**
 * DescribeAssociation: by AssociationId (optionally one AssociationVersion, $LATEST by default), or
 * an association created with the legacy InstanceId by Name + InstanceId ("If you created the
 * association by using the Targets parameter, then you must retrieve the association by using the
 * association ID").
 */
export default defineOperation('DescribeAssociation', (input, ctx) => {
  const a = findAssociation(ctx, input);
  const asked = input.AssociationVersion;
  const version = asked === undefined || asked === '$LATEST' ? currentVersion(a) : a.Versions.find((v) => v.AssociationVersion === asked);
  if (!version) throw new InvalidAssociationVersion(m.invalidVersion(asked!));
  return { AssociationDescription: descriptionView(a, version) };
});
