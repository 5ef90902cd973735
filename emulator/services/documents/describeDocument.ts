import { defineOperation } from '../../core/operation.js';
import { describe, requireReadable, selectVersion } from '../../sim/documents/model.js';

/** DescribeDocument: the selected version (default when none is given) with the document's versions and tags. */
export default defineOperation('DescribeDocument', (input, ctx) => {
  const ref = requireReadable(ctx, input.Name);
  return { Document: describe(ref, selectVersion(ref, input)) };
});
