import { defineOperation } from '../../core/operation.js';
import { createAssociation } from '../../sim/associations/model.js';
import { descriptionView } from '../../sim/associations/views.js';

/**
 * CreateAssociation: checks the association (sim/associations/spec.ts), stores version 1 and runs it
 * at once unless ApplyOnlyAtCronInterval (sim/associations/engine.ts). The answer shows the overview
 * Pending/Creating, as AWS's does.
 */
export default defineOperation('CreateAssociation', (input, ctx) => ({ AssociationDescription: descriptionView(createAssociation(ctx, input)) }));
