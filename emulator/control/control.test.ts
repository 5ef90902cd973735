import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { useEmulator, TEST_START } from '../testing/harness.js';
import { defineSlice } from '../state/store.js';
import { arr, obj, str } from '../state/schema.js';
import type { Area } from '../core/operation.js';
import { OPENAPI_DIR } from '../core/paths.js';
import { areas } from '../services/index.js';
import { controlRoutesOf } from './index.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { bodyContentTypes } from '../core/control.js';

// A tiny area standing in for real capabilities: a task kind that records and emits an event.
const notes = defineSlice('control-test-notes', () => ({ seen: [] as string[] }), obj({ seen: arr(str) }));
const testArea: Area = {
  name: 'control-test',
  tasks: {
    'control-test.note': (task, ctx) => {
      notes.of(ctx.scope).seen.push(`${task.payload as string}@${new Date(ctx.now).toISOString()}`);
      ctx.emu.events.emit(ctx, { source: 'aws.ssm', detailType: 'Test Note', resources: ['arn:x'], detail: { note: task.payload } });
    },
  },
};
const t = useEmulator({ areas: [testArea, ...areas] });
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

  it('a clock change beyond what the clock can hold answers 400 naming the range, and the clock stays where it was', async () => {
    for (const [path, body] of [
      ['/_emulator/clock/advance', { seconds: 1e308 }],
      ['/_emulator/clock/advance', { duration: '99999999999999h' }],
      ['/_emulator/clock', { now: '+275760-09-13T00:00:00Z' }],
    ] as const) {
      const res = await t.http.post(path).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({ error: 'InvalidClock', message: expect.stringContaining('between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z') });
    }
    const health = await t.http.get('/_emulator/health');
    expect(health.status).toBe(200);
    expect(health.body.clock.now).toBe('2025-01-01T00:00:00.000Z');
    await t.advance(1);
    expect((await t.http.get('/_emulator/clock')).body.now).toBe('2025-01-01T00:00:01.000Z');
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

  it('refuses a schema violation with 400 naming the field, before the handler runs', async () => {
    const mode = await t.http.post('/_emulator/clock').send({ mode: 'warp' });
    expect(mode.body).toEqual({ error: 'InvalidClock', message: 'mode must be one of real, scaled, frozen, auto.' });
    const rate = await t.http.post('/_emulator/clock').send({ rate: 0 });
    expect(rate.body).toEqual({ error: 'InvalidClock', message: 'rate must be > 0.' });
    // A misspelt field is refused, not ignored: {"acount": ...} must not reset every account.
    schedule(1, 'kept');
    await t.advance(1);
    const typo = await t.http.post('/_emulator/reset').send({ acount: '000000000000' });
    expect(typo.status).toBe(400);
    expect(typo.body).toEqual({ error: 'InvalidReset', message: 'The field acount is not accepted by POST /reset (it takes account, region).' });
    const wrongType = await t.http.post('/_emulator/reset').send({ account: 123456789012 });
    expect(wrongType.body).toEqual({ error: 'InvalidReset', message: 'account must be a string.' });
    const notObject = await t.http.post('/_emulator/reset').send([]);
    expect(notObject.body.message).toBe('The body must be a JSON object.');
    expect(notes.of(t.emu.store.scope('000000000000', 'us-east-1')).seen).toHaveLength(1);
    const missing = await t.http.post('/_emulator/fleet/register').send({ ActivationId: 'x' });
    expect(missing.body).toEqual({ error: 'InvalidRequest', message: 'ActivationCode is required.' });
  });

  it('checks query parameters: converted to their types, refused when malformed or unknown', async () => {
    schedule(1, 'a');
    schedule(2, 'b');
    await t.advance(5);
    const all = (await t.http.get('/_emulator/events')).body.events;
    expect((await t.http.get(`/_emulator/events?after=${all[0].seq}`)).body.events).toHaveLength(1);
    const bad = await t.http.get('/_emulator/events?after=abc');
    expect(bad.body).toEqual({ error: 'InvalidFilter', message: 'The query parameter after must be an integer.' });
    const twice = await t.http.get('/_emulator/events?source=a&source=b');
    expect(twice.body.message).toBe('The query parameter source must be a string.');
    // ?regoin= must not turn a scoped DELETE into "wherever the node is".
    await t.http.post('/_emulator/fleet/instances').send({ InstanceId: 'i-00000000000000001' });
    const typo = await t.http.delete('/_emulator/fleet/instances/i-00000000000000001?regoin=eu-west-1');
    expect(typo.status).toBe(400);
    expect(typo.body.message).toBe('The query parameter regoin is not accepted by DELETE /fleet/instances/{id} (it takes account, region).');
    expect((await t.http.get('/_emulator/fleet/instances')).body.instances).toHaveLength(1);
  });
});

