import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { DuplicateInstanceId, InvalidCommandId, InvalidInstanceId } from '../../generated/ssm/errors.js';
import { getCommand, invocationIndex } from '../../sim/commands/state.js';
import { requestCancel } from '../../sim/commands/engine.js';
import * as messages from './messages.js';

/**
 * CancelCommand: invocations that have not finished go Cancelling, then Cancelled (engine.ts). Without
 * InstanceIds the whole command is cancelled (nothing more is sent; the command ends Cancelled). A
 * command that has already finished is left as it is: AWS only "attempts" to cancel, and the call
 * succeeds.
 */
export default defineOperation('CancelCommand', (input, ctx) => {
  const cmd = getCommand(ctx, input.CommandId);
  assert(cmd, () => new InvalidCommandId(messages.invalidCommandId()));
  const ids = input.InstanceIds ?? [];
  const seen = new Set<string>();
  for (const id of ids) {
    assert(!seen.has(id), () => new DuplicateInstanceId(messages.duplicateInstanceId(id)));
    seen.add(id);
  }
  const missing = ids.filter((id) => invocationIndex(cmd, id) === undefined);
  assert(!missing.length, () => new InvalidInstanceId(messages.instanceNotInCommand(missing, cmd.CommandId)));
  requestCancel(ctx, cmd, ids.length ? ids.map((id) => invocationIndex(cmd, id)!) : undefined);
  return {};
});
