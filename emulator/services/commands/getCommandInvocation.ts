import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { InvalidPluginName, InvocationDoesNotExist } from '../../generated/ssm/errors.js';
import { getCommand, invocationIndex } from '../../sim/commands/state.js';
import { getInvocationView } from '../../sim/commands/views.js';
import * as messages from './messages.js';

/**
 * GetCommandInvocation: one plugin's result on one node. PluginName is the step name (for schema 1.2
 * documents the plugin name, aws:runShellScript); it may be left out when the document has one step.
 * A document of several steps asked without PluginName answers the invocation's status and no output.
 */
export default defineOperation('GetCommandInvocation', (input, ctx) => {
  const cmd = getCommand(ctx, input.CommandId);
  const i = cmd ? invocationIndex(cmd, input.InstanceId) : undefined;
  assert(cmd && i !== undefined, () => new InvocationDoesNotExist(messages.invocationDoesNotExist()));
  const steps = cmd.Engine.steps;
  let k: number | undefined;
  if (input.PluginName !== undefined) {
    k = steps.findIndex((s) => s.name === input.PluginName);
    assert(k >= 0, () => new InvalidPluginName(messages.invalidPluginName()));
  } else if (steps.length === 1) {
    k = 0;
  }
  return getInvocationView(cmd, cmd.Invocations[i], k);
});
