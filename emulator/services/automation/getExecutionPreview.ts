import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { ResourceNotFoundException } from '../../generated/ssm/errors.js';
import { getPreview } from '../../sim/automation/state.js';
import { previewView } from '../../sim/automation/preview.js';
import * as m from '../../sim/automation/messages.js';

/** GetExecutionPreview: InProgress for a moment of virtual time, then Success (or Failed) with the preview. */
export default defineOperation('GetExecutionPreview', (input, ctx) => {
  const rec = getPreview(ctx, input.ExecutionPreviewId);
  assert(rec, () => new ResourceNotFoundException(m.previewNotFound(input.ExecutionPreviewId)));
  return previewView(ctx, rec);
});
