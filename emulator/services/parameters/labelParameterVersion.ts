import { defineOperation } from '../../core/operation.js';
import { ParameterVersionLabelLimitExceeded, ParameterVersionNotFound } from '../../generated/ssm/errors.js';
import { current } from '../../sim/parameters/state.js';
import { isValidLabel } from '../../sim/parameters/names.js';
import { ownParameter } from '../../sim/parameters/read.js';
import { recordArn } from '../../sim/parameters/model.js';
import { emitChange } from '../../sim/parameters/events.js';
import * as messages from '../../sim/parameters/messages.js';

export const MAX_LABELS_PER_VERSION = 10;

/**
 * LabelParameterVersion: attaches labels to a version (the latest by default). A label names one
 * version of a parameter, so attaching it moves it from the version that had it. Labels that break
 * AWS's label rules are not attached and come back in InvalidLabels; a version holds at most 10.
 */
export default defineOperation('LabelParameterVersion', (input, ctx) => {
  const { name, rec } = ownParameter(ctx, input.Name);
  const versionNo = input.ParameterVersion ?? current(rec).Version;
  const v = rec.Versions.find((x) => x.Version === versionNo);
  if (!v) throw new ParameterVersionNotFound(messages.versionNotFound(versionNo, name));

  const labels = [...new Set(input.Labels)];
  const valid = labels.filter(isValidLabel);
  const invalid = labels.filter((l) => !isValidLabel(l));
  const toAdd = valid.filter((l) => !v.Labels.includes(l));
  if (v.Labels.length + toAdd.length > MAX_LABELS_PER_VERSION) throw new ParameterVersionLabelLimitExceeded(messages.tooManyLabels());

  if (toAdd.length) {
    for (const other of rec.Versions) {
      if (other !== v) other.Labels = other.Labels.filter((l) => !toAdd.includes(l));
    }
    v.Labels.push(...toAdd);
    emitChange(ctx, 'LabelParameterVersion', { name: rec.Name, type: v.Type, description: v.Description, arn: recordArn(ctx, rec) });
  }
  return { InvalidLabels: invalid, ParameterVersion: v.Version };
});
