/**
 * Run Command's engine, as other capabilities use it. Import from here:
 *
 *   import { getCommand, commandView, type CommandPluginRegistration, type PluginSimulator } from '../../sim/commands/index.js';
 *
 * - plugins.ts: the plugin-simulator registry (the commandPlugins port) and its types: how a later capability
 *   (patching, inventory, packages) simulates its plugin on a node;
 * - create.ts: createCommand(), the one way a command comes to exist (SendCommand, maintenance-window
 *   tasks, Automation's aws:runCommand);
 * - runner.ts: one document run on one node (delivery, steps, agents that come and go, cancel), for
 *   any host that owns runs (defineRunHost: Run Command's invocations, an association's targets);
 * - engine.ts: the command host on the virtual clock (rate control, counts, expiry, requestCancel,
 *   commandWatchers for commands other capabilities create);
 * - state.ts: the commands slice (getCommand, commandsInOrder, invocationIndex);
 * - views.ts: the wire views of commands, invocations and plugins;
 * - steps.ts / builtin.ts: step decisions (platform skip/fail, timeouts, behaviours) and the
 *   simulators Run Command ships (scripts, aws:runDocument, aws:downloadContent, aws:updateSsmAgent).
 * docs/commands.md describes the model for users and for engine authors.
 */
export * from './plugins.js';
export { getCommand, commandsInOrder, invocationIndex, type CommandRecord, type CommandOrigin, type InvocationRecord, type NodeRun, type PluginRecord, type StoredStep } from './state.js';
export { createCommand, type CommandSpec } from './create.js';
export { requestCancel, finalStatus, isCommandTerminal, commandWatchers, TASKS, type CommandWatcher } from './engine.js';
export {
  defineRunHost,
  sendRun,
  finishRun,
  expireRun,
  cancelRun,
  cancelRunTask,
  forgetWait,
  isTerminal,
  factsOf,
  pluginDirOf,
  RUN_TASKS,
  type RunHost,
  type RunHostHandle,
  type RunProgram,
  type FinalDetail,
} from './runner.js';
export { commandView, invocationView, getInvocationView } from './views.js';
export { decideStep, executionTimeoutSeconds, scriptLines, matchBehavior, startStep } from './steps.js';
export { BUILTIN_PLUGINS, scriptSimulator } from './builtin.js';
export { resolveConcurrency, resolveMaxErrors } from './rate.js';
export { truncateOutput, failedToRunLine, MAX_PLUGIN_OUTPUT, MAX_STDOUT, MAX_STDERR } from './output.js';
export * as timing from './timing.js';
