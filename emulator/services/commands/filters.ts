/**
 * ListCommands / ListCommandInvocations filters (CommandFilter), declared for the filter engine
 * (core/filters.ts): InvokedAfter, InvokedBefore, Status, ExecutionStage (ListCommands only),
 * DocumentName. Several filters must all match.
 *
 * Values, as the API reference lists them:
 *   Status for ListCommands: Pending, InProgress, Success, Cancelled, Failed, TimedOut (delivery and
 *     execution), AccessDenied, DeliveryTimedOut, ExecutionTimedOut, Incomplete, NoInstancesInTag,
 *     LimitExceeded;
 *   Status for ListCommandInvocations: Pending, InProgress, Delayed, Success, Cancelled, Failed,
 *     TimedOut, AccessDenied, DeliveryTimedOut, ExecutionTimedOut, Undeliverable, InvalidPlatform,
 *     Terminated;
 *   ExecutionStage: Executing (not finished), Complete (finished);
 *   InvokedAfter / InvokedBefore: a timestamp such as 2024-07-07T00:00:00Z (inclusive bounds).
 * A value outside these answers InvalidFilterKey (AWS's operations declare no other filter error; the
 * wording is ours).
 *
 * The predicate takes the command and, for ListCommandInvocations, the invocation.
 */
import { defineFilters, type FilterErrors, type KeySpec } from '../../core/filters.js';
import { InvalidFilterKey } from '../../generated/ssm/errors.js';
import type { CommandFilter } from '../../generated/ssm/types.js';
import { isCommandTerminal } from '../../sim/commands/engine.js';
import type { CommandRecord, InvocationRecord } from '../../sim/commands/state.js';
import * as messages from './messages.js';

const COMMAND_STATUS = ['Pending', 'InProgress', 'Success', 'Cancelled', 'Failed', 'TimedOut'];
const COMMAND_DETAILS = ['AccessDenied', 'DeliveryTimedOut', 'ExecutionTimedOut', 'Incomplete', 'NoInstancesInTag', 'LimitExceeded'];
const INVOCATION_STATUS = ['Pending', 'InProgress', 'Delayed', 'Success', 'Cancelled', 'Failed', 'TimedOut'];
const INVOCATION_DETAILS = ['AccessDenied', 'DeliveryTimedOut', 'ExecutionTimedOut', 'Undeliverable', 'InvalidPlatform', 'Terminated'];

export type Matcher = (cmd: CommandRecord, inv?: InvocationRecord) => boolean;
type Key = KeySpec<CommandRecord, InvocationRecord | undefined>;

const errors: FilterErrors = {
  // CommandFilterKey is an enum in the model: the only key a list can refuse is ExecutionStage
  // (ListCommandInvocations does not have it).
  unknownKey: () => new InvalidFilterKey(messages.executionStageNotAllowed()),
  badValue: ({ key, value, allowed }) => new InvalidFilterKey(messages.invalidFilterValue(key, value, allowed)),
};

const time = (operator: 'GreaterThan' | 'LessThan'): Key => ({
  read: (cmd) => cmd.RequestedDateTime,
  type: 'date',
  operator,
  inclusive: true,
  errors: { badValue: ({ key, value }) => new InvalidFilterKey(messages.invalidFilterTime(key, value)) },
});

/**
 * Status: a value from the status list matches Status, one from the details list StatusDetails
 * (TimedOut is a status; DeliveryTimedOut a detail).
 */
function status(statuses: readonly string[], details: readonly string[], of: 'command' | 'invocation'): Key {
  return {
    allowed: [...statuses, ...details],
    test: (_op, values) => {
      const value = values[0] as string;
      const field = statuses.includes(value) ? 'Status' : 'StatusDetails';
      return of === 'command' ? (cmd) => cmd[field] === value : (_cmd, inv) => inv![field] === value;
    },
  };
}

const shared = {
  InvokedAfter: time('GreaterThan'),
  InvokedBefore: time('LessThan'),
  DocumentName: { read: (cmd) => cmd.DocumentName } as Key,
};

const commandFilters = defineFilters<CommandRecord, InvocationRecord | undefined>({
  name: 'ListCommands',
  defaults: { operator: 'Equal' },
  errors,
  keys: {
    ...shared,
    ExecutionStage: { read: (cmd) => (isCommandTerminal(cmd) ? 'Complete' : 'Executing'), allowed: ['Executing', 'Complete'] },
    Status: status(COMMAND_STATUS, COMMAND_DETAILS, 'command'),
  },
});

const invocationFilters = defineFilters<CommandRecord, InvocationRecord | undefined>({
  name: 'ListCommandInvocations',
  defaults: { operator: 'Equal' },
  errors,
  keys: { ...shared, Status: status(INVOCATION_STATUS, INVOCATION_DETAILS, 'invocation') },
});

export function compileFilters(filters: readonly CommandFilter[] | undefined, target: 'commands' | 'invocations'): Matcher {
  const engine = target === 'commands' ? commandFilters : invocationFilters;
  return engine.compile((filters ?? []).map((f) => ({ key: f.key, values: [f.value] }))).test;
}
