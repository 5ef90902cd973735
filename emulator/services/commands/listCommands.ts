import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { InvalidCommandId } from '../../generated/ssm/errors.js';
import { commandsInOrder, getCommand, invocationIndex, type CommandRecord } from '../../sim/commands/state.js';
import { commandView } from '../../sim/commands/views.js';
import { compileFilters } from './filters.js';
import { makeToken, readToken } from './paging.js';
import * as messages from './messages.js';

/**
 * ListCommands: the region's commands of the last 30 days, newest first; CommandId (unknown:
 * InvalidCommandId), InstanceId (commands that target the node) and Filters narrow the list.
 */
export default defineOperation('ListCommands', (input, ctx) => {
  const max = input.MaxResults ?? 50;
  const match = compileFilters(input.Filters, 'commands');
  const from = readToken(input.NextToken, 'c');
  let candidates: readonly CommandRecord[];
  if (input.CommandId !== undefined) {
    const cmd = getCommand(ctx, input.CommandId);
    assert(cmd, () => new InvalidCommandId(messages.invalidCommandId()));
    candidates = [cmd];
  } else {
    candidates = commandsInOrder(ctx);
  }
  const page: CommandRecord[] = [];
  let next: number | undefined;
  for (let j = candidates.length - 1; j >= 0; j--) {
    const cmd = candidates[j];
    if (from && cmd.Seq > from.s) continue;
    if (input.InstanceId !== undefined && invocationIndex(cmd, input.InstanceId) === undefined) continue;
    if (!match(cmd)) continue;
    if (page.length === max) {
      next = cmd.Seq;
      break;
    }
    page.push(cmd);
  }
  return { Commands: page.map(commandView), ...(next !== undefined && { NextToken: makeToken({ o: 'c', s: next }) }) };
});
