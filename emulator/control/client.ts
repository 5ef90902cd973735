/**
 * A small client of the control API (/_emulator/...), for test files that reach an emulator another
 * process started (a vitest or jest globalSetup, `npx ssm-emulator`, Docker): the clock, the fleet,
 * events, reset and snapshots, over HTTP. Refusals throw ControlClientError with the API's code.
 *
 *   import { controlClient } from 'ssm-emulator';
 *   const emu = controlClient(inject('ssmEndpoint'));
 *   await emu.clock.advance('1h');
 *   await emu.fleet.add({ Platform: 'ubuntu-22.04', Tags: { Role: 'db' } });
 *
 * Imports nothing of the emulator, so it costs a test worker nothing to load.
 */
export class ControlClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ControlClientError';
  }
}

type Where = { account?: string; region?: string };
type Json = Record<string, unknown>;

export interface ControlClient {
  readonly endpoint: string;
  readonly clock: {
    get(): Promise<{ now: string; mode: string; rate: number }>;
    set(change: { now?: string | number | Date; mode?: 'real' | 'scaled' | 'frozen' | 'auto'; rate?: number }): Promise<{ now: string; mode: string; tasksRun: number }>;
    /** Seconds, or a duration such as "90s", "15m", "1h30m"; runs everything that falls due. */
    advance(by: number | string): Promise<{ now: string; mode: string; tasksRun: number }>;
  };
  readonly fleet: {
    list(where?: Where): Promise<Json[]>;
    add(node: Json): Promise<Json>;
    update(id: string, changes: Json): Promise<Json>;
    remove(id: string): Promise<void>;
    stopAgent(id: string): Promise<Json>;
    startAgent(id: string): Promise<Json>;
    /** A fixture object, or YAML/JSON text. */
    load(fixture: Json | string, opts?: { replace?: boolean }): Promise<{ loaded: number }>;
  };
  events(filter?: { source?: string; detailType?: string; after?: number }): Promise<Json[]>;
  tasks(): Promise<Json[]>;
  reset(scope?: Where): Promise<void>;
  snapshot(): Promise<Json>;
  restore(snapshot: Json): Promise<void>;
}

export function controlClient(endpoint: string): ControlClient {
  const base = endpoint.replace(/\/+$/, '');
  const call = async (method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<any> => {
    const res = await fetch(`${base}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : {};
    if (!res.ok) throw new ControlClientError(res.status, json.error ?? 'Error', json.message ?? `${method} ${path} answered ${res.status}`);
    return json;
  };
  const id = (s: string) => encodeURIComponent(s);
  const query = (q: Record<string, string | number | undefined>) => {
    const p = Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
    return p.length ? `?${p.join('&')}` : '';
  };
  return {
    endpoint: base,
    clock: {
      get: () => call('GET', '/clock'),
      set: (c) => call('POST', '/clock', { ...c, ...(c.now instanceof Date && { now: c.now.toISOString() }) }),
      advance: (by) => call('POST', '/clock/advance', typeof by === 'number' ? { seconds: by } : { duration: by }),
    },
    fleet: {
      list: async (where = {}) => (await call('GET', `/fleet/instances${query(where)}`)).instances,
      add: async (node) => (await call('POST', '/fleet/instances', node)).instance,
      update: async (i, changes) => (await call('PATCH', `/fleet/instances/${id(i)}`, changes)).instance,
      remove: async (i) => void (await call('DELETE', `/fleet/instances/${id(i)}`)),
      stopAgent: async (i) => (await call('POST', `/fleet/instances/${id(i)}/stop-agent`, {})).instance,
      startAgent: async (i) => (await call('POST', `/fleet/instances/${id(i)}/start-agent`, {})).instance,
      load: (fixture, opts = {}) =>
        call('POST', `/fleet/load${opts.replace ? '?replace=true' : ''}`, fixture, typeof fixture === 'string' ? 'application/yaml' : 'application/json'),
    },
    events: async (f = {}) => (await call('GET', `/events${query({ source: f.source, 'detail-type': f.detailType, after: f.after })}`)).events,
    tasks: async () => (await call('GET', '/tasks')).tasks,
    reset: async (scope = {}) => void (await call('POST', '/reset', scope)),
    snapshot: () => call('GET', '/state'),
    restore: async (s) => void (await call('POST', '/state', s)),
  };
}
