/**
 * Test harness: a fresh emulator on a free port with a frozen clock at a fixed instant and a fixed id
 * seed, the real @aws-sdk/client-ssm pointed at it, supertest for raw HTTP, and the control API.
 * Every response is checked against the model (checkResponses), so serializer drift fails any test.
 *
 * useEmulator() also records which operations each test made the emulator run (its beforeEach and
 * afterEach hooks included): the test's `meta.operations` in vitest's JSON report, which
 * `npm run coverage-table` (scripts/coverage.ts) counts.
 *
 *   const t = useEmulator();               // in a describe() or at file top level
 *   await t.ssm.send(new PutParameterCommand({...}));
 *   await t.advance(3600);                 // virtual seconds
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { checkSnapshot } from '../state/snapshot.js';
import type { Server } from 'node:http';
import supertest from 'supertest';
import { SSMClient } from '@aws-sdk/client-ssm';
import { Emulator, type EmulatorOptions } from '../emulator.js';
import { createServer, listen } from '../server.js';
import type { AccessOptions } from '../protocol/guard.js';

/** 2025-01-01T00:00:00Z: the frozen instant every test starts at. */
export const TEST_START = Date.UTC(2025, 0, 1);
export const TEST_START_SECONDS = TEST_START / 1000;

declare module 'vitest' {
  interface TaskMeta {
    /** "service:Operation" for every operation the test's emulator ran (useEmulator), in first-call order. */
    operations?: string[];
  }
}

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
 * Registers beforeAll/afterAll/beforeEach/afterEach for one emulator per test file, reset before each
 * test (state, events, scheduler; the clock back to its start and mode: TEST_START, frozen by default),
 * and records the operations each test makes it run in the test's meta.operations (see the header).
 */
export function useEmulator(options: TestEmulatorOptions = {}): TestEmulator {
  const holder = {} as { t?: TestEmulator };
  // The running test's list of operations called (in its task meta, which the JSON report carries);
  // undefined outside a test, so beforeAll/afterAll calls are attributed to none.
  let called: string[] | undefined;
  beforeAll(async () => {
    holder.t = await startTestEmulator(options);
    // Every request, whatever the protocol (JSON RPC, REST-JSON) or client, goes through request();
    // operations the emulator runs for itself (invoke(): scheduled tasks, Automation's API steps) do not count.
    const emu = holder.t.emu;
    const request = emu.request.bind(emu);
    emu.request = (service, operation, ...rest) => {
      const key = `${service}:${operation}`;
      if (called && !called.includes(key)) called.push(key);
      return request(service, operation, ...rest);
    };
  });
  afterAll(async () => {
    await holder.t?.close();
  });
  beforeEach((ctx) => {
    called = ctx.task.meta.operations ??= [];
    const emu = holder.t!.emu;
    // The clock first: a reset reloads start-up data (a fleet asked for with `fleet`), stamped now.
    emu.clock.set({ mode: options.clock?.mode ?? 'frozen', now: options.clock?.start ?? TEST_START });
    emu.reset();
  });
  // Registered before the file's own afterEach hooks, so it runs after them (vitest runs them in reverse).
  afterEach(() => {
    called = undefined;
    // The state every test leaves must pass the snapshot check as --data-dir would write it (JSON):
    // a slice schema that refuses state the emulator itself makes would stop a user's restart.
    checkSnapshot(JSON.parse(JSON.stringify(holder.t!.emu.snapshot({ copy: false }))));
  });
  return new Proxy({} as TestEmulator, {
    get(_target, prop) {
      if (!holder.t) throw new Error('useEmulator(): the emulator starts in beforeAll; use it inside tests');
      return holder.t[prop as keyof TestEmulator];
    },
  });
}
