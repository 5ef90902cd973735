/**
 * The Maintenance Windows capability area: all 23 window, target, task and execution operations over
 * the engine in emulator/sim/maintenance-windows/ (windows opening on the virtual clock, tasks run
 * through Run Command, Automation, or simulated), the engine's scheduler task kinds, tags on
 * windows, the watchers that hear how a window's commands and Automation executions end, and the
 * /_emulator/maintenance-windows control routes.
 */
import type { Area } from '../../core/operation.js';
import { commandWatchers } from '../../sim/commands/index.js';
import { automationWatchers } from '../../sim/automation/starter.js';
import { taggableResources } from '../../sim/tags/registry.js';
import { automationSettled, commandSettled, ORIGIN_KIND, tasks } from '../../sim/maintenance-windows/index.js';
import { windowTaggable } from './taggable.js';
import { windowControlRoutes } from './control.js';
import createMaintenanceWindow from './createMaintenanceWindow.js';
import getMaintenanceWindow from './getMaintenanceWindow.js';
import updateMaintenanceWindow from './updateMaintenanceWindow.js';
import deleteMaintenanceWindow from './deleteMaintenanceWindow.js';
import describeMaintenanceWindows from './describeMaintenanceWindows.js';
import registerTargetWithMaintenanceWindow from './registerTargetWithMaintenanceWindow.js';
import deregisterTargetFromMaintenanceWindow from './deregisterTargetFromMaintenanceWindow.js';
import updateMaintenanceWindowTarget from './updateMaintenanceWindowTarget.js';
import describeMaintenanceWindowTargets from './describeMaintenanceWindowTargets.js';
import registerTaskWithMaintenanceWindow from './registerTaskWithMaintenanceWindow.js';
import deregisterTaskFromMaintenanceWindow from './deregisterTaskFromMaintenanceWindow.js';
import updateMaintenanceWindowTask from './updateMaintenanceWindowTask.js';
import getMaintenanceWindowTask from './getMaintenanceWindowTask.js';
import describeMaintenanceWindowTasks from './describeMaintenanceWindowTasks.js';
import describeMaintenanceWindowsForTarget from './describeMaintenanceWindowsForTarget.js';
import describeMaintenanceWindowSchedule from './describeMaintenanceWindowSchedule.js';
import describeMaintenanceWindowExecutions from './describeMaintenanceWindowExecutions.js';
import getMaintenanceWindowExecution from './getMaintenanceWindowExecution.js';
import describeMaintenanceWindowExecutionTasks from './describeMaintenanceWindowExecutionTasks.js';
import getMaintenanceWindowExecutionTask from './getMaintenanceWindowExecutionTask.js';
import describeMaintenanceWindowExecutionTaskInvocations from './describeMaintenanceWindowExecutionTaskInvocations.js';
import getMaintenanceWindowExecutionTaskInvocation from './getMaintenanceWindowExecutionTaskInvocation.js';
import cancelMaintenanceWindowExecution from './cancelMaintenanceWindowExecution.js';

export const maintenanceWindowsArea: Area = {
  name: 'maintenance-windows',
  operations: [
    createMaintenanceWindow,
    getMaintenanceWindow,
    updateMaintenanceWindow,
    deleteMaintenanceWindow,
    describeMaintenanceWindows,
    registerTargetWithMaintenanceWindow,
    deregisterTargetFromMaintenanceWindow,
    updateMaintenanceWindowTarget,
    describeMaintenanceWindowTargets,
    registerTaskWithMaintenanceWindow,
    deregisterTaskFromMaintenanceWindow,
    updateMaintenanceWindowTask,
    getMaintenanceWindowTask,
    describeMaintenanceWindowTasks,
    describeMaintenanceWindowsForTarget,
    describeMaintenanceWindowSchedule,
    describeMaintenanceWindowExecutions,
    getMaintenanceWindowExecution,
    describeMaintenanceWindowExecutionTasks,
    getMaintenanceWindowExecutionTask,
    describeMaintenanceWindowExecutionTaskInvocations,
    getMaintenanceWindowExecutionTaskInvocation,
    cancelMaintenanceWindowExecution,
  ],
  tasks,
  provides: [
    taggableResources.provide(windowTaggable),
    commandWatchers.provide({ kind: ORIGIN_KIND, settled: commandSettled }),
    automationWatchers.provide({ kind: ORIGIN_KIND, settled: automationSettled }),
  ],
  controlRoutes: windowControlRoutes,
};
