/**
 * The Automation capability area: StartAutomationExecution, GetAutomationExecution,
 * DescribeAutomationExecutions, DescribeAutomationStepExecutions, StopAutomationExecution,
 * SendAutomationSignal, StartChangeRequestExecution, StartExecutionPreview, GetExecutionPreview and
 * GetCalendarState over the engine in emulator/sim/automation/ and the change calendars of
 * emulator/sim/calendars/; the engine's task kind; the /_emulator/automation controls; and the ports it
 * provides: automationStarter (maintenance-window AUTOMATION tasks and State Manager associations of
 * Automation documents run here), changeCalendars (CalendarNames of associations and windows), the
 * commandWatchers of aws:runCommand steps, tags on executions (ResourceType Automation), and a
 * documentWatchers hook that follows change calendars for their "Calendar State Change" events.
 */
import type { Area } from '../../core/operation.js';
import { commandWatchers } from '../../sim/commands/engine.js';
import { automationStarter } from '../../sim/automation/starter.js';
import { changeCalendars } from '../../sim/calendars/port.js';
import { calendarPort } from '../../sim/calendars/index.js';
import { calendarTasks, followCalendar } from '../../sim/calendars/events.js';
import { documentWatchers } from '../../sim/documents/lifecycle.js';
import { commandSettled, isTerminal, requestStop, tasks } from '../../sim/automation/engine.js';
import { COMMAND_ORIGIN } from '../../sim/automation/actions.js';
import { startAutomation } from '../../sim/automation/start.js';
import { executionsInOrder, getExecution } from '../../sim/automation/state.js';
import { executionArn } from '../../sim/automation/events.js';
import { taggableResources } from '../../sim/tags/registry.js';
import '../../sim/automation/change.js';
import startAutomationExecution from './startAutomationExecution.js';
import getAutomationExecution from './getAutomationExecution.js';
import describeAutomationExecutions from './describeAutomationExecutions.js';
import describeAutomationStepExecutions from './describeAutomationStepExecutions.js';
import stopAutomationExecution from './stopAutomationExecution.js';
import sendAutomationSignal from './sendAutomationSignal.js';
import startChangeRequestExecution from './startChangeRequestExecution.js';
import startExecutionPreview from './startExecutionPreview.js';
import getExecutionPreview from './getExecutionPreview.js';
import getCalendarState from './getCalendarState.js';
import { automationControlRoutes } from './control.js';

export const automationArea: Area = {
  name: 'automation',
  operations: [
    startAutomationExecution,
    getAutomationExecution,
    describeAutomationExecutions,
    describeAutomationStepExecutions,
    stopAutomationExecution,
    sendAutomationSignal,
    startChangeRequestExecution,
    startExecutionPreview,
    getExecutionPreview,
    getCalendarState,
  ],
  tasks: { ...tasks, ...calendarTasks },
  controlRoutes: automationControlRoutes,
  provides: [
    automationStarter.provide({
      start: (ctx, request, origin) => startAutomation(ctx, request, origin ? { origin } : {}).AutomationExecutionId,
      status: (ctx, id) => getExecution(ctx, id)?.AutomationExecutionStatus,
      stop: (ctx, id) => {
        const ex = getExecution(ctx, id);
        if (ex && !isTerminal(ex)) requestStop(ctx, ex, 'Cancel');
      },
    }),
    changeCalendars.provide(calendarPort),
    documentWatchers.provide({
      activated: (ctx, name, type) => type === 'ChangeCalendar' && followCalendar(ctx, name),
      defaultChanged: (ctx, name, type) => type === 'ChangeCalendar' && followCalendar(ctx, name),
    }),
    commandWatchers.provide({ kind: COMMAND_ORIGIN, settled: (ctx, cmd) => commandSettled(ctx, cmd.Origin!.id, cmd.CommandId) }),
    taggableResources.provide({
      resourceType: 'Automation',
      maxTags: 5,
      tags: (ctx, id) => getExecution(ctx, id)?.Tags,
      list: (ctx) => executionsInOrder(ctx).map((ex) => ({ id: ex.AutomationExecutionId, arn: executionArn(ctx, ex.AutomationExecutionId), tags: ex.Tags })),
    }),
  ],
};
