/**
 * Maintenance Windows, as the service handlers and other capabilities use them. Import from here:
 *
 * - state.ts: the slice (windows with targets and tasks, executions, simulated outcomes);
 * - schedule.ts: a window's schedule and run window, AWS's time format, NextExecutionTime;
 * - rules.ts: request checks beyond the model and the service quotas;
 * - engine.ts: windows opening on the virtual clock, tasks, invocations, cutoff, cancel, retention;
 * - pseudo.ts: {{RESOURCE_ID}} & co. in task parameters;
 * - events.ts: what goes to EventBridge;
 * - views.ts: wire views; messages.ts: AWS's texts.
 * docs/maintenance-windows.md describes the model for users.
 */
export * from './state.js';
export * from './schedule.js';
export * from './rules.js';
export * from './views.js';
export { emitTargetRegistration, emitTaskRegistration, emitWindowState, windowArn } from './events.js';
export {
  TASKS,
  tasks,
  ORIGIN_KIND,
  RETENTION_MS,
  SIMULATED_SECONDS,
  serviceLinkedRole,
  scheduleNextOpen,
  forgetWindow,
  openWindow,
  cancelExecution,
  commandSettled,
  automationSettled,
} from './engine.js';
export { substitutePseudo, substituteParameters, PSEUDO_NAMES, type PseudoValues } from './pseudo.js';
export * as messages from './messages.js';
