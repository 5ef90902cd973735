/**
 * Automation's simulation controls, under /_emulator/automation (never part of the AWS surface):
 *
 *   POST   /automation/behaviors          what an aws:executeScript or aws:invokeLambdaFunction step of a
 *                                         runbook returns (no code runs in the emulator): {DocumentName,
 *                                         StepName, Payload, FunctionError, Error, StatusCode, LogResult,
 *                                         DurationSeconds, account, region}
 *   GET    /automation/behaviors          the behaviours of an account and Region
 *   DELETE /automation/behaviors          forgets them
 *   PUT    /automation/preferences        Automation's Change Calendar integration (a console setting in
 *                                         AWS, with no API): {ChangeCalendarNames: [...]}; executions
 *                                         that start while a calendar is CLOSED fail, and change requests
 *                                         wait for an override or the calendar to open;
 *                                         {CreateOpsItemsOnFailure: true}: failed executions create
 *                                         OpsItems (sim/automation/opsitems.ts)
 */
import { ControlError, defineControlRoute, type ControlRoute } from '../../core/control.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../core/defaults.js';
import { automationOf, behaviorKey, type StepBehavior } from '../../sim/automation/state.js';

interface Where {
  account?: string;
  region?: string;
}
const where = {
  account: { type: 'string', description: 'a 12-digit account id (default 000000000000)', pattern: '^\\d{12}$' },
  region: { type: 'string', description: 'a region name (default us-east-1)', pattern: '^[a-z]{2}(-[a-z]+)+-\\d+$' },
} as const;

const scope = (emu: Parameters<ControlRoute['handle']>[1], w: Where) => {
  emu.catchUp();
  return emu.context(w.account ?? DEFAULT_ACCOUNT, w.region ?? DEFAULT_REGION);
};

type BehaviorBody = StepBehavior & Where;

const putBehavior = defineControlRoute<BehaviorBody>({
  method: 'POST',
  path: '/automation/behaviors',
  operationId: 'putAutomationBehavior',
  summary: 'Sets what an aws:executeScript or aws:invokeLambdaFunction step returns',
  description: 'Keyed by DocumentName and StepName; a later call replaces the behaviour. No code ever runs in the emulator.',
  body: {
    type: 'object',
    required: ['DocumentName', 'StepName'],
    additionalProperties: false,
    properties: {
      ...where,
      DocumentName: { type: 'string', description: 'the runbook name' },
      StepName: { type: 'string', description: 'the step name' },
      Payload: { description: "the script's return value or the function's response payload" },
      FunctionError: { type: 'string', description: 'aws:invokeLambdaFunction: a function error (Unhandled) that fails the step' },
      Error: { type: 'string', description: 'the error the script raised: the step fails with it' },
      StatusCode: { type: 'integer', description: 'aws:invokeLambdaFunction: the HTTP status (default 200)' },
      LogResult: { type: 'string', description: 'aws:invokeLambdaFunction: base64 log tail' },
      DurationSeconds: { type: 'number', minimum: 0, description: 'virtual seconds the step takes' },
    },
  },
  responses: { 200: { description: 'The behaviour', schema: { type: 'object' } } },
  handle: ({ body }, emu) => {
    const { account, region, ...b } = body;
    automationOf(scope(emu, { account, region })).behaviors[behaviorKey(b.DocumentName, b.StepName)] = structuredClone(b);
    return { behavior: b };
  },
});

const listBehaviors = defineControlRoute<undefined, Where>({
  method: 'GET',
  path: '/automation/behaviors',
  operationId: 'listAutomationBehaviors',
  summary: 'The step behaviours of an account and Region',
  query: where,
  handle: ({ query }, emu) => ({ behaviors: Object.values(automationOf(scope(emu, query)).behaviors) }),
});

const clearBehaviors = defineControlRoute<undefined, Where>({
  method: 'DELETE',
  path: '/automation/behaviors',
  operationId: 'clearAutomationBehaviors',
  summary: 'Forgets the step behaviours of an account and Region',
  query: where,
  handle: ({ query }, emu) => {
    automationOf(scope(emu, query)).behaviors = {};
    return { cleared: true };
  },
});

interface Preferences extends Where {
  ChangeCalendarNames?: string[];
  CreateOpsItemsOnFailure?: boolean;
}

const putPreferences = defineControlRoute<Preferences>({
  method: 'PUT',
  path: '/automation/preferences',
  operationId: 'putAutomationPreferences',
  summary: "Automation's Change Calendar integration (the console's Preferences tab) and OpsItems for failed executions",
  description: 'A member left out keeps its value. CreateOpsItemsOnFailure stands in for an EventBridge rule that sends failed executions to OpsCenter.',
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...where,
      ChangeCalendarNames: { type: 'array', items: { type: 'string' }, description: 'calendar names or ARNs; [] turns the integration off' },
      CreateOpsItemsOnFailure: { type: 'boolean', description: 'a top-level execution that ends Failed or TimedOut creates an OpsItem (one open per runbook)' },
    },
  },
  handle: ({ body }, emu) => {
    const ctx = scope(emu, body);
    const slice = automationOf(ctx);
    if (body.ChangeCalendarNames !== undefined) {
      if (body.ChangeCalendarNames.length > 10) throw new ControlError('InvalidPreferences', 'At most 10 change calendars.');
      slice.calendarNames = [...body.ChangeCalendarNames];
    }
    if (body.CreateOpsItemsOnFailure !== undefined) slice.opsItemOnFailure = body.CreateOpsItemsOnFailure;
    return { ChangeCalendarNames: slice.calendarNames, CreateOpsItemsOnFailure: slice.opsItemOnFailure ?? false };
  },
});

export const automationControlRoutes: readonly ControlRoute[] = [putBehavior, listBehaviors, clearBehaviors, putPreferences];
