/**
 * The plugin-simulator registry and the simulators Run Command ships: aws:updateSsmAgent,
 * aws:runDocument, aws:downloadContent, honest failures for plugins nobody simulates, and simulators
 * contributed by another capability area through Area.plugins.
 */
import { commandPlugins } from '../../sim/commands/plugins.js';
import { describe, expect, it } from 'vitest';
import { CancelCommandCommand, CreateDocumentCommand, DescribeInstanceInformationCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { areas } from '../index.js';
import { defineSlice } from '../../state/store.js';
import { arr, obj, str } from '../../state/schema.js';
import type { Area } from '../../core/operation.js';
import type { PluginSimulator } from '../../sim/commands/plugins.js';
import { addNode, command, commandDocument, iid, invocation, invocationsOf } from './testkit.js';

describe('built-in simulators', () => {
  const t = useEmulator();

  const agentVersion = async (id: string) =>
    (await t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: [id] }] }))).InstanceInformationList![0].AgentVersion;

  it('aws:updateSsmAgent (AWS-UpdateSSMAgent) updates the node\'s agent when the step completes', async () => {
    await addNode(t.http, { InstanceId: iid(1), AgentVersion: '3.2.582.0' });
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-UpdateSSMAgent' }));
    const id = Command!.CommandId!;
    await t.advance(30);
    expect((await invocation(t.ssm, id, iid(1))).Status).toBe('InProgress');
    expect(await agentVersion(iid(1))).toBe('3.2.582.0');
    await t.advance(31);
    const r = await invocation(t.ssm, id, iid(1));
    expect(r).toMatchObject({ Status: 'Success', ResponseCode: 0, PluginName: 'aws:updateSsmAgent' });
    expect(r.StandardOutputContent).toContain('amazon-ssm-agent updated successfully to 3.3.1957.0');
    expect(await agentVersion(iid(1))).toBe('3.3.1957.0');

    const again = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-UpdateSSMAgent' }));
    await t.advance(10);
    expect((await invocation(t.ssm, again.Command!.CommandId!, iid(1))).StandardOutputContent).toBe('amazon-ssm-agent 3.3.1957.0 has already been installed, update skipped');
  });

  it('aws:updateSsmAgent refuses a downgrade unless allowDowngrade is true', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const refused = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-UpdateSSMAgent', Parameters: { version: ['3.1.0.0'] } }));
    await t.advance(10);
    expect(await invocation(t.ssm, refused.Command!.CommandId!, iid(1))).toMatchObject({ Status: 'Failed', ResponseCode: 1 });
    expect(await agentVersion(iid(1))).toBe('3.3.1957.0');
    const allowed = await t.ssm.send(
      new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-UpdateSSMAgent', Parameters: { version: ['3.1.0.0'], allowDowngrade: ['true'] } }),
    );
    await t.advance(70);
    expect((await invocation(t.ssm, allowed.Command!.CommandId!, iid(1))).Status).toBe('Success');
    expect(await agentVersion(iid(1))).toBe('3.1.0.0');
  });

  it('the agent update is not applied when the command is cancelled before the step ends', async () => {
    await addNode(t.http, { InstanceId: iid(1), AgentVersion: '3.2.582.0' });
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-UpdateSSMAgent' }));
    await t.advance(10);
    await t.ssm.send(new CancelCommandCommand({ CommandId: Command!.CommandId! }));
    await t.advance(120);
    expect((await invocation(t.ssm, Command!.CommandId!, iid(1))).Status).toBe('Cancelled');
    expect(await agentVersion(iid(1))).toBe('3.2.582.0');
  });

  it('AWS-RunDocument: aws:downloadContent fetches an SSM document, aws:runDocument runs it with its parameters', async () => {
    await addNode(t.http, { InstanceId: iid(1), ComputerName: 'db-1' });
    await t.ssm.send(
      new CreateDocumentCommand({
        Name: 'Greet',
        DocumentType: 'Command',
        Content: commandDocument([{ action: 'aws:runShellScript', name: 'greet', inputs: { runCommand: ['echo "{{ greeting }} from $(hostname)"'] } }], {
          greeting: { type: 'String', default: 'hello' },
        }),
      }),
    );
    await t.advance(1);
    const { Command } = await t.ssm.send(
      new SendCommandCommand({
        InstanceIds: [iid(1)],
        DocumentName: 'AWS-RunDocument',
        Parameters: { sourceType: ['SSMDocument'], sourceInfo: ['{"name":"Greet"}'], documentParameters: ['{"greeting":"bonjour"}'] },
      }),
    );
    await t.advance(5);
    const [inv] = await invocationsOf(t.ssm, Command!.CommandId!, true);
    expect(inv.Status).toBe('Success');
    expect(inv.CommandPlugins!.map((p) => [p.Name, p.Status])).toEqual([
      ['downloadContent', 'Success'],
      ['runDocument', 'Success'],
    ]);
    expect((await invocation(t.ssm, Command!.CommandId!, iid(1), 'runDocument')).StandardOutputContent).toBe('bonjour from db-1\n');
  });

  it('AWS-RunDocument with a document that does not exist fails at the download, honestly', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const { Command } = await t.ssm.send(
      new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-RunDocument', Parameters: { sourceType: ['SSMDocument'], sourceInfo: ['{"name":"Missing"}'] } }),
    );
    await t.advance(5);
    const r = await invocation(t.ssm, Command!.CommandId!, iid(1), 'downloadContent');
    expect(r.Status).toBe('Failed');
    expect(r.StandardErrorContent).toContain('Failed to download SSM document Missing: Document with name Missing does not exist.');
    expect((await command(t.ssm, Command!.CommandId!)).Status).toBe('Failed');
  });

  it('downloads from S3, GitHub or HTTP are not simulated: the step fails and says so', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const { Command } = await t.ssm.send(
      new SendCommandCommand({
        InstanceIds: [iid(1)],
        DocumentName: 'AWS-RunRemoteScript',
        Parameters: { sourceType: ['S3'], sourceInfo: ['{"path":"https://s3.amazonaws.com/bucket/script.sh"}'], commandLine: ['script.sh'] },
      }),
    );
    await t.advance(5);
    const [inv] = await invocationsOf(t.ssm, Command!.CommandId!, true);
    expect(inv.Status).toBe('Failed');
    expect(inv.CommandPlugins![0].Output).toContain('does not simulate aws:downloadContent from S3');
  });

  it('a plugin no area simulates fails with a message that says so, never a fake success', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-ConfigureDocker', Parameters: { action: ['Install'] } }));
    await t.advance(2);
    const [inv] = await invocationsOf(t.ssm, Command!.CommandId!, true);
    expect(inv).toMatchObject({ Status: 'Failed', StatusDetails: 'Failed' });
    expect(inv.CommandPlugins![0]).toMatchObject({ Status: 'Failed', ResponseCode: 1 });
    expect(inv.CommandPlugins![0].Output).toContain('does not simulate plugin aws:configureDocker');
  });
});

