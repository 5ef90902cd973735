/**
 * Test harness: a fresh emulator on a free port with a frozen clock at a fixed instant and a fixed id
 * seed, the real @aws-sdk/client-ssm pointed at it, supertest for raw HTTP, and the control API.
 * Every response is checked against the model (checkResponses), so serializer drift fails any test.
 *
 *   const t = useEmulator();               // in a describe() or at file top level
 *   await t.ssm.send(new PutParameterCommand({...}));
 *   await t.advance(3600);                 // virtual seconds
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Server } from 'node:http';
import supertest from 'supertest';
import { SSMClient } from '@aws-sdk/client-ssm';
import { Emulator, type EmulatorOptions } from '../emulator.js';
import { createServer, listen } from '../server.js';
import type { AccessOptions } from '../protocol/guard.js';

/** 2025-01-01T00:00:00Z: the frozen instant every test starts at. */
export const TEST_START = Date.UTC(2025, 0, 1);
export const TEST_START_SECONDS = TEST_START / 1000;

export interface TestEmulator {
  emu: Emulator;
  server: Server;
  endpoint: string;
  /** An SSM client for us-east-1, account 000000000000. */
  ssm: SSMClient;
  /** An SSM client for another region and/or account (a 12-digit access key id is the account). */
  client(opts?: { region?: string; account?: string }): SSMClient;
  /** supertest bound to the server, for raw-wire assertions. */
  http: ReturnType<typeof supertest>;
  /** POST /_emulator/clock/advance. */
  advance(seconds: number): Promise<void>;
  /** Raw JSON-RPC call (wire-level tests): returns status, headers and parsed body. */
  rpc(operation: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: any }>;
  close(): Promise<void>;
}

/** Emulator options, plus what the server answers (Host names, CORS origins: protocol/guard.ts). */
export type TestEmulatorOptions = EmulatorOptions & { access?: AccessOptions };

export async function startTestEmulator({ access, ...options }: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const emu = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'test', checkResponses: true, ...options });
  const server = createServer(emu, access);
  const address = await listen(server, 0, '127.0.0.1');
  const endpoint = `http://127.0.0.1:${address.port}`;
  const clients: SSMClient[] = [];
  const client = (opts: { region?: string; account?: string } = {}) => {
    const c = new SSMClient({
      endpoint,
      region: opts.region ?? 'us-east-1',
      credentials: { accessKeyId: opts.account ?? 'AKIAEMULATORTEST', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    clients.push(c);
    return c;
  };
  const http = supertest(server);
  // Load the lazily imported express app now, so no import is still in flight when a test file ends.
  await http.get('/_emulator/clock');
  return {
    emu,
    server,
    endpoint,
    ssm: client(),
    client,
    http,
    async advance(seconds: number) {
      const res = await http.post('/_emulator/clock/advance').send({ seconds });
      if (res.status !== 200) throw new Error(`advance failed: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async rpc(operation, body, headers = {}) {
      const res = await http
        .post('/')
        .set('Content-Type', 'application/x-amz-json-1.1')
        .set('X-Amz-Target', `AmazonSSM.${operation}`)
        .set(headers)
        .send(typeof body === 'string' ? body : JSON.stringify(body));
      let parsed: unknown = undefined;
      try {
        parsed = JSON.parse(res.text);
      } catch {
        parsed = res.text;
      }
      return { status: res.status, headers: res.headers as Record<string, string>, body: parsed };
    },
    async close() {
      for (const c of clients) c.destroy();
      emu.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * Registers beforeAll/afterAll/beforeEach for one emulator per test file, reset before each test
 * (state, events, scheduler; the clock back to its start and mode: TEST_START, frozen by default).
 */
export function useEmulator(options: TestEmulatorOptions = {}): TestEmulator {
  const holder = {} as { t?: TestEmulator };
  beforeAll(async () => {
    holder.t = await startTestEmulator(options);
  });
  afterAll(async () => {
    await holder.t?.close();
  });
  beforeEach(() => {
    const emu = holder.t!.emu;
    // The clock first: a reset reloads start-up data (a fleet asked for with `fleet`), stamped now.
    emu.clock.set({ mode: options.clock?.mode ?? 'frozen', now: options.clock?.start ?? TEST_START });
    emu.reset();
  });
  return new Proxy({} as TestEmulator, {
    get(_target, prop) {
      if (!holder.t) throw new Error('useEmulator(): the emulator starts in beforeAll; use it inside tests');
      return holder.t[prop as keyof TestEmulator];
    },
  });
}
