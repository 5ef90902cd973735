/**
 * Simulation controls for maintenance windows, under /_emulator/maintenance-windows (never part of
 * the AWS surface), declared as data (core/control.ts): control/ mounts them and the control API's
 * OpenAPI document is written from these declarations. The controls themselves are
 * sim/maintenance-windows/controls.ts; their refusals are control API errors (400 bad input, 404 no
 * such window).
 *
 *   GET    /maintenance-windows/upcoming[?account=&region=&count=20]   the next openings across every window
 *   POST   /maintenance-windows/{windowId}/open[?account=&region=]      open the window now (a new execution)
 *   GET    /maintenance-windows/outcomes[?account=&region=]             outcomes of simulated LAMBDA / STEP_FUNCTIONS tasks
 *   POST   /maintenance-windows/outcomes[?account=&region=]             {"TaskArn"?, "Status", "StatusDetails"?, "DurationSeconds"?},
 *                                                                       or {"outcomes": [...]} (a fixture)
 *   DELETE /maintenance-windows/outcomes[?account=&region=]             back to the default (SUCCESS)
 */
import { component, defineControlRoute, type ControlRoute, type Schema } from '../../core/control.js';
import { clearOutcomes, forceOpen, listOutcomes, setOutcome, upcomingExecutions, type Where } from '../../sim/maintenance-windows/controls.js';

const where: Record<keyof Where, Schema> = {
  account: { type: 'string', description: 'a 12-digit account id (default 000000000000; for upcoming: every account)' },
  region: { type: 'string', description: 'a region name such as us-east-1 (default us-east-1; for upcoming: every region)' },
};

const OutcomeSchema = component('SimulatedOutcome', {
  type: 'object',
  required: ['Status'],
  properties: {
    TaskArn: { type: 'string', description: 'the function or state machine as the task names it; absent or "*" for every task' },
    Status: { type: 'string', enum: ['SUCCESS', 'FAILED', 'TIMED_OUT'] },
    StatusDetails: { type: 'string', description: 'what the invocation reports (at most 250 characters)' },
    DurationSeconds: { type: 'number', description: 'how long the simulated run takes (default 5)' },
  },
});
const outcomesAnswer = { 200: { description: 'The outcomes set', schema: { type: 'object', properties: { outcomes: { type: 'array', items: { type: 'object' } } } } } } as const;

const upcoming = defineControlRoute<undefined, Where & { count?: number }>({
  method: 'GET',
  path: '/maintenance-windows/upcoming',
  operationId: 'listUpcomingWindowExecutions',
  summary: 'The next openings across every maintenance window, earliest first',
  description: 'Each with its time in UTC (executionTime) and as DescribeMaintenanceWindowSchedule writes it, in the window zone (scheduledTime). Disabled windows do not open.',
  query: { ...where, count: { type: 'integer', description: 'how many (1-1000, default 20)' } },
  responses: { 200: { description: 'The openings', schema: { type: 'object', properties: { executions: { type: 'array', items: { type: 'object' } } } } } },
  handle: ({ query }, emu) => ({ executions: upcomingExecutions(emu, query) }),
});

const open = defineControlRoute<undefined, Where>({
  method: 'POST',
  path: '/maintenance-windows/{windowId}/open',
  operationId: 'openWindowNow',
  summary: 'Opens a maintenance window now, whatever its schedule says',
  description: 'A new execution starts at once (SKIPPED_OVERLAPPING when one is still running), for tests that do not want to advance to the schedule. Its next scheduled opening is unchanged.',
  query: where,
  responses: {
    200: { description: 'The new execution', schema: { type: 'object', properties: { windowExecutionId: { type: 'string' }, status: { type: 'string' } } } },
    404: { description: 'No such window' },
  },
  handle: ({ params, query }, emu) => forceOpen(emu, params.windowId!, query),
});

const listSet = defineControlRoute<undefined, Where>({
  method: 'GET',
  path: '/maintenance-windows/outcomes',
  operationId: 'listSimulatedOutcomes',
  summary: 'The outcomes set for simulated LAMBDA and STEP_FUNCTIONS tasks',
  query: where,
  responses: outcomesAnswer,
  handle: ({ query }, emu) => ({ outcomes: listOutcomes(emu, query) }),
});

const set = defineControlRoute<Record<string, unknown>, Where>({
  method: 'POST',
  path: '/maintenance-windows/outcomes',
  operationId: 'setSimulatedOutcomes',
  summary: 'Sets how simulated LAMBDA and STEP_FUNCTIONS invocations end',
  description: 'One outcome, or {"outcomes": [...]} (a fixture). Later invocations of the task use it; running ones keep theirs. Without any, they end SUCCESS.',
  query: where,
  body: { type: 'object', description: 'a SimulatedOutcome, or {"outcomes": [SimulatedOutcome, ...]}', properties: { outcomes: { type: 'array', items: OutcomeSchema } } },
  responses: outcomesAnswer,
  handle: ({ body, query }, emu) => ({ outcomes: (Array.isArray(body.outcomes) ? body.outcomes : [body]).map((o) => setOutcome(emu, o, query)) }),
});

const clear = defineControlRoute<undefined, Where>({
  method: 'DELETE',
  path: '/maintenance-windows/outcomes',
  operationId: 'clearSimulatedOutcomes',
  summary: 'Forgets every outcome set (back to SUCCESS)',
  query: where,
  responses: outcomesAnswer,
  handle: ({ query }, emu) => {
    clearOutcomes(emu, query);
    return { outcomes: [] };
  },
});

export const windowControlRoutes: readonly ControlRoute[] = [upcoming, open, listSet, set, clear];
