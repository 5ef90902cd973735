/**
 * What web pages can do to the emulator (protocol/guard.ts): Host names on a loopback address, the
 * control API's own origin only, and CORS for the SSM API only where allowed.
 */
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../testing/harness.js';

const getParameter = { 'X-Amz-Target': 'AmazonSSM.GetParameters', 'Content-Type': 'application/x-amz-json-1.1' };

describe('on a loopback address (the default)', () => {
  const t = useEmulator({ access: { allowHosts: ['emulator.test'], corsOrigins: ['http://app.local:3000'] } });
  const self = () => new URL(t.endpoint).host;

  it('answers localhost names and --allow-host names, and refuses any other Host (DNS rebinding)', async () => {
    for (const host of [self(), `localhost:${new URL(t.endpoint).port}`, 'emulator.test:4583']) {
      expect((await t.http.get('/_emulator/health').set('Host', host)).status, host).toBe(200);
    }
    const state = await t.http.get('/_emulator/state').set('Host', 'rebind.attacker.example:4583');
    expect(state.status).toBe(403);
    expect(state.body).toEqual({ error: 'Forbidden', message: expect.stringContaining('--allow-host') });
    const rpc = await t.http.post('/').set(getParameter).set('Host', 'rebind.attacker.example').send('{"Names":["x"]}');
    expect(rpc.status).toBe(403);
    expect(JSON.parse(rpc.text).__type).toBe('AccessDeniedException');
    expect(rpc.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    // The other services on the port are guarded the same way: Secrets Manager and STS.
    const secrets = await t.http.post('/').set({ 'X-Amz-Target': 'secretsmanager.ListSecrets', 'Content-Type': 'application/x-amz-json-1.1' }).set('Host', 'rebind.attacker.example').send('{}');
    expect(secrets.status).toBe(403);
    const sts = await t.http.post('/').set('Content-Type', 'application/x-www-form-urlencoded').set('Host', 'rebind.attacker.example').send('Action=GetCallerIdentity&Version=2011-06-15');
    expect(sts.status).toBe(403);
  });

  it('lets the control API be used by its own origin only', async () => {
    const foreign = await t.http.post('/_emulator/reset').set('Origin', 'http://evil.example').send({});
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain('only pages the emulator serves itself');
    const own = await t.http.post('/_emulator/reset').set('Origin', `http://${self()}`).send({});
    expect(own.status).toBe(200);
    expect((await t.http.get('/_emulator/events').set('Origin', 'null')).status).toBe(403);
  });

  it('answers browsers on the SSM API only from --cors-origins, with CORS headers and preflights', async () => {
    const preflight = await t.http
      .options('/')
      .set('Origin', 'http://app.local:3000')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-amz-target');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://app.local:3000');
    expect(preflight.headers['access-control-allow-headers']).toContain('x-amz-target');
    const call = await t.http.post('/').set(getParameter).set('Origin', 'http://app.local:3000').send('{"Names":["x"]}');
    expect(call.status).toBe(200);
    expect(call.headers['access-control-allow-origin']).toBe('http://app.local:3000');
    const other = await t.http.post('/').set(getParameter).set('Origin', 'http://evil.example').send('{"Names":["x"]}');
    expect(other.status).toBe(403);
    expect(JSON.parse(other.text).message).toContain('--cors-origins');
    expect((await t.http.options('/').set('Origin', 'http://evil.example').set('Access-Control-Request-Method', 'POST')).status).toBe(403);
  });

  it("answers the SSM API from the emulator's own origin (the dashboard), and not from a rebinding page's", async () => {
    const own = await t.http.post('/').set(getParameter).set('Origin', `http://${self()}`).send('{"Names":["x"]}');
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
    const rebound = await t.http.post('/').set(getParameter).set('Host', 'rebind.attacker.example').set('Origin', 'http://rebind.attacker.example').send('{"Names":["x"]}');
    expect(rebound.status).toBe(403);
  });

  it('SDKs and tools (no Origin) are unaffected', async () => {
    const res = await t.http.post('/').set(getParameter).send('{"Names":["x"]}');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('on every interface (Docker)', () => {
  const t = useEmulator({ access: { bindHost: '0.0.0.0' } });
  it('answers any Host', async () => {
    expect((await t.http.get('/_emulator/health').set('Host', 'ssm-emulator:4583')).status).toBe(200);
    expect((await t.http.post('/').set(getParameter).set('Host', 'ssm-emulator:4583').send('{"Names":["x"]}')).status).toBe(200);
  });
});
