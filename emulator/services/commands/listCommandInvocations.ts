import { defineOperation } from '../../core/operation.js';
import type { CommandInvocation } from '../../generated/ssm/types.js';
import { commandsInOrder, getCommand, invocationIndex, type CommandRecord } from '../../sim/commands/state.js';
import { invocationView } from '../../sim/commands/views.js';
import { compileFilters } from './filters.js';
import { makeToken, readToken } from './paging.js';

/**
 * ListCommandInvocations: invocations of the last 30 days, newest command first and each command's
 * invocations in target order; CommandId, InstanceId and Filters narrow the list, Details adds the
 * plugin results (CommandPlugins, Output truncated to 2,500 characters). An unknown CommandId lists
 * nothing (clients poll this right after SendCommand).
 */
export default defineOperation('ListCommandInvocations', (input, ctx) => {
  const max = input.MaxResults ?? 50;
  const details = input.Details ?? false;
  const match = compileFilters(input.Filters, 'invocations');
  const from = readToken(input.NextToken, 'i');
  let candidates: readonly CommandRecord[];
  if (input.CommandId !== undefined) {
    const cmd = getCommand(ctx, input.CommandId);
    candidates = cmd ? [cmd] : [];
  } else {
    candidates = commandsInOrder(ctx);
  }
  const page: CommandInvocation[] = [];
  let next: { s: number; i: number } | undefined;
  outer: for (let j = candidates.length - 1; j >= 0; j--) {
    const cmd = candidates[j];
    if (from && cmd.Seq > from.s) continue;
    let start = from && cmd.Seq === from.s ? (from.i ?? 0) : 0;
    let end = cmd.Invocations.length;
    if (input.InstanceId !== undefined) {
      const i = invocationIndex(cmd, input.InstanceId);
      if (i === undefined || i < start) continue;
      start = i;
      end = i + 1;
    }
    for (let i = start; i < end; i++) {
      const inv = cmd.Invocations[i];
      if (!match(cmd, inv)) continue;
      if (page.length === max) {
        next = { s: cmd.Seq, i };
        break outer;
      }
      page.push(invocationView(cmd, inv, details));
    }
  }
  return { CommandInvocations: page, ...(next && { NextToken: makeToken({ o: 'i', ...next }) }) };
});
