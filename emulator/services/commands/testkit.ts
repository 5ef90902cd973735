/**
 * Helpers for the Run Command tests: nodes through the control API, sendGetCommandInvocationCommand statuses through the
 * SDK, and the engine's own count of invocations in flight (what MaxConcurrency limits, which the API
 * cannot tell apart from queued Pending invocations).
 */
import {
  GetCommandInvocationCommand,
  ListCommandInvocationsCommand,
  ListCommandsCommand,
  type CommandInvocation,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import type { TestEmulator } from '../../testing/harness.js';
import { getCommand } from '../../sim/commands/state.js';

export { addNode, addNodes, expectError, iid } from '../../testing/fleet.js';

/** Every invocation of a command (following NextToken). */
export async function sendListCommandInvocationsCommand(ssm: SSMClient, commandId: string, details = false): Promise<CommandInvocation[]> {
  const out: CommandInvocation[] = [];
  let token: string | undefined;
  do {
    const page = await ssm.send(new ListCommandInvocationsCommand({ CommandId: commandId, Details: details, NextToken: token }));
    out.push(...(page.CommandInvocations ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

/** How many invocations have each Status, e.g. {Pending: 4, InProgress: 2}. */
export async function statusCounts(ssm: SSMClient, commandId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const inv of await sendListCommandInvocationsCommand(ssm, commandId)) counts[inv.Status!] = (counts[inv.Status!] ?? 0) + 1;
  return counts;
}

/** Status and StatusDetails of one invocation, by instance. */
export async function statusesById(ssm: SSMClient, commandId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const inv of await sendListCommandInvocationsCommand(ssm, commandId)) out[inv.InstanceId!] = `${inv.Status}/${inv.StatusDetails}`;
  return out;
}

export async function sendGetCommandInvocationCommand(ssm: SSMClient, commandId: string, instanceId: string, pluginName?: string) {
  return ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: instanceId, PluginName: pluginName }));
}

export async function sendListCommandsCommand(ssm: SSMClient, commandId: string) {
  return (await ssm.send(new ListCommandsCommand({ CommandId: commandId }))).Commands![0];
}

/** Invocations the engine has sent and that have not finished (what MaxConcurrency limits). */
export function inFlight(t: TestEmulator, commandId: string, account = '000000000000', region = 'us-east-1'): number {
  return getCommand(t.emu.context(account, region), commandId)!.Engine.inFlight;
}

/** A Command document (schema 2.2) from steps; every step is a mainSteps entry. */
export function commandDocument(steps: Record<string, unknown>[], parameters: Record<string, unknown> = {}): string {
  return JSON.stringify({ schemaVersion: '2.2', description: 'test document', parameters, mainSteps: steps });
}
