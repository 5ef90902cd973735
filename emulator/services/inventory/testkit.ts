/**
 * Test helpers for inventory: a small fleet, custom inventory items, and a stand-in for a State
 * Manager association that runs AWS-GatherSoftwareInventory on nodes through the per-node runner
 * (sim/commands/runner.ts), as an association does, so the plugin sees a non-Run-Command host.
 * (The plugin's own tests use it to read the NodeRun directly; associations/capabilities.test.ts runs
 * the plugin through a real association.)
 *
 *   const id = gatherAsAssociation(t.emu, ['i-...'], { files: ['[...]'] });
 *   await t.advance(60);
 *   gatherRun(t.emu, id, 0)   // the NodeRun: Status, Plugins[0].Output, ...
 */
import type { Runtime } from '../../core/runtime.js';
import type { InventoryItem } from '@aws-sdk/client-ssm';
import { defineSlice } from '../../state/store.js';
import { anyJson, arr, int, obj, rec } from '../../state/schema.js';
import { defineRunHost, sendRun, type RunProgram } from '../../sim/commands/runner.js';
import { nodeRunMembers, toStoredStep, type NodeRun } from '../../sim/commands/state.js';
import { renderExecution, resolveDocument, resolveParameters } from '../../sim/documents/index.js';
import { addNode } from '../../testing/fleet.js';

export { addNode, expectError } from '../../testing/fleet.js';

export const ACCOUNT = '000000000000';
export const REGION = 'us-east-1';
export const iid = (n: number) => `i-${String(n).padStart(17, '0')}`;

interface Http {
  post(path: string): { send(body: unknown): PromiseLike<{ status: number; body: any }> };
}

/** Linux web servers 1 and 2, a Windows database server 3, an Ubuntu node 4. */
export async function smallFleet(http: Http): Promise<void> {
  await addNode(http, { InstanceId: iid(1), Platform: 'amazon-linux-2023', Tags: { Role: 'web', Env: 'prod' } });
  await addNode(http, { InstanceId: iid(2), Platform: 'amazon-linux-2023', Tags: { Role: 'web', Env: 'dev' } });
  await addNode(http, { InstanceId: iid(3), Platform: 'windows-2022', Tags: { Role: 'db' } });
  await addNode(http, { InstanceId: iid(4), Platform: 'ubuntu-22.04' });
}

export const CAPTURE = '2025-01-01T00:00:00Z';

/** A custom inventory item (the user guide's rack example by default). */
export function customItem(content: Record<string, string>[] = [{ RackLocation: 'Bay B/Row C/Rack D/Shelf E' }], over: Partial<InventoryItem> = {}): InventoryItem {
  return { TypeName: 'Custom:RackInfo', SchemaVersion: '1.0', CaptureTime: CAPTURE, Content: content, ...over };
}

// ───────────────────────────── an association stand-in for the plugin ─────────────────────────────

const runs = defineSlice(
  'inventory-test-association',
  () => ({ seq: 0, owners: {} as Record<string, { program: RunProgram; runs: NodeRun[] }> }),
  obj({ seq: int, owners: rec(obj({ program: anyJson, runs: arr(obj(nodeRunMembers.required, nodeRunMembers.optional)) })) }),
);

const host = defineRunHost('inventory-test-association', {
  find(ctx, c, i) {
    const owner = runs.of(ctx.scope).owners[c];
    return owner && owner.runs[i] ? { run: owner.runs[i], program: owner.program } : undefined;
  },
  finished() {},
  proceed() {},
});

/** Runs AWS-GatherSoftwareInventory on the nodes as an association would; returns the run owner's id. */
export function gatherAsAssociation(emu: Runtime, instanceIds: string[], parameters: Record<string, string[]> = {}): string {
  const ctx = emu.context(ACCOUNT, REGION);
  const doc = resolveDocument(ctx, { name: 'AWS-GatherSoftwareInventory' }, { types: ['Command'] });
  const execution = renderExecution(ctx, doc, resolveParameters(doc, parameters, { style: 'command' }));
  const state = runs.of(ctx.scope);
  const id = `assoc-${++state.seq}`;
  const program: RunProgram = { id, documentName: doc.name, schemaVersion: doc.schemaVersion ?? '2.0', steps: execution.steps.map(toStoredStep) };
  state.owners[id] = { program, runs: instanceIds.map((InstanceId) => ({ InstanceId, Status: 'Pending', StatusDetails: 'Pending' })) };
  state.owners[id].runs.forEach((run, i) => sendRun(ctx, host, id, i, run));
  return id;
}

export function gatherRun(emu: Runtime, id: string, i: number): NodeRun {
  return runs.of(emu.store.scope(ACCOUNT, REGION)).owners[id].runs[i];
}
