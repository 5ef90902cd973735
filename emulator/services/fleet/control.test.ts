import { describe, expect, it } from 'vitest';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { addNode } from '../../testing/fleet.js';

const t = useEmulator();

describe('control API: /_emulator/fleet/instances', () => {
  it('POST adds a node with generated id and realistic defaults, and answers {"instance"}', async () => {
    const res = await t.http.post('/_emulator/fleet/instances').send({ Platform: 'windows-2022', Tags: { Env: 'prod' } });
    expect(res.status).toBe(200);
    const inst = res.body.instance;
    expect(inst.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(inst).toMatchObject({
      account: '000000000000',
      region: 'us-east-1',
      ResourceType: 'EC2Instance',
      PlatformType: 'Windows',
      PingStatus: 'Online',
      AgentRunning: true,
      InstanceState: 'running',
      Tags: [{ Key: 'Env', Value: 'prod' }],
      Behaviors: [],
    });
    expect(inst.ComputerName).toMatch(/^EC2AMAZ-[A-Z0-9]{7}$/);
    expect(inst.Services.map((s: { Name: string }) => s.Name)).toContain('AmazonSSMAgent');
    expect(inst.Network[0].IPV4).toEqual([inst.IPAddress]);
  });

  it('POST makes a hybrid node for an mi- id or an ActivationId, in the account and region asked for', async () => {
    const a = await addNode(t.http, { InstanceId: 'mi-00000000000000001', region: 'eu-west-1' });
    expect(a).toMatchObject({ ResourceType: 'ManagedInstance', SourceType: 'AWS::SSM::ManagedInstance', region: 'eu-west-1', RegistrationDate: TEST_START_SECONDS });
    const b = await addNode(t.http, { ActivationId: '11111111-2222-3333-4444-555555555555', account: '111122223333' });
    expect(b.InstanceId).toMatch(/^mi-[0-9a-f]{17}$/);
    expect(b.account).toBe('111122223333');
  });

  it('POST keeps Behaviors and the other simulation data', async () => {
    const inst = await addNode(t.http, {
      Behaviors: [{ Match: '^uptime', Stdout: ' 10:00 up 3 days\n', ExitCode: 0, DurationSeconds: 1 }],
      Patches: [{ Title: 'kernel', KBId: 'kernel-6.1', State: 'Installed', InstalledTime: '2024-12-01T00:00:00Z' }],
      Applications: [{ Name: 'nginx', Version: '1.24.0' }],
    });
    expect(inst.Behaviors).toEqual([{ Match: '^uptime', Stdout: ' 10:00 up 3 days\n', ExitCode: 0, DurationSeconds: 1 }]);
    // The earlier list form of Patches is read as the Installed list.
    expect(inst.Patches).toMatchObject({ Installed: ['kernel-6.1'], Failing: [] });
    expect(inst.Applications).toEqual([{ Name: 'nginx', Version: '1.24.0' }]);
  });

  it('POST refuses bad fields with 400 and stores nothing', async () => {
    const bad = [
      [{ InstanceId: 'server-1' }, /InstanceId server-1 is not an instance id/],
      [{ InstanceId: 'i-00000000000000001', ResourceType: 'ManagedInstance' }, /belongs to a EC2Instance/],
      [{ Platform: 'solaris' }, /Platform solaris is not a known preset/],
      [{ PlatformType: 'BeOS' }, /PlatformType must be one of/],
      [{ PingStatus: 'Sleeping' }, /PingStatus must be one of/],
      [{ Tags: 'Env=prod' }, /Tags must be/],
      [{ Behaviors: [{ Match: '(' }] }, /not a valid regular expression/],
      [{ Behaviors: [{ Match: '^(?=yum)' }] }, /Behaviors\[0\]\.Match is not a valid regular expression: lookaheads are not supported/],
      [{ Behaviors: [{ Stdout: 'x' }] }, /Behaviors\[0\]\.Match is required/],
      [{ Colour: 'blue' }, /Unknown instance field Colour/],
      [{ account: '123' }, /12-digit/],
      [{ InstanceId: 'mi-00000000000000001', InstanceState: 'stopped' }, /EC2 instances only/],
    ] as const;
    for (const [body, message] of bad) {
      const res = await t.http.post('/_emulator/fleet/instances').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message).toMatch(message);
    }
    expect((await t.http.get('/_emulator/fleet/instances')).body.instances).toEqual([]);
  });

  it('POST refuses an id that already exists with 409', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    const res = await t.http.post('/_emulator/fleet/instances').send({ InstanceId: 'i-00000000000000001' });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('InstanceExists');
  });

  it('GET lists nodes of every scope, or of one account and region', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    await addNode(t.http, { InstanceId: 'i-00000000000000002', region: 'eu-west-1' });
    const all = (await t.http.get('/_emulator/fleet/instances')).body.instances;
    expect(all.map((i: { InstanceId: string }) => i.InstanceId).sort()).toEqual(['i-00000000000000001', 'i-00000000000000002']);
    const eu = (await t.http.get('/_emulator/fleet/instances?region=eu-west-1')).body.instances;
    expect(eu.map((i: { InstanceId: string }) => i.InstanceId)).toEqual(['i-00000000000000002']);
  });

  it('PATCH changes fields and tags, which DescribeInstanceInformation then shows', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { Env: 'dev' } });
    const res = await t.http.patch('/_emulator/fleet/instances/i-00000000000000001').send({ AgentVersion: '3.1.0.0', Tags: { Env: 'prod' } });
    expect(res.status).toBe(200);
    expect(res.body.instance).toMatchObject({ AgentVersion: '3.1.0.0', IsLatestVersion: false, Tags: [{ Key: 'Env', Value: 'prod' }] });
    const out = await t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'tag:Env', Values: ['prod'] }] }));
    expect(out.InstanceInformationList!.map((i) => i.AgentVersion)).toEqual(['3.1.0.0']);
  });

  it('PATCH with InstanceState stopped hides an EC2 instance; running brings it back', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    await t.http.patch('/_emulator/fleet/instances/i-00000000000000001').send({ InstanceState: 'stopped' });
    expect((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList).toEqual([]);
    const res = await t.http.patch('/_emulator/fleet/instances/i-00000000000000001').send({ InstanceState: 'running' });
    expect(res.body.instance).toMatchObject({ AgentRunning: true, PingStatus: 'Online' });
    expect((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList).toHaveLength(1);
  });

  it('PATCH refuses bad or immutable fields with 400 and leaves the node unchanged; unknown ids are 404', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001', AgentVersion: '3.3.1957.0' });
    for (const body of [{ InstanceId: 'i-00000000000000002' }, { AgentVersion: 7 }, { AgentVersion: '3.0.0.0', PingStatus: 'Bad' }, { LastPingDateTime: 0 }, { PingStatus: 'Online', AgentRunning: false }]) {
      const res = await t.http.patch('/_emulator/fleet/instances/i-00000000000000001').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const [node] = (await t.http.get('/_emulator/fleet/instances')).body.instances;
    expect(node.AgentVersion).toBe('3.3.1957.0');
    expect((await t.http.patch('/_emulator/fleet/instances/i-0ffffffffffffffff').send({})).status).toBe(404);
  });

  it('DELETE removes a node', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    const res = await t.http.delete('/_emulator/fleet/instances/i-00000000000000001');
    expect(res.body).toEqual({ deleted: 'i-00000000000000001', account: '000000000000', region: 'us-east-1' });
    expect((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList).toEqual([]);
    expect((await t.http.delete('/_emulator/fleet/instances/i-00000000000000001')).status).toBe(404);
  });
});

