/**
 * The dashboard's read routes: GET /_emulator/live (server-sent events on state changes, throttled),
 * GET /_emulator/scopes, GET /_emulator/tasks filters, GET /_emulator/fleet/instances?fields=, and
 * the dashboard's files under /_emulator/ui.
 */
import { describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../testing/harness.js';
import { DEFAULT_FLEET_FILE } from '../sim/fleet/fixtures.js';

const t = useEmulator({ fleet: DEFAULT_FLEET_FILE });

interface Sse {
  events: { event: string; data: any }[];
  next(event: string, count?: number): Promise<{ event: string; data: any }[]>;
  close(): void;
  headers: http.IncomingHttpHeaders;
}

/** Opens GET /_emulator/live and collects what it sends. */
function openLive(): Promise<Sse> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${t.endpoint}/_emulator/live`, (res) => {
      const events: { event: string; data: any }[] = [];
      const waiters: (() => void)[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          events.push({ event, data: data === undefined ? undefined : JSON.parse(data) });
          waiters.splice(0).forEach((w) => w());
        }
      });
      resolve({
        events,
        headers: res.headers,
        close: () => req.destroy(),
        next: (event, count = 1) =>
          new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error(`no ${event} event`)), 5000);
            const check = () => {
              const found = events.filter((e) => e.event === event);
              if (found.length >= count) {
                clearTimeout(timer);
                ok(found);
              } else waiters.push(check);
            };
            check();
          }),
      });
    });
    req.on('error', reject);
  });
}

describe('GET /_emulator/live', () => {
  it('says hello with the clock, then tells of changes: clock moves, SSM writes, control changes', async () => {
    const live = await openLive();
    try {
      expect(live.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const [hello] = await live.next('hello');
      expect(hello.data).toMatchObject({ clock: { now: '2025-01-01T00:00:00.000Z', mode: 'frozen', rate: 1 }, generation: expect.any(Number) });
      await t.advance(3600);
      const [first] = await live.next('change');
      expect(first.data.clock.now).toBe('2025-01-01T01:00:00.000Z');
      expect(first.data.generation).toBeGreaterThan(hello.data.generation);
      await t.ssm.send(new PutParameterCommand({ Name: '/live/x', Value: 'v', Type: 'String' }));
      const changes = await live.next('change', 2);
      expect(changes[1].data.generation).toBeGreaterThan(first.data.generation);
      expect(changes[1].data.eventSeq).toBeGreaterThan(first.data.eventSeq);
      await t.http.post('/_emulator/fleet/instances/i-0a1b2c3d4e5f60001/stop-agent');
      const third = await live.next('change', 3);
      expect(third[2].data.generation).toBeGreaterThan(changes[1].data.generation);
    } finally {
      live.close();
    }
  });

  it('throttles: a burst of changes is one event, not one per change', async () => {
    const live = await openLive();
    try {
      const [hello] = await live.next('hello');
      await Promise.all(Array.from({ length: 50 }, (_, i) => t.ssm.send(new PutParameterCommand({ Name: `/burst/${i}`, Value: 'v', Type: 'String' }))));
      const changes = () => live.events.filter((e) => e.event === 'change');
      // Wait until the stream has told of the last of the 50 writes.
      await vi.waitFor(() => expect(changes().at(-1)?.data.generation).toBe(hello.data.generation + 50), { timeout: 5000 });
      expect(changes().length).toBeLessThan(10);
    } finally {
      live.close();
    }
  });

  it('reads never count as changes', async () => {
    const before = t.emu.changes.generation;
    await t.http.get('/_emulator/fleet/instances');
    await t.rpc('DescribeInstanceInformation', {});
    expect(t.emu.changes.generation).toBe(before);
  });

  it('lets go of a client that disconnects', async () => {
    const live = await openLive();
    await live.next('hello');
    expect(t.emu.changes.subscribers).toBe(1);
    live.close();
    await vi.waitFor(() => expect(t.emu.changes.subscribers).toBe(0));
  });
});

describe('the dashboard read routes', () => {
  it('GET /_emulator/scopes lists the accounts and regions that hold state', async () => {
    await t.client({ account: '123456789012', region: 'eu-west-1' }).send(new PutParameterCommand({ Name: 'p', Value: 'v', Type: 'String' }));
    const res = await t.http.get('/_emulator/scopes');
    expect(res.body.scopes).toEqual(
      expect.arrayContaining([
        { account: '000000000000', region: 'us-east-1' },
        { account: '123456789012', region: 'eu-west-1' },
      ]),
    );
  });

  it('GET /_emulator/tasks filters by account and region and takes the earliest `limit`', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/exp/a', Value: 'v', Type: 'String', Tier: 'Advanced', Policies: JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2025-02-01T00:00:00Z' } }]) }));
    await t.ssm.send(new PutParameterCommand({ Name: '/exp/b', Value: 'v', Type: 'String', Tier: 'Advanced', Policies: JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2025-01-15T00:00:00Z' } }]) }));
    const mine = (await t.http.get('/_emulator/tasks?account=000000000000&region=us-east-1')).body.tasks;
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((x: { region: string }) => x.region === 'us-east-1')).toBe(true);
    const first = (await t.http.get('/_emulator/tasks?account=000000000000&region=us-east-1&limit=1')).body.tasks;
    expect(first).toEqual([mine[0]]);
    expect((await t.http.get('/_emulator/tasks?region=eu-west-1')).body.tasks).toEqual([]);
    const bad = await t.http.get('/_emulator/tasks?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('InvalidFilter');
  });

  it('GET /_emulator/fleet/instances?fields= answers only those members', async () => {
    const res = await t.http.get('/_emulator/fleet/instances?fields=InstanceId,PingStatus,Tags,NoSuchMember');
    expect(res.body.instances.length).toBeGreaterThan(3);
    for (const node of res.body.instances) expect(Object.keys(node).sort()).toEqual(['InstanceId', 'PingStatus', 'Tags']);
  });

  it('serves the dashboard under /_emulator/ui (built by npm run build), same-origin only for the control API', async () => {
    const bare = await t.http.get('/_emulator/ui');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/_emulator/ui/');
    const page = await t.http.get('/_emulator/ui/');
    if (page.status === 404) {
      expect(page.body.message).toContain('npm run build');
      return;
    }
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.text).toContain('<script type="module" src="app.js">');
    expect((await t.http.get('/_emulator/ui/app.js')).status).toBe(200);
    expect((await t.http.get('/_emulator/ui/nope.js')).status).toBe(404);
  });
});