describe('control API: content types (415)', () => {
  const seed = async () => {
    schedule(1, 'a', '123456789012', 'us-east-1');
    schedule(1, 'b', '000000000000', 'us-east-1');
    await t.advance(1);
    return structuredClone(t.emu.store.data.regions);
  };

  it('a form-encoded POST /_emulator/reset (curl -d) answers 415 and resets nothing', async () => {
    const before = await seed();
    // What `curl -d '{"account":"123456789012"}'` sends: the JSON text as application/x-www-form-urlencoded.
    const res = await t.http.post('/_emulator/reset').type('form').send('{"account":"123456789012"}');
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      error: 'UnsupportedMediaType',
      message: 'POST /reset takes a body of Content-Type application/json ({} for an empty one), not Content-Type application/x-www-form-urlencoded.',
    });
    expect(t.emu.store.data.regions).toEqual(before);
    const plain = await t.http.post('/_emulator/reset').set('Content-Type', 'text/plain').send('{}');
    expect(plain.status).toBe(415);
    const none = await t.http.post('/_emulator/reset');
    expect(none.status).toBe(415);
    expect(none.body.message).toContain('not no body');
    expect(t.emu.store.data.regions).toEqual(before);
    // The same request as JSON (any charset, or a +json type) does what it says.
    const ok = await t.http.post('/_emulator/reset').set('Content-Type', 'application/json; charset=utf-8').send('{"account":"123456789012"}');
    expect(ok.body).toEqual({ reset: true, account: '123456789012', region: 'all' });
    expect(Object.keys(t.emu.store.data.regions)).toEqual(['000000000000/us-east-1']);
  });

  it('POST /_emulator/fleet/load refuses JSON sent as text/plain and takes YAML types', async () => {
    const fixture = { instances: [{ InstanceId: 'i-00000000000000001' }] };
    const plain = await t.http.post('/_emulator/fleet/load').set('Content-Type', 'text/plain').send(JSON.stringify(fixture));
    expect(plain.status).toBe(415);
    expect(plain.body.message).toBe(
      'POST /fleet/load takes a body of Content-Type application/json or text/yaml or application/yaml or application/x-yaml ({} for an empty one), not Content-Type text/plain.',
    );
    expect((await t.http.get('/_emulator/fleet/instances')).body.instances).toEqual([]);
    for (const [i, type] of ['text/yaml', 'application/yaml', 'application/x-yaml'].entries()) {
      const res = await t.http.post('/_emulator/fleet/load').set('Content-Type', type).send(`instances:\n  - InstanceId: i-0000000000000000${i + 2}\n`);
      expect(res.status, type).toBe(200);
    }
    const json = await t.http.post('/_emulator/fleet/load').send(fixture);
    expect(json.status).toBe(200);
    expect((await t.http.get('/_emulator/fleet/instances')).body.instances).toHaveLength(4);
  });

  it('a route without a body takes a body-less POST (or {}), and refuses anything else', async () => {
    await t.http.post('/_emulator/fleet/instances').send({ InstanceId: 'i-00000000000000001' });
    const stop = await t.http.post('/_emulator/fleet/instances/i-00000000000000001/stop-agent');
    expect(stop.status).toBe(200);
    expect(stop.body.instance.AgentRunning).toBe(false);
    const start = await t.http.post('/_emulator/fleet/instances/i-00000000000000001/start-agent').send({});
    expect(start.body.instance.AgentRunning).toBe(true);
    const withBody = await t.http.post('/_emulator/fleet/instances/i-00000000000000001/stop-agent').send({ AgentRunning: false });
    expect(withBody.status).toBe(415);
    expect(withBody.body.message).toBe('POST /fleet/instances/{id}/stop-agent takes no request body (or an empty JSON object).');
    const form = await t.http.delete('/_emulator/events').type('form').send('all=1');
    expect(form.status).toBe(415);
    expect((await t.http.get('/_emulator/fleet/instances')).body.instances[0].AgentRunning).toBe(true);
  });
});

