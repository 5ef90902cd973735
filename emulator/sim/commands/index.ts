/**
 * Run Command's engine, as other capabilities use it. Import from here:
 *
 *   import { getCommand, commandView, type CommandPluginRegistration, type PluginSimulator } from '../../sim/commands/index.js';
 *
 * - plugins.ts: the plugin-simulator registry (Area.plugins) and its types: how a later capability
 *   (patching, inventory, packages) simulates its plugin on a node;
 * - engine.ts: the lifecycle on the virtual clock (startCommand, requestCancel, the task kinds);
 * - state.ts: the commands slice (getCommand, commandsInOrder, invocationIndex);
 * - views.ts: the wire views of commands, invocations and plugins;
 * - steps.ts / builtin.ts: step decisions (platform skip/fail, timeouts, behaviours) and the
 *   simulators Run Command ships (scripts, aws:runDocument, aws:downloadContent, aws:updateSsmAgent).
 * docs/commands.md describes the model for users and for engine authors.
 */
export * from './plugins.js';
export { getCommand, commandsInOrder, invocationIndex, type CommandRecord, type InvocationRecord, type PluginRecord, type StoredStep } from './state.js';
export { startCommand, requestCancel, finalStatus, isTerminal, isCommandTerminal, factsOf, pluginDirOf, TASKS } from './engine.js';
export { commandView, invocationView, getInvocationView } from './views.js';
export { decideStep, executionTimeoutSeconds, scriptLines, matchBehavior, startStep } from './steps.js';
export { BUILTIN_PLUGINS, scriptSimulator } from './builtin.js';
export { resolveConcurrency, resolveMaxErrors } from './rate.js';
export { truncateOutput, failedToRunLine, MAX_PLUGIN_OUTPUT, MAX_STDOUT, MAX_STDERR } from './output.js';
export * as timing from './timing.js';
