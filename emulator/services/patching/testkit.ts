/**
 * Helpers for the Patch Manager tests: nodes through the control API, baselines and patching
 * operations through the SDK (AWS-RunPatchBaseline sent with Run Command and run to its end on the
 * virtual clock), and the patch states read back.
 */
import {
  CreatePatchBaselineCommand,
  DescribeInstancePatchStatesCommand,
  DescribeInstancePatchesCommand,
  ListCommandsCommand,
  SendCommandCommand,
  type CreatePatchBaselineCommandInput,
  type InstancePatchState,
  type PatchComplianceData,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import type { TestEmulator } from '../../testing/harness.js';
import { addNode } from '../../testing/fleet.js';

export { addNode, expectError } from '../../testing/fleet.js';

/** i-0000000000000000N (17 hex digits). */
export const iid = (n: number) => `i-${n.toString(16).padStart(17, '0')}`;

/** A day in seconds. */
export const DAY = 86_400;

/** Adds a node; `Patches` and the other fixture fields as docs/fleet.md describes them. */
export async function node(t: TestEmulator, n: number, spec: Record<string, unknown> = {}): Promise<string> {
  await addNode(t.http, { InstanceId: iid(n), Platform: 'amazon-linux-2023', ...spec });
  return iid(n);
}

export async function createBaseline(ssm: SSMClient, input: Partial<CreatePatchBaselineCommandInput> = {}): Promise<string> {
  const out = await ssm.send(
    new CreatePatchBaselineCommand({
      Name: 'my-baseline',
      OperatingSystem: 'AMAZON_LINUX_2023',
      ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: [{ Key: 'PRODUCT', Values: ['*'] }] }, ApproveAfterDays: 7 }] },
      ...input,
    }),
  );
  return out.BaselineId!;
}

/**
 * Sends AWS-RunPatchBaseline (or another patching document) to the nodes and advances the virtual
 * clock until the command has finished; returns the command id and its final status.
 */
export async function runPatch(
  t: TestEmulator,
  instanceIds: string[],
  parameters: Record<string, string[]>,
  opts: { document?: string; ssm?: SSMClient; limitSeconds?: number } = {},
): Promise<{ commandId: string; status: string }> {
  const ssm = opts.ssm ?? t.ssm;
  const { Command } = await ssm.send(new SendCommandCommand({ InstanceIds: instanceIds, DocumentName: opts.document ?? 'AWS-RunPatchBaseline', Parameters: parameters }));
  const commandId = Command!.CommandId!;
  const limit = opts.limitSeconds ?? 4 * 3600;
  for (let waited = 0; waited < limit; waited += 60) {
    const c = (await ssm.send(new ListCommandsCommand({ CommandId: commandId }))).Commands![0];
    if (['Success', 'Failed', 'TimedOut', 'Cancelled'].includes(c.Status!)) return { commandId, status: c.Status! };
    await t.advance(60);
  }
  throw new Error(`command ${commandId} did not finish in ${limit} s`);
}

export async function patchState(ssm: SSMClient, instanceId: string): Promise<InstancePatchState | undefined> {
  return (await ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: [instanceId] }))).InstancePatchStates?.[0];
}

/** Every item of a paged operation: `page` fetches the page a token names, `items` picks its list. */
export async function allPages<P extends { NextToken?: string }, T>(page: (token: string | undefined) => Promise<P>, items: (p: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const p = await page(token);
    out.push(...(items(p) ?? []));
    token = p.NextToken;
  } while (token);
  return out;
}

/** Every patch of a node's last operation. */
export const instancePatches = (ssm: SSMClient, instanceId: string, filters?: { Key: string; Values: string[] }[]): Promise<PatchComplianceData[]> =>
  allPages((NextToken) => ssm.send(new DescribeInstancePatchesCommand({ InstanceId: instanceId, Filters: filters, NextToken, MaxResults: 100 })), (p) => p.Patches);

/** PUT /_emulator/patching/files: what a node downloads for an override URL. */
export async function putFile(t: TestEmulator, url: string, content: string): Promise<void> {
  const res = await t.http.put('/_emulator/patching/files').send({ url, content });
  if (res.status !== 200) throw new Error(`putFile failed: ${res.status} ${JSON.stringify(res.body)}`);
}
