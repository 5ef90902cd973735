import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetParameterCommand, DescribeInstanceInformationCommand, GetDocumentCommand } from '@aws-sdk/client-ssm';
import { startEmulator } from './index.js';
import { SSMClient } from '@aws-sdk/client-ssm';
import { InitError } from './init.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ssm-init-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('--init: seed data through the real operations', () => {
  it('loads a folder in file-name order, before the emulator answers', async () => {
    const dir = folder({
      '20-overwrite.yaml': 'parameters:\n  - { Name: /app/stage, Value: prod, Type: String, Overwrite: true }\n',
      '10-base.yaml': [
        'secrets:',
        '  - { Name: app/token, SecretString: t0k3n }',
        'parameters:',
        '  - { Name: /app/stage, Value: dev, Type: String }',
        '  - { Name: /app/db/password, Value: s3cret, Type: SecureString }',
        'documents:',
        '  - Name: HealthCheck',
        '    DocumentType: Command',
        '    Content: { schemaVersion: "2.2", mainSteps: [{ action: "aws:runShellScript", name: run, inputs: { runCommand: [uptime] } }] }',
        'fleet:',
        '  instances: [{ InstanceId: i-0000000000000beef, Platform: ubuntu-22.04, Tags: { Role: seed } }]',
      ].join('\n'),
      'notes.txt': 'not a seed file',
    });
    const emu = await startEmulator({ init: dir, clock: { mode: 'frozen', start: '2025-01-01T00:00:00Z' } });
    const ssm = new SSMClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    try {
      expect((await ssm.send(new GetParameterCommand({ Name: '/app/stage' }))).Parameter!.Value).toBe('prod');
      expect((await ssm.send(new GetParameterCommand({ Name: '/app/db/password', WithDecryption: true }))).Parameter!.Value).toBe('s3cret');
      expect((await ssm.send(new GetDocumentCommand({ Name: 'HealthCheck' }))).DocumentType).toBe('Command');
      const nodes = await ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'tag:Role', Values: ['seed'] }] }));
      expect(nodes.InstanceInformationList!.map((n) => n.InstanceId)).toEqual(['i-0000000000000beef']);
    } finally {
      ssm.destroy();
      await emu.stop();
    }
  });

  it('a refused item stops the start, naming the file and the item', async () => {
    const dir = folder({ 'seed.yaml': 'parameters:\n  - { Name: /ok, Value: x, Type: String }\n  - { Name: /bad, Value: x, Type: Strung }\n' });
    await expect(startEmulator({ init: dir })).rejects.toThrow(InitError);
    await expect(startEmulator({ init: dir })).rejects.toThrow(/seed\.yaml: parameters\[1\] \(\/bad\): ValidationException: 1 validation error detected: Value 'Strung' at 'type'/);
  });

  it('refuses unknown sections, a missing path and calls to unknown operations', async () => {
    await expect(startEmulator({ init: folder({ 'a.yaml': 'secret: []\n' }) })).rejects.toThrow(/a\.yaml: unknown section secret \(parameters, secrets, documents/);
    await expect(startEmulator({ init: '/nonexistent/seed' })).rejects.toThrow('--init /nonexistent/seed: no such file or folder.');
    await expect(startEmulator({ init: folder({ 'c.json': '{"calls": [{"call": "PutParameterz", "input": {}}]}' }) })).rejects.toThrow(/c\.json: calls\[0\] \(PutParameterz\): /);
  });
});
