/**
 * Starting an Automation execution from another capability: a maintenance-window AUTOMATION task, a
 * State Manager association of an Automation document, a change request. The Automation area
 * provides it (services/automation over sim/automation); until that area is loaded there is no
 * provider, and callers fail honestly, naming what is missing (automationUnavailable()).
 *
 * Callers learn how an execution ended through automationWatchers (like Run Command's
 * commandWatchers): an execution started with an `origin` tells the watchers of that origin's kind
 * when it reaches a final status.
 */
import type { Ctx } from '../../core/context.js';
import { definePort } from '../../core/ports.js';
import type { AutomationExecutionStatus, StartAutomationExecutionRequest } from '../../generated/ssm/types.js';

export interface AutomationOrigin {
  /** The starting capability, e.g. "maintenance-window", "association". */
  kind: string;
  /** Its own reference (a task invocation id, an association execution id...). */
  id: string;
}

export interface AutomationStarter {
  /**
   * Validates and starts an execution as StartAutomationExecution would (its errors are AWS's for
   * that operation), on behalf of the caller in ctx. Returns the execution id.
   */
  start(ctx: Ctx, request: StartAutomationExecutionRequest, origin?: AutomationOrigin): string;
  /** The execution's status now, or undefined when there is no such execution. */
  status(ctx: Ctx, executionId: string): AutomationExecutionStatus | undefined;
  /** Stops a running execution (StopAutomationExecution Type Cancel). */
  stop(ctx: Ctx, executionId: string): void;
}

export const automationStarter = definePort<AutomationStarter>('automation.starter');

export interface AutomationWatcher {
  readonly kind: string;
  settled(ctx: Ctx, executionId: string, status: AutomationExecutionStatus, origin: AutomationOrigin): void;
}

/** Provided by capabilities that start executions with an origin of their kind. */
export const automationWatchers = definePort<AutomationWatcher>('automation.watchers');

/** The honest answer while no Automation engine is loaded. */
export const automationUnavailable = () =>
  'Automation is not available in this emulator instance (the automation capability area is not loaded), so Automation documents cannot run here.';