describe('control API: routes and their OpenAPI document', () => {
  const doc = JSON.parse(readFileSync(join(OPENAPI_DIR, 'control.openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> }>>;
  };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

  it('documents every declared route and nothing else', () => {
    // The document is written from the default areas' declarations (npm run gen).
    const declared = controlRoutesOf(areas).map((r) => `${r.method} ${r.path}`);
    expect([...declared].sort()).toEqual([...documented].sort());
  });

  it('serves every documented route (and a state-changing one refuses a foreign body before running)', async () => {
    for (const op of documented) {
      const [method, path] = op.split(' ');
      const url = `/_emulator${path.replace(/\{\w+\}/g, 'i-00000000000000001')}`;
      if (doc.paths[path][method.toLowerCase()].responses['200'].content?.['text/event-stream']) {
        // A stream never ends: its status and type are what it answers.
        const head = await new Promise<http.IncomingMessage>((resolve, reject) => {
          const req = http.get(`${t.endpoint}${url}`, (res) => (resolve(res), req.destroy()));
          req.on('error', reject);
        });
        expect([head.statusCode, head.headers['content-type']], op).toEqual([200, 'text/event-stream; charset=utf-8']);
        continue;
      }
      const req = t.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](url);
      const res = method === 'GET' ? await req : await req.set('Content-Type', 'application/x-probe').send('probe');
      expect(res.body.error, op).not.toBe('NotFound');
      expect(res.status, op).toBe(method === 'GET' ? 200 : 415);
    }
    expect((await t.http.get('/_emulator/nothing-here')).body.error).toBe('NotFound');
  });

  it('declares schemas that are valid JSON Schema 2020-12 (the server compiles them without the meta-schema)', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, formats: { 'date-time': true } });
    for (const route of controlRoutesOf(areas)) {
      const schemas = [...Object.values(route.query ?? {}), ...Object.values(route.body ? bodyContentTypes(route.body) : {})];
      for (const schema of schemas) expect(ajv.validateSchema(schema), `${route.method} ${route.path}: ${ajv.errorsText()}`).toBe(true);
    }
    expect(ajv.validateSchema({ type: 'object', properties: { a: { type: 'strin' } } })).toBe(false);
  });

  it('serves the document it is generated as', async () => {
    const res = await t.http.get('/_emulator/openapi/control.json');
    expect(res.body).toEqual(doc);
    expect(res.body.openapi).toBe('3.1.0');
  });
});

describe('GET /_emulator/state streams', () => {
  it('the streamed snapshot is exactly the snapshot as JSON, regions included', async () => {
    t.emu.store.scope('000000000000', 'us-east-1');
    t.emu.store.scope('111111111111', 'eu-west-1').data.note = JSON.parse('{"__proto__": "kept", "text": "ü"}');
    const res = await t.http.get('/_emulator/state');
    expect(res.status).toBe(200);
    // The clock's wall anchor is read when the snapshot is taken; everything else is the same text.
    const withoutWall = (text: string) => text.replace(/"anchorWall":\d+/, '"anchorWall":0');
    expect(withoutWall(res.text)).toBe(withoutWall(JSON.stringify(t.emu.snapshot())));
    expect(res.text).toContain('"note":{"__proto__":"kept","text":"ü"}');
    expect(res.body.store.regions['111111111111/eu-west-1'].note.text).toBe('ü');
  });
});
