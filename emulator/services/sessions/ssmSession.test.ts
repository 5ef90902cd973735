/**
 * A real client from npm, `ssm-session` (what browser terminals and Node tools use), drives a shell
 * session as its README shows: the token message without ClientVersion, a size message first,
 * keystrokes, acknowledgements of everything it receives (acknowledgements included). It never
 * answers a handshake, which shell sessions do not have.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ssm } from 'ssm-session';
import { useEmulator } from '../../testing/harness.js';
import { FLEET, startSession, waitForStatus } from './testkit.js';

const t = useEmulator({ fleet: FLEET });

describe('the ssm-session npm client', () => {
  it('runs commands in a shell, sees their output, and exits', async () => {
    const s = await startSession(t);
    const ws = new WebSocket(s.StreamUrl);
    ws.binaryType = 'arraybuffer';
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    let output = '';
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('message', (data: ArrayBuffer) => {
      const message = ssm.decode(data);
      ssm.sendACK(ws, message);
      if (message.payloadType === 1 && message.messageType === 'output_stream_data') output += decoder.decode(message.payload);
    });
    await new Promise((r) => ws.once('open', r));
    ssm.init(ws, { token: s.TokenValue, termOptions: { rows: 34, cols: 120 } });
    const until = async (text: string) => {
      for (let i = 0; i < 500 && !output.includes(text); i++) await new Promise((r) => setTimeout(r, 10));
      expect(output).toContain(text);
    };
    await until('sh-5.2$ ');
    for (const ch of 'echo "cols=$COLUMNS"; hostname\r') ssm.sendText(ws, encoder.encode(ch));
    await until('cols=120\r\nip-172-31-1-2.ec2.internal\r\nsh-5.2$ ');
    await waitForStatus(t, s.SessionId, 'Connected');
    ssm.sendText(ws, encoder.encode('exit\r'));
    expect(await closed).toBe(1000);
    expect(output).toContain('exit\r\nexit\r\n');
    await t.advance(1);
    await waitForStatus(t, s.SessionId, 'Terminated');
  });
});
