/**
 * Test helpers for the fleet and Resource Groups (and for other areas' tests that need nodes):
 * add nodes and load fixtures through the control API as a user would, assert AWS errors from SDK
 * calls, and make Resource Groups clients like the harness's SSM clients.
 *
 *   const t = useEmulator();
 *   await addNode(t.http, { InstanceId: 'i-0123456789abcdef0', Tags: { Env: 'prod' } });
 *   await expectError(t.ssm.send(cmd), 'InvalidInstanceId', /not in a valid state/);
 *   const rg = rgClient(t.endpoint);   // destroy it in afterAll
 */
import { ResourceGroupsClient } from '@aws-sdk/client-resource-groups';

interface Http {
  post(path: string): { send(body: unknown): PromiseLike<{ status: number; body: any }> };
}

/** i-0000000000000000N (17 hex digits): predictable node ids for tests. */
export const iid = (n: number) => `i-${n.toString(16).padStart(17, '0')}`;

/** Adds nodes i-...1 .. i-...n with the given extra fields (a function of the node's number). */
export async function addNodes(t: { http: Http }, n: number, spec: (k: number) => Record<string, unknown> = () => ({})): Promise<string[]> {
  const ids: string[] = [];
  for (let k = 1; k <= n; k++) {
    await addNode(t.http, { InstanceId: iid(k), ...spec(k) });
    ids.push(iid(k));
  }
  return ids;
}

/** POST /_emulator/fleet/instances; returns the node view, or throws with the control API's error. */
export async function addNode(http: Http, spec: Record<string, unknown> = {}): Promise<any> {
  const res = await http.post('/_emulator/fleet/instances').send(spec);
  if (res.status !== 200) throw new Error(`addNode failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.instance;
}

/** POST /_emulator/fleet/load with a fixture object; returns the instance ids loaded. */
export async function loadFixture(http: Http, fixture: Record<string, unknown>): Promise<string[]> {
  const res = await http.post('/_emulator/fleet/load').send(fixture);
  if (res.status !== 200) throw new Error(`loadFixture failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.fleets as { instanceIds: string[] }[]).flatMap((f) => f.instanceIds);
}

/**
 * Awaits an SDK call that must fail with AWS error `name` (HTTP 400 unless `status` says otherwise)
 * and, when given, exactly `message` (or a match of it). Returns the error for further checks.
 */
export async function expectError(p: Promise<unknown>, name: string, message?: string | RegExp, status = 400): Promise<any> {
  const err = (await p.then(
    () => undefined,
    (e: unknown) => e,
  )) as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  if (!err) throw new Error(`expected ${name}, but the call succeeded`);
  const problems: string[] = [];
  if (err.name !== name) problems.push(`name ${err.name} (${err.message})`);
  if (err.$metadata?.httpStatusCode !== status) problems.push(`HTTP status ${err.$metadata?.httpStatusCode}`);
  if (message instanceof RegExp ? !message.test(err.message ?? '') : message !== undefined && err.message !== message) {
    problems.push(`message ${JSON.stringify(err.message)}`);
  }
  if (problems.length) throw new Error(`expected ${name}${message ? ` ${String(message)}` : ''}, got ${problems.join(', ')}`);
  return err;
}

/** The real @aws-sdk/client-resource-groups pointed at a test emulator (same pattern as t.client()). */
export function rgClient(endpoint: string, opts: { region?: string; account?: string } = {}): ResourceGroupsClient {
  return new ResourceGroupsClient({
    endpoint,
    region: opts.region ?? 'us-east-1',
    credentials: { accessKeyId: opts.account ?? 'AKIAEMULATORTEST', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
}

/** A TAG_FILTERS_1_0 query as the JSON string the API wants. */
export function tagQuery(tagFilters: { Key: string; Values?: string[] }[], types: string[] = ['AWS::AllSupported']) {
  return { Type: 'TAG_FILTERS_1_0' as const, Query: JSON.stringify({ ResourceTypeFilters: types, TagFilters: tagFilters }) };
}
