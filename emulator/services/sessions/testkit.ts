/**
 * What the Session Manager tests share: a small fleet, starting a session over the SDK and opening
 * its data channel with the test client (emulator/testing/datachannel-client.ts).
 */
import { StartSessionCommand, type StartSessionCommandInput } from '@aws-sdk/client-ssm';
import type { TestEmulator } from '../../testing/harness.js';
import { DataChannelClient, type ClientOptions } from '../../testing/datachannel-client.js';

export const LINUX = 'i-0a0000000000000a1';
export const UBUNTU = 'i-0a0000000000000a2';
export const WINDOWS = 'i-0a0000000000000a3';
export const OFFLINE = 'i-0a0000000000000a4';

export const FLEET = {
  instances: [
    { InstanceId: LINUX, Platform: 'amazon-linux-2023', ComputerName: 'ip-172-31-1-2.ec2.internal', Tags: { Env: 'prod' } },
    { InstanceId: UBUNTU, Platform: 'ubuntu-22.04' },
    { InstanceId: WINDOWS, Platform: 'windows-2022', ComputerName: 'EC2AMAZ-ABC1234' },
    { InstanceId: OFFLINE, Platform: 'amazon-linux-2023', PingStatus: 'ConnectionLost' },
  ],
};

export async function startSession(t: TestEmulator, input: Partial<StartSessionCommandInput> = {}) {
  const out = await t.ssm.send(new StartSessionCommand({ Target: LINUX, ...input }));
  return { SessionId: out.SessionId!, TokenValue: out.TokenValue!, StreamUrl: out.StreamUrl! };
}

/** Starts a session and opens its data channel. */
export async function openSession(t: TestEmulator, input: Partial<StartSessionCommandInput> = {}, opts: ClientOptions = {}) {
  const s = await startSession(t, input);
  const client = await DataChannelClient.open(s.StreamUrl, s.TokenValue, opts);
  return { ...s, client };
}

/** The sessions as the control API lists them (status, connected, EndReason). */
export async function controlSessions(t: TestEmulator): Promise<any[]> {
  return (await t.http.get('/_emulator/sessions')).body.sessions;
}

/** Polls the control API until the session has the status (data channel changes are asynchronous). */
export async function waitForStatus(t: TestEmulator, id: string, status: string, timeoutMs = 5000): Promise<any> {
  for (let waited = 0; ; waited += 10) {
    const s = (await controlSessions(t)).find((x) => x.SessionId === id);
    if (s?.Status === status) return s;
    if (waited > timeoutMs) throw new Error(`session ${id} is ${s?.Status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
