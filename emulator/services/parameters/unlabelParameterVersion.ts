import { defineOperation } from '../../core/operation.js';
import { ParameterVersionNotFound } from '../../generated/ssm/errors.js';
import { ownParameter } from '../../sim/parameters/read.js';
import * as messages from '../../sim/parameters/messages.js';

/**
 * UnlabelParameterVersion: removes labels from a version. Labels the version does not carry come back
 * in InvalidLabels; the ones removed in RemovedLabels.
 */
export default defineOperation('UnlabelParameterVersion', (input, ctx) => {
  const { name, rec } = ownParameter(ctx, input.Name);
  const v = rec.Versions.find((x) => x.Version === input.ParameterVersion);
  if (!v) throw new ParameterVersionNotFound(messages.versionNotFound(input.ParameterVersion, name));
  const labels = [...new Set(input.Labels)];
  const removed = labels.filter((l) => v.Labels.includes(l));
  const invalid = labels.filter((l) => !v.Labels.includes(l));
  if (removed.length) v.Labels = v.Labels.filter((l) => !removed.includes(l));
  return { RemovedLabels: removed, InvalidLabels: invalid };
});
