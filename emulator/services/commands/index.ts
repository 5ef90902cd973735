/**
 * The Run Command capability area: SendCommand, ListCommands, ListCommandInvocations,
 * GetCommandInvocation and CancelCommand over the engine in emulator/sim/commands/ (lifecycle on the
 * virtual clock, rate control, simulated execution), the engine's scheduler task kinds, the plugin
 * simulators Run Command ships, and a fleet listener that resumes invocations when an agent returns.
 */
import type { Area } from '../../core/operation.js';
import type { Runtime } from '../../core/runtime.js';
import { onFleetChange } from '../../sim/fleet/index.js';
import { agentStarted, nodeRemoved, prepare, tasks } from '../../sim/commands/engine.js';
import { BUILTIN_PLUGINS } from '../../sim/commands/builtin.js';
import { commandPlugins } from '../../sim/commands/plugins.js';
import sendCommand from './sendCommand.js';
import listCommands from './listCommands.js';
import listCommandInvocations from './listCommandInvocations.js';
import getCommandInvocation from './getCommandInvocation.js';
import cancelCommand from './cancelCommand.js';

function init(emu: Runtime): void {
  onFleetChange(emu, (ctx, change) => {
    if (change.type === 'agent-started') agentStarted(ctx, change.instanceId);
    else if (change.type === 'removed') nodeRemoved(ctx, change.instanceId);
  });
}

export const commandsArea: Area = {
  name: 'commands',
  operations: [sendCommand, listCommands, listCommandInvocations, getCommandInvocation, cancelCommand],
  tasks,
  prepare,
  provides: BUILTIN_PLUGINS.map((r) => commandPlugins.provide(r)),
  init,
};
