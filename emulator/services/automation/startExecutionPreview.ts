import { defineOperation } from '../../core/operation.js';
import { ServiceError } from '../../core/errors.js';
import { ValidationException } from '../../generated/ssm/errors.js';
import { resolveRunbook } from '../../sim/automation/start.js';
import { startPreview } from '../../sim/automation/preview.js';
import * as m from '../../sim/automation/messages.js';

/** StartExecutionPreview: a preview of an Automation runbook's effect (sim/automation/preview.ts). */
export default defineOperation('StartExecutionPreview', (input, ctx) => {
  let doc;
  try {
    doc = resolveRunbook(ctx, input.DocumentName, input.DocumentVersion);
  } catch (e) {
    // The operation's only request error is ValidationException.
    if (e instanceof ServiceError) throw new ValidationException(e.code === 'AutomationDefinitionNotFoundException' ? m.previewDocumentNotFound(input.DocumentName) : e.message);
    throw e;
  }
  return { ExecutionPreviewId: startPreview(ctx, doc, input.ExecutionInputs).ExecutionPreviewId };
});
