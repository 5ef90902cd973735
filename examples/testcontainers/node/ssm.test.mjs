// The emulator in a throw-away container for one test file, with Testcontainers for Node
// (npm install -D testcontainers @aws-sdk/client-ssm). Run: node --test ssm.test.mjs
// SSM_EMULATOR_IMAGE overrides the image (the repository's own test uses a locally built one).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GenericContainer, Wait } from 'testcontainers';
import { GetParameterCommand, PutParameterCommand, SendCommandCommand, GetCommandInvocationCommand, SSMClient } from '@aws-sdk/client-ssm';

const IMAGE = process.env.SSM_EMULATOR_IMAGE ?? 'ghcr.io/ssm-emulator/ssm-emulator:latest';

let container;
let endpoint;
let ssm;

before(async () => {
  container = await new GenericContainer(IMAGE)
    .withExposedPorts(4583)
    .withCommand(['--clock-mode', 'frozen', '--clock-start', '2025-01-01T00:00:00Z', '--log-level', 'warn'])
    .withWaitStrategy(Wait.forHttp('/_emulator/health', 4583).forStatusCode(200))
    .start();
  endpoint = `http://${container.getHost()}:${container.getMappedPort(4583)}`;
  ssm = new SSMClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: '000000000000', secretAccessKey: 'test' } });
});

after(async () => {
  ssm?.destroy();
  await container?.stop();
});

const advance = (duration) =>
  fetch(`${endpoint}/_emulator/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ duration }) });

test('parameters round-trip through the container', async () => {
  await ssm.send(new PutParameterCommand({ Name: '/app/db-url', Value: 'postgres://db/app', Type: 'String' }));
  const { Parameter } = await ssm.send(new GetParameterCommand({ Name: '/app/db-url' }));
  assert.equal(Parameter.Value, 'postgres://db/app');
});

test('a command runs on the default fleet when the virtual clock moves', async () => {
  const InstanceId = 'i-0a1b2c3d4e5f60001';
  const { Command } = await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [InstanceId], Parameters: { commands: ['echo hello'] } }));
  await advance('1m');
  const inv = await ssm.send(new GetCommandInvocationCommand({ CommandId: Command.CommandId, InstanceId }));
  assert.equal(inv.Status, 'Success');
  assert.equal(inv.StandardOutputContent, 'hello\n');
});
