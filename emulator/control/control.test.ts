import { describe, expect, it } from 'vitest';
import { useEmulator, TEST_START } from '../testing/harness.js';
import { defineSlice } from '../state/store.js';
import type { Area } from '../core/operation.js';

// A tiny area standing in for real capabilities: a task kind that records and emits an event.
const notes = defineSlice('control-test-notes', () => ({ seen: [] as string[] }));
const testArea: Area = {
  name: 'control-test',
  tasks: {
    'control-test.note': (task, ctx) => {
      notes.of(ctx.scope).seen.push(`${task.payload as string}@${new Date(ctx.now).toISOString()}`);
      ctx.emu.events.emit(ctx, { source: 'aws.ssm', detailType: 'Test Note', resources: ['arn:x'], detail: { note: task.payload } });
    },
  },
};
const t = useEmulator({ areas: [testArea] });
const schedule = (seconds: number, payload: string, account = '000000000000', region = 'us-east-1') =>
  t.emu.scheduler.schedule({ at: TEST_START + seconds * 1000, kind: 'control-test.note', account, region, payload });

describe('control API', () => {
  it('GET /_emulator/health answers ok with version, uptime and clock', async () => {
    const res = await t.http.get('/_emulator/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', version: expect.any(String), clock: { now: '2025-01-01T00:00:00.000Z', mode: 'frozen', rate: 1 } });
    expect(res.body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(res.body.operations.total).toBe(146);
    const viaExpress = await t.http.get('/_emulator/clock');
    expect(viaExpress.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET /_emulator/clock shows now, mode and rate', async () => {
    const res = await t.http.get('/_emulator/clock');
    expect(res.body).toEqual({ now: '2025-01-01T00:00:00.000Z', mode: 'frozen', rate: 1 });
  });

  it('POST /_emulator/clock/advance fires what falls due in between, in time order, before answering', async () => {
    schedule(120, 'second');
    schedule(60, 'first');
    schedule(3600, 'not yet');
    const res = await t.http.post('/_emulator/clock/advance').send({ seconds: 600 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ now: '2025-01-01T00:10:00.000Z', tasksRun: 2 });
    expect(notes.of(t.emu.store.scope('000000000000', 'us-east-1')).seen).toEqual([
      'first@2025-01-01T00:01:00.000Z',
      'second@2025-01-01T00:02:00.000Z',
    ]);
    const ev = await t.http.get('/_emulator/events');
    expect(ev.body.events.map((e: { detail: { note: string } }) => e.detail.note)).toEqual(['first', 'second']);
    expect(ev.body.events[0]).toMatchObject({
      version: '0',
      source: 'aws.ssm',
      'detail-type': 'Test Note',
      time: '2025-01-01T00:01:00Z',
      account: '000000000000',
      region: 'us-east-1',
      resources: ['arn:x'],
    });
  });

  it('advance accepts durations like "2h" and refuses nonsense with 400', async () => {
    const ok = await t.http.post('/_emulator/clock/advance').send({ duration: '1h30m' });
    expect(ok.body.now).toBe('2025-01-01T01:30:00.000Z');
    const bad = await t.http.post('/_emulator/clock/advance').send({ seconds: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('InvalidDuration');
  });

  it('POST /_emulator/clock sets now (firing what falls due), mode and rate', async () => {
    schedule(30, 'due');
    const res = await t.http.post('/_emulator/clock').send({ now: '2025-01-01T00:05:00Z' });
    expect(res.body).toMatchObject({ now: '2025-01-01T00:05:00.000Z', mode: 'frozen', tasksRun: 1 });
    const scaled = await t.http.post('/_emulator/clock').send({ mode: 'scaled', rate: 3600 });
    expect(scaled.body).toMatchObject({ mode: 'scaled', rate: 3600 });
    const bad = await t.http.post('/_emulator/clock').send({ mode: 'warp' });
    expect(bad.status).toBe(400);
    const badNow = await t.http.post('/_emulator/clock').send({ now: 'yesterday' });
    expect(badNow.status).toBe(400);
  });

  it('GET /_emulator/events filters by source, detail-type and after', async () => {
    schedule(1, 'a');
    schedule(2, 'b');
    await t.advance(5);
    const all = (await t.http.get('/_emulator/events')).body.events;
    const after = await t.http.get(`/_emulator/events?after=${all[0].seq}`);
    expect(after.body.events.map((e: { detail: { note: string } }) => e.detail.note)).toEqual(['b']);
    const none = await t.http.get('/_emulator/events?detail-type=Other');
    expect(none.body.events).toEqual([]);
  });

  it('POST /_emulator/reset clears one account and region, or everything', async () => {
    schedule(1, 'keep', '000000000000', 'eu-west-1');
    schedule(1, 'drop', '000000000000', 'us-east-1');
    await t.advance(2);
    schedule(10, 'pending-drop', '000000000000', 'us-east-1');
    await t.http.post('/_emulator/reset').send({ region: 'us-east-1' });
    expect(t.emu.store.data.regions['000000000000/us-east-1']).toBeUndefined();
    expect(notes.of(t.emu.store.scope('000000000000', 'eu-west-1')).seen).toHaveLength(1);
    expect(t.emu.scheduler.list()).toEqual([]);
    expect((await t.http.get('/_emulator/events')).body.events.map((e: { region: string }) => e.region)).toEqual(['eu-west-1']);
    await t.http.post('/_emulator/reset').send({});
    expect(t.emu.store.data.regions).toEqual({});
  });

  it('GET and POST /_emulator/state snapshot and restore everything, including pending tasks and the clock', async () => {
    schedule(100, 'pending');
    await t.advance(10);
    const snap = (await t.http.get('/_emulator/state')).body;
    expect(snap.formatVersion).toBe(1);
    await t.http.post('/_emulator/reset').send({});
    await t.http.post('/_emulator/clock').send({ now: '2030-01-01T00:00:00Z' });
    const res = await t.http.post('/_emulator/state').send(snap);
    expect(res.status).toBe(200);
    expect(res.body.clock.now).toBe('2025-01-01T00:00:10.000Z');
    await t.advance(100);
    expect(notes.of(t.emu.store.scope('000000000000', 'us-east-1')).seen).toEqual(['pending@2025-01-01T00:01:40.000Z']);
  });

  it('a snapshot of another format version or a corrupt one is refused and nothing changes', async () => {
    schedule(1, 'x');
    await t.advance(1);
    const before = (await t.http.get('/_emulator/state')).body;
    const wrong = await t.http.post('/_emulator/state').send({ ...before, formatVersion: 99 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('InvalidSnapshot');
    expect(wrong.body.message).toContain('version 99');
    const corrupt = await t.http.post('/_emulator/state').send({ formatVersion: 1, clock: before.clock });
    expect(corrupt.status).toBe(400);
    const notJson = await t.http.post('/_emulator/state').set('Content-Type', 'application/json').send('{"formatVersion": 1,');
    expect(notJson.status).toBe(400);
    const after = (await t.http.get('/_emulator/state')).body;
    expect(after.store).toEqual(before.store);
  });

  it('GET /_emulator/openapi.json serves the generated OpenAPI document', async () => {
    const res = await t.http.get('/_emulator/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.0.3');
    expect(Object.keys(res.body.paths)).toHaveLength(146);
    expect(res.body.paths['/#AmazonSSM.GetParameter'].post.operationId).toBe('GetParameter');
  });

  it('unknown routes answer 404 with a hint', async () => {
    const res = await t.http.get('/nope');
    expect(res.status).toBe(404);
    expect(res.body.message).toContain('X-Amz-Target');
  });
});
