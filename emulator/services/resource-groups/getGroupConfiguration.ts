/**
 * GetGroupConfiguration: a group's service configuration, with Status UPDATE_COMPLETE (it applies at
 * once in the emulator). A group without a configuration answers BadRequestException, as AWS does
 * for query groups (Terraform's aws_resourcegroups_group relies on that to tell the two apart).
 */
import { defineRgOperation } from '../../core/operation.js';
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import { findGroup } from '../../sim/resource-groups/model.js';
import * as messages from '../../sim/resource-groups/messages.js';
import { configurationView } from './views.js';

export default defineRgOperation('GetGroupConfiguration', (input, ctx) => {
  const g = findGroup(ctx, input);
  if (!g.Configuration) throw new BadRequestException(messages.noConfiguration(g.Name));
  return { GroupConfiguration: configurationView(g) };
});
