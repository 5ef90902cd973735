/**
 * ListCommands / ListCommandInvocations filters (CommandFilter): InvokedAfter, InvokedBefore, Status,
 * ExecutionStage (ListCommands only), DocumentName. Several filters must all match.
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
 */
import { InvalidFilterKey } from '../../generated/ssm/errors.js';
import type { CommandFilter } from '../../generated/ssm/types.js';
import { isCommandTerminal } from '../../sim/commands/engine.js';
import type { CommandRecord, InvocationRecord } from '../../sim/commands/state.js';
import * as messages from './messages.js';

const COMMAND_STATUS = ['Pending', 'InProgress', 'Success', 'Cancelled', 'Failed', 'TimedOut'];
const COMMAND_DETAILS = ['AccessDenied', 'DeliveryTimedOut', 'ExecutionTimedOut', 'Incomplete', 'NoInstancesInTag', 'LimitExceeded'];
const INVOCATION_STATUS = ['Pending', 'InProgress', 'Delayed', 'Success', 'Cancelled', 'Failed', 'TimedOut'];
const INVOCATION_DETAILS = ['AccessDenied', 'DeliveryTimedOut', 'ExecutionTimedOut', 'Undeliverable', 'InvalidPlatform', 'Terminated'];
const STAGES = ['Executing', 'Complete'];

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseTime(key: string, value: string): number {
  const ms = ISO.test(value) ? Date.parse(/T/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? `${value}Z` : value) : NaN;
  if (!Number.isFinite(ms)) throw new InvalidFilterKey(messages.invalidFilterTime(key, value));
  return ms / 1000;
}

export type Matcher = (cmd: CommandRecord, inv?: InvocationRecord) => boolean;

export function compileFilters(filters: readonly CommandFilter[] | undefined, target: 'commands' | 'invocations'): Matcher {
  const tests: Matcher[] = [];
  for (const f of filters ?? []) {
    const { key, value } = f;
    switch (key) {
      case 'InvokedAfter': {
        const t = parseTime(key, value);
        tests.push((cmd) => cmd.RequestedDateTime >= t);
        break;
      }
      case 'InvokedBefore': {
        const t = parseTime(key, value);
        tests.push((cmd) => cmd.RequestedDateTime <= t);
        break;
      }
      case 'DocumentName':
        tests.push((cmd) => cmd.DocumentName === value);
        break;
      case 'ExecutionStage':
        if (target === 'invocations') throw new InvalidFilterKey(messages.executionStageNotAllowed());
        if (!STAGES.includes(value)) throw new InvalidFilterKey(messages.invalidFilterValue(key, value, STAGES));
        tests.push(value === 'Complete' ? (cmd) => isCommandTerminal(cmd) : (cmd) => !isCommandTerminal(cmd));
        break;
      case 'Status': {
        const [statuses, details] = target === 'commands' ? [COMMAND_STATUS, COMMAND_DETAILS] : [INVOCATION_STATUS, INVOCATION_DETAILS];
        if (!statuses.includes(value) && !details.includes(value)) throw new InvalidFilterKey(messages.invalidFilterValue(key, value, [...statuses, ...details]));
        const onStatus = statuses.includes(value);
        tests.push(
          target === 'commands'
            ? (cmd) => (onStatus ? cmd.Status === value : cmd.StatusDetails === value)
            : (_cmd, inv) => (onStatus ? inv!.Status === value : inv!.StatusDetails === value),
        );
        break;
      }
    }
  }
  return (cmd, inv) => tests.every((t) => t(cmd, inv));
}
