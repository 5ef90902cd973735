/** GetGroup: a group's metadata, by name or ARN (Group), or by the deprecated GroupName. */
import { defineRgOperation } from '../../core/operation.js';
import { findGroup, groupView } from '../../sim/resource-groups/model.js';

export default defineRgOperation('GetGroup', (input, ctx) => ({ Group: groupView(findGroup(ctx, input)) }));
