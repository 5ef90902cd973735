import { describe, expect, it } from 'vitest';
import { PutParameterCommand, GetParameterCommand } from '@aws-sdk/client-ssm';
import { redact } from './redact.js';
import { useEmulator } from '../testing/harness.js';
import { createLogger } from './log.js';

describe('logs: refusals explain themselves, debug bodies keep secrets out', () => {
  const lines: string[] = [];
  const t = useEmulator({ logger: createLogger('debug', (l) => void lines.push(l)) });

  it('redacts SecureString values, secret strings, tokens and secret keys, and nothing else', () => {
    expect(redact({ Name: '/a', Value: 'pw', Type: 'SecureString' })).toEqual({ Name: '/a', Value: '***', Type: 'SecureString' });
    expect(redact({ Parameters: [{ Value: 'plain', Type: 'String' }, { Value: 'x', Type: 'SecureString' }] })).toEqual({ Parameters: [{ Value: 'plain', Type: 'String' }, { Value: '***', Type: 'SecureString' }] });
    expect(redact({ Credentials: { AccessKeyId: 'AKIA', SecretAccessKey: 's', SessionToken: 't' }, TokenValue: 'v', SecretString: 'z' })).toEqual({
      Credentials: { AccessKeyId: 'AKIA', SecretAccessKey: '***', SessionToken: '***' }, TokenValue: '***', SecretString: '***',
    });
  });

  it('a 4xx request line carries its error code and message; debug lines carry redacted bodies', async () => {
    lines.length = 0;
    await t.ssm.send(new PutParameterCommand({ Name: '/db/pw', Value: 'hunter2', Type: 'SecureString' }));
    await t.ssm.send(new GetParameterCommand({ Name: '/db/pw', WithDecryption: true }));
    await expect(t.ssm.send(new GetParameterCommand({ Name: '/missing' }))).rejects.toThrow();
    const logged = lines.map((l) => JSON.parse(l));
    expect(lines.join('')).not.toContain('hunter2');
    expect(logged.filter((l) => l.msg === 'request body').map((l) => l.body.Value).filter(Boolean)).toEqual(['***']);
    expect(logged.find((l) => l.msg === 'response body' && l.operation === 'GetParameter')!.body.Parameter.Value).toBe('***');
    expect(logged.find((l) => l.msg === 'request' && l.status === 400)).toMatchObject({ operation: 'GetParameter', error: 'ParameterNotFound' });
  });
});