describe('simulators contributed by another area (Area.plugins)', () => {
  const seen = defineSlice('commands-test-inventory', () => ({ collected: [] as string[] }), obj({ collected: arr(str) }));
  const inventory: PluginSimulator = {
    start: (run) => ({ stdout: `collected ${run.node.Applications.length} applications`, stderr: '', exitCode: 0, durationMs: 15_000, data: { n: run.node.Applications.length } }),
    complete: (run) => {
      seen.of(run.ctx.scope).collected.push(`${run.node.InstanceId}@${run.ctx.now}`);
    },
  };
  const patching: PluginSimulator = { start: () => ({ stdout: 'patched by the patching area\n', stderr: '', exitCode: 0, durationMs: 30_000 }) };
  const extra: Area = {
    name: 'commands-test-extra',
    provides: [
      commandPlugins.provide({ plugin: 'aws:softwareInventory', simulator: inventory }),
      commandPlugins.provide({ plugin: 'aws:runShellScript', documents: ['AWS-RunPatchBaseline'], simulator: patching }),
    ],
  };
  const t = useEmulator({ areas: [...areas, extra] });

  it('a registered simulator runs its plugin and applies its effects when the step completes', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-GatherSoftwareInventory' }));
    await t.advance(10);
    expect(seen.of(t.emu.store.scope('000000000000', 'us-east-1')).collected).toEqual([]);
    await t.advance(10);
    const r = await invocation(t.ssm, Command!.CommandId!, iid(1));
    expect(r.Status).toBe('Success');
    expect(r.StandardOutputContent).toMatch(/^collected \d+ applications$/);
    expect(seen.of(t.emu.store.scope('000000000000', 'us-east-1')).collected).toEqual([`${iid(1)}@${Date.UTC(2025, 0, 1, 0, 0, 16)}`]);
  });

  it('a registration for a document takes over that document\'s steps only; behaviours still come first', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await addNode(t.http, { InstanceId: iid(2), Behaviors: [{ Match: 'patch_baseline_operations', Scope: 'script', Stdout: 'from a behaviour\n', DurationSeconds: 1 }] });
    const patch = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1), iid(2)], DocumentName: 'AWS-RunPatchBaseline', Parameters: { Operation: ['Scan'] } }));
    const plain = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['echo plain'] } }));
    await t.advance(40);
    expect(await invocation(t.ssm, patch.Command!.CommandId!, iid(1), 'PatchLinux')).toMatchObject({ Status: 'Success', StandardOutputContent: 'patched by the patching area\n' });
    expect((await invocation(t.ssm, patch.Command!.CommandId!, iid(2), 'PatchLinux')).StandardOutputContent).toBe('from a behaviour\n');
    expect((await invocation(t.ssm, plain.Command!.CommandId!, iid(1))).StandardOutputContent).toBe('plain\n');
  });
});
