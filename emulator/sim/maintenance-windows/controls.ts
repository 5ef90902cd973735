/**
 * Maintenance windows' simulation controls, independent of transport (the /_emulator/maintenance-windows
 * routes call these): what opens next across every window, opening a window now, and the outcomes of
 * the LAMBDA and STEP_FUNCTIONS invocations the emulator simulates. Failures are
 * WindowControlError (a ControlError: the control API's error code and HTTP status).
 */
import type { Runtime } from '../../core/runtime.js';
import { ControlError } from '../../core/control.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../core/defaults.js';
import { openWindow } from './engine.js';
import { formatScheduleTime, upcomingRuns } from './schedule.js';
import { getWindow, SIMULATED_STATUSES, windowsInOrder, windowsOf, type SimulatedOutcome } from './state.js';

/** The control API answers these as {"error": code, "message": text} with their status. */
export class WindowControlError extends ControlError {}

export interface Where {
  account?: string;
  region?: string;
}

export interface UpcomingExecution {
  account: string;
  region: string;
  windowId: string;
  name: string;
  /** ISO 8601 in UTC. */
  executionTime: string;
  /** As DescribeMaintenanceWindowSchedule writes it, in the window's time zone. */
  scheduledTime: string;
}

const STATUSES: readonly SimulatedOutcome['Status'][] = SIMULATED_STATUSES;

function scopes(emu: Runtime, where: Where) {
  return emu.store.scopesIn({ account: where.account, region: where.region });
}

/** The next `count` openings across every window (of one account and/or region), earliest first. */
export function upcomingExecutions(emu: Runtime, where: Where & { count?: number } = {}): UpcomingExecution[] {
  emu.catchUp();
  const count = where.count ?? 20;
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new WindowControlError('InvalidRequest', 'count must be a whole number from 1 to 1000.');
  const out: (UpcomingExecution & { at: number })[] = [];
  for (const s of scopes(emu, where)) {
    const ctx = emu.context(s.account, s.region);
    for (const w of windowsInOrder(ctx)) {
      for (const at of upcomingRuns(w, ctx.now, count)) {
        out.push({
          account: s.account,
          region: s.region,
          windowId: w.WindowId,
          name: w.Name,
          executionTime: new Date(at).toISOString(),
          scheduledTime: formatScheduleTime(at, w.ScheduleTimezone),
          at,
        });
      }
    }
  }
  out.sort((a, b) => a.at - b.at || (a.windowId < b.windowId ? -1 : 1));
  return out.slice(0, count).map(({ at: _at, ...e }) => e);
}

/** Opens a window now, whatever its schedule says (enabled or not); answers the new execution. */
export function forceOpen(emu: Runtime, windowId: string, where: Where = {}): { windowExecutionId: string; status: string } {
  emu.catchUp();
  const ctx = emu.context(where.account ?? DEFAULT_ACCOUNT, where.region ?? DEFAULT_REGION);
  const w = getWindow(ctx, windowId);
  if (!w) throw new WindowControlError('WindowNotFound', `No maintenance window ${windowId} in account ${ctx.account}, region ${ctx.region}.`, 404);
  const exec = openWindow(ctx, w);
  return { windowExecutionId: exec.WindowExecutionId, status: exec.Status };
}

/**
 * Sets the outcome of simulated invocations of a LAMBDA or STEP_FUNCTIONS task, by its TaskArn (as
 * registered), or "*" (the default) for any. Later invocations use it; running ones keep theirs.
 */
export function setOutcome(emu: Runtime, body: unknown, where: Where = {}): { TaskArn: string; Outcome: SimulatedOutcome } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WindowControlError('InvalidRequest', 'The body must be a JSON object.');
  const b = body as Record<string, unknown>;
  const taskArn = b.TaskArn ?? '*';
  if (typeof taskArn !== 'string' || taskArn === '') throw new WindowControlError('InvalidRequest', 'TaskArn must be a non-empty string (or absent for every task).');
  if (!STATUSES.includes(b.Status as SimulatedOutcome['Status'])) throw new WindowControlError('InvalidRequest', `Status must be one of ${STATUSES.join(', ')}.`);
  if (b.StatusDetails !== undefined && (typeof b.StatusDetails !== 'string' || b.StatusDetails.length > 250)) {
    throw new WindowControlError('InvalidRequest', 'StatusDetails must be a string of at most 250 characters.');
  }
  const d = b.DurationSeconds;
  if (d !== undefined && !(typeof d === 'number' && Number.isFinite(d) && d >= 0 && d <= 86_400)) {
    throw new WindowControlError('InvalidRequest', 'DurationSeconds must be a number of seconds from 0 to 86400.');
  }
  const outcome: SimulatedOutcome = {
    Status: b.Status as SimulatedOutcome['Status'],
    ...(b.StatusDetails !== undefined && { StatusDetails: b.StatusDetails as string }),
    ...(d !== undefined && { DurationSeconds: d }),
  };
  const slice = windowsOf(emu.context(where.account ?? DEFAULT_ACCOUNT, where.region ?? DEFAULT_REGION));
  slice.outcomes = slice.outcomes.filter((o) => o.TaskArn !== taskArn);
  slice.outcomes.push({ TaskArn: taskArn, Outcome: outcome });
  return { TaskArn: taskArn, Outcome: outcome };
}

export function listOutcomes(emu: Runtime, where: Where = {}) {
  return windowsOf(emu.context(where.account ?? DEFAULT_ACCOUNT, where.region ?? DEFAULT_REGION)).outcomes;
}

/** Forgets every outcome set (back to the default, SUCCESS). */
export function clearOutcomes(emu: Runtime, where: Where = {}): void {
  windowsOf(emu.context(where.account ?? DEFAULT_ACCOUNT, where.region ?? DEFAULT_REGION)).outcomes = [];
}
