import { defineOperation } from '../../core/operation.js';
import { updateAssociation } from '../../sim/associations/model.js';
import { descriptionView } from '../../sim/associations/views.js';

/**
 * UpdateAssociation: a new AssociationVersion from the request (omitted optional members are cleared,
 * as the API reference warns; the document and targets are kept), then the association runs again at
 * once unless ApplyOnlyAtCronInterval. AssociationVersion, when given, must be the latest.
 */
export default defineOperation('UpdateAssociation', (input, ctx) => ({ AssociationDescription: descriptionView(updateAssociation(ctx, input)) }));