describe('control API: POST /_emulator/fleet/load', () => {
  it('loads a JSON fixture with templated groups', async () => {
    const res = await t.http.post('/_emulator/fleet/load').send({
      groups: [{ Count: 40, Platform: 'amazon-linux-2023', ComputerName: 'web-{nn}.prod.internal', Tags: { Env: 'prod', Role: 'web', Name: 'web-{nn}' }, ConnectionLost: 2 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.loaded).toBe(40);
    const nodes = (await t.http.get('/_emulator/fleet/instances')).body.instances;
    expect(nodes.filter((n: { PingStatus: string }) => n.PingStatus === 'ConnectionLost')).toHaveLength(2);
    expect(nodes.map((n: { ComputerName: string }) => n.ComputerName)).toContain('web-07.prod.internal');
  });

  it('loads a YAML fixture sent as text/yaml', async () => {
    const yaml = ['region: eu-west-1', 'instances:', '  - InstanceId: i-00000000000000001', '    Platform: ubuntu-22.04', '    Tags: { Env: dev }', ''].join('\n');
    const res = await t.http.post('/_emulator/fleet/load').set('Content-Type', 'text/yaml').send(yaml);
    expect(res.status).toBe(200);
    expect(res.body.fleets).toEqual([{ account: '000000000000', region: 'eu-west-1', instanceIds: ['i-00000000000000001'] }]);
  });

  it('replaces the nodes of the fixture\'s scopes with ?replace=true', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000009' });
    await t.http.post('/_emulator/fleet/load?replace=true').send({ instances: [{ InstanceId: 'i-00000000000000001' }] });
    const nodes = (await t.http.get('/_emulator/fleet/instances')).body.instances;
    expect(nodes.map((n: { InstanceId: string }) => n.InstanceId)).toEqual(['i-00000000000000001']);
  });

  it('refuses a bad fixture with 400 naming the entry, and loads nothing of it', async () => {
    const res = await t.http.post('/_emulator/fleet/load').send({ instances: [{}, {}], groups: [{ Count: 3, Platform: 'nope' }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('InvalidFixture');
    expect(res.body.message).toMatch(/^request body\.groups\[0\] \(node 1 of 3\): Platform nope is not a known preset/);
    expect((await t.http.get('/_emulator/fleet/instances')).body.instances).toEqual([]);
    const yaml = await t.http.post('/_emulator/fleet/load').set('Content-Type', 'text/yaml').send('instances: [');
    expect(yaml.status).toBe(400);
    expect(yaml.body.message).toMatch(/not valid YAML/);
  });
});
