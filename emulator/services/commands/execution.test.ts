/**
 * How a step runs on a node: fixture behaviours versus the simulated shell, platform skips and
 * failures as the agent reports them, and the node facts a script sees.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { CreateDocumentCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, command, commandDocument, iid, invocation, invocationsOf, statusesById } from './testkit.js';

const t = useEmulator();

async function shell(ids: string[], commands: string[], extra: Record<string, unknown> = {}) {
  const out = await t.ssm.send(new SendCommandCommand({ InstanceIds: ids, DocumentName: 'AWS-RunShellScript', Parameters: { commands }, ...extra }));
  return out.Command!.CommandId!;
}

async function createDoc(name: string, content: string, type: 'Command' = 'Command') {
  await t.ssm.send(new CreateDocumentCommand({ Name: name, DocumentType: type, Content: content }));
  await t.advance(1);
}

describe('behaviours and the simulated shell', () => {
  it('a behaviour whose Match fits the whole script answers instead of the shell, taking its DurationSeconds', async () => {
    await addNode(t.http, {
      InstanceId: iid(1),
      Behaviors: [
        { Match: '^yum update', Scope: 'script', Stdout: 'Complete!\n', Stderr: 'warning: slow mirror\n', ExitCode: 1, DurationSeconds: 90 },
        { Match: 'yum', Stdout: 'never reached\n' },
      ],
    });
    await addNode(t.http, { InstanceId: iid(2) });
    const id = await shell([iid(1), iid(2)], ['yum update -y && aws s3 ls']);
    await t.advance(4);
    // The node without behaviours runs the shell: yum is simulated, the AWS CLI is not.
    expect(await invocation(t.ssm, id, iid(2))).toMatchObject({ Status: 'Failed', ResponseCode: 127 });
    expect((await invocation(t.ssm, id, iid(1))).Status).toBe('InProgress');
    await t.advance(87);
    expect(await invocation(t.ssm, id, iid(1))).toMatchObject({
      Status: 'Failed',
      ResponseCode: 1,
      StandardOutputContent: 'Complete!\n',
      StandardErrorContent: 'warning: slow mirror\nfailed to run commands: exit status 1',
      ExecutionElapsedTime: 'PT1M30S',
    });
  });

  it('a behaviour answers one command line by default: a script that mentions the command still runs (Scope: line)', async () => {
    await addNode(t.http, { InstanceId: iid(1), Behaviors: [{ Match: 'systemctl (status|is-active) nginx', Stdout: 'active\n' }] });
    const id = await shell([iid(1)], ['echo before', 'systemctl is-active nginx', 'echo after']);
    await t.advance(3);
    expect(await invocation(t.ssm, id, iid(1))).toMatchObject({ Status: 'Success', StandardOutputContent: 'before\nactive\nafter\n' });
  });

  it('a Scope other than line or script is refused with the entry named', async () => {
    const r = await t.http.post('/_emulator/fleet/instances').send({ Behaviors: [{ Match: 'x', Scope: 'file' }] });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/Behaviors\[0\]\.Scope must be line .* or script/);
  });

  it('when no behaviour fits the whole script, behaviours stub single commands inside the shell run', async () => {
    await addNode(t.http, { InstanceId: iid(1), ComputerName: 'web-1', Behaviors: [{ Match: '^systemctl restart app$', Stdout: 'restarted\n', DurationSeconds: 4 }, { Match: '^nothing-matches-this-script$' }] });
    const id = await shell([iid(1)], ['set -e', 'echo "on $(hostname)"', 'systemctl restart app', 'echo after']);
    await t.advance(6);
    expect(await invocation(t.ssm, id, iid(1))).toMatchObject({ Status: 'Success', StandardOutputContent: 'on web-1\nrestarted\nafter\n' });
    // 4 s of stub plus 10 ms for each of the five simple commands (set, echo, hostname, systemctl, echo).
    expect((await invocation(t.ssm, id, iid(1))).ExecutionElapsedTime).toBe('PT4.05S');
  });

  it('answers a catastrophic behaviour Match at once, for the whole script and for each command line', async () => {
    // (a+)+$ against 40 a's and a "!" needs 2^40 steps of a backtracking engine: a regression hangs here.
    const word = 'a'.repeat(40) + '!';
    await addNode(t.http, { InstanceId: iid(1), Behaviors: [{ Match: '(a+)+$', Stdout: 'never\n' }, { Match: '^echo (x+)+y$', Stdout: 'stubbed\n' }] });
    const id = await shell([iid(1)], [`echo ${word}`, 'echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy']);
    await t.advance(2);
    expect(await invocation(t.ssm, id, iid(1))).toMatchObject({ Status: 'Success', StandardOutputContent: `${word}\nstubbed\n` });
  });

  it('a behaviour longer than the execution timeout times out', async () => {
    await addNode(t.http, { InstanceId: iid(1), Behaviors: [{ Match: 'backup', Stdout: 'copying\n', DurationSeconds: 120 }] });
    const id = await shell([iid(1)], ['backup'], { Parameters: { commands: ['backup'], executionTimeout: ['60'] } });
    await t.advance(62);
    expect(await invocation(t.ssm, id, iid(1))).toMatchObject({ Status: 'TimedOut', StatusDetails: 'ExecutionTimedOut', ResponseCode: 137, StandardOutputContent: 'copying\n' });
  });

  it('scripts see the node facts and the virtual clock (date, hostname, uname, /etc/os-release, AWS_SSM_* variables)', async () => {
    await addNode(t.http, { InstanceId: iid(1), Platform: 'ubuntu-22.04', ComputerName: 'app-7' });
    await t.advance(3600);
    const id = await shell([iid(1)], ['date -u +%FT%T', 'hostname', 'uname -s', '. /etc/os-release && echo $ID $VERSION_ID', 'echo $AWS_SSM_INSTANCE_ID $AWS_SSM_REGION_NAME', 'whoami', 'pwd']);
    await t.advance(2);
    expect((await invocation(t.ssm, id, iid(1))).StandardOutputContent).toBe(`2025-01-01T01:00:01\napp-7\nLinux\nubuntu 22.04\n${iid(1)} us-east-1\nroot\n/usr/bin\n`);
  });

  it('never touches the host: a script that writes a file writes it in its own simulated run only', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const path = `/tmp/ssm-emulator-host-check-${process.pid}`;
    const id = await shell([iid(1)], [`echo pwned > ${path}`, `cat ${path}`, 'cat /etc/hostname']);
    await t.advance(2);
    expect((await invocation(t.ssm, id, iid(1))).StandardOutputContent).toMatch(/^pwned\nip-172-31-\d+-\d+\.ec2\.internal\n$/);
    expect(existsSync(path)).toBe(false);
    const again = await shell([iid(1)], [`cat ${path}`]);
    await t.advance(2);
    expect(await invocation(t.ssm, again, iid(1))).toMatchObject({ Status: 'Failed', ResponseCode: 1 });
  });

  it('workingDirectory is where the script runs', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const id = await shell([iid(1)], ['pwd'], { Parameters: { commands: ['pwd'], workingDirectory: ['/opt/app'] } });
    await t.advance(2);
    expect((await invocation(t.ssm, id, iid(1))).StandardOutputContent).toBe('/opt/app\n');
  });
});

describe('platforms', () => {
  it('schema 2.2: a step whose precondition does not fit the node is skipped, as the agent reports it (Success, the skip message as Output)', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await addNode(t.http, { InstanceId: iid(2), Platform: 'windows-2022' });
    await createDoc(
      'CrossPlatform',
      commandDocument([
        { action: 'aws:runPowerShellScript', name: 'onWindows', precondition: { StringEquals: ['platformType', 'Windows'] }, inputs: { runCommand: ['Write-Output windows'] } },
        { action: 'aws:runShellScript', name: 'onLinux', precondition: { StringEquals: ['platformType', 'Linux'] }, inputs: { runCommand: ['echo linux'] } },
      ]),
    );
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1), iid(2)], DocumentName: 'CrossPlatform' }));
    const id = Command!.CommandId!;
    await t.advance(2);
    const [linux, windows] = await invocationsOf(t.ssm, id, true);
    expect(linux.Status).toBe('Success');
    expect(linux.CommandPlugins).toMatchObject([
      { Name: 'onWindows', Status: 'Success', StatusDetails: 'Success', ResponseCode: 0, Output: 'Step execution skipped due to incompatible platform. Step name: onWindows' },
      { Name: 'onLinux', Status: 'Success', ResponseCode: 0, Output: 'linux\n' },
    ]);
    expect(windows.CommandPlugins).toMatchObject([
      { Name: 'onWindows', Status: 'Success', Output: 'windows\r\n' },
      { Name: 'onLinux', Status: 'Success', Output: 'Step execution skipped due to incompatible platform. Step name: onLinux' },
    ]);
    expect(await invocation(t.ssm, id, iid(1), 'onWindows')).toMatchObject({ Status: 'Success', StandardOutputContent: '', ResponseCode: 0 });
  });

  it('schema 2.2 without precondition: a plugin that does not run on the platform is skipped too', async () => {
    await addNode(t.http, { InstanceId: iid(1), Platform: 'windows-2019' });
    await createDoc(
      'Mixed',
      commandDocument([
        { action: 'aws:runShellScript', name: 'sh', inputs: { runCommand: ['echo sh'] } },
        { action: 'aws:runPowerShellScript', name: 'ps', inputs: { runCommand: ['Write-Output ps'] } },
      ]),
    );
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'Mixed' }));
    await t.advance(2);
    const [inv] = await invocationsOf(t.ssm, Command!.CommandId!, true);
    expect(inv.Status).toBe('Success');
    expect(inv.CommandPlugins!.map((p) => [p.Name, p.Status, p.Output])).toEqual([
      ['sh', 'Success', 'Step execution skipped due to incompatible platform. Step name: sh'],
      ['ps', 'Success', 'ps\r\n'],
    ]);
  });

  it('schema 2.0: a plugin that does not run on the platform fails the step (the agent\'s message)', async () => {
    await addNode(t.http, { InstanceId: iid(1), Platform: 'windows-2022' });
    await createDoc(
      'Old',
      JSON.stringify({
        schemaVersion: '2.0',
        description: 'old',
        mainSteps: [
          { action: 'aws:runShellScript', name: 'sh', inputs: { runCommand: ['echo sh'] } },
          { action: 'aws:runPowerShellScript', name: 'ps', inputs: { runCommand: ['Write-Output ps'] } },
        ],
      }),
    );
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'Old' }));
    await t.advance(2);
    const [inv] = await invocationsOf(t.ssm, Command!.CommandId!, true);
    expect(inv).toMatchObject({ Status: 'Failed', StatusDetails: 'Failed' });
    expect(inv.CommandPlugins![0]).toMatchObject({ Name: 'sh', Status: 'Failed', ResponseCode: 1 });
    expect(inv.CommandPlugins![0].Output).toContain('Plugin with name aws:runShellScript is not supported in current platform. Step name: sh');
    expect(inv.CommandPlugins![1]).toMatchObject({ Name: 'ps', Status: 'Success', Output: 'ps\r\n' });
  });

  it('a node found by tag whose platform the document does not support: Failed / InvalidPlatform, not an error', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Env: 'prod' } });
    await addNode(t.http, { InstanceId: iid(2), Platform: 'windows-2022', Tags: { Env: 'prod' } });
    const { Command } = await t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'tag:Env', Values: ['prod'] }], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['true'] } }));
    const id = Command!.CommandId!;
    await t.advance(2);
    expect(await statusesById(t.ssm, id)).toEqual({ [iid(1)]: 'Success/Success', [iid(2)]: 'Failed/InvalidPlatform' });
    expect(await command(t.ssm, id)).toMatchObject({ Status: 'Success', StatusDetails: 'Success', ErrorCount: 0, CompletedCount: 2 });
    const only = await t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }, { Key: 'tag:Env', Values: ['prod'] }], DocumentName: 'AWS-RunPowerShellScript', Parameters: { commands: ['echo'] } }));
    expect(only.Command!.TargetCount).toBe(1);
  });

  it('every node of an unsupported platform: the command is Failed', async () => {
    await addNode(t.http, { InstanceId: iid(1), Platform: 'windows-2022', Tags: { Env: 'prod' } });
    const { Command } = await t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'tag:Env', Values: ['prod'] }], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['true'] } }));
    await t.advance(1);
    expect(await command(t.ssm, Command!.CommandId!)).toMatchObject({ Status: 'Failed', StatusDetails: 'Failed', ErrorCount: 0, CompletedCount: 1 });
  });
});
