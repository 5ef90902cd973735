/**
 * Helpers for fleet tests (and other areas' tests that need nodes): add nodes and load fixtures
 * through the control API, as a user would. Takes the harness's supertest agent (`t.http`).
 */
interface Http {
  post(path: string): { send(body: unknown): PromiseLike<{ status: number; body: any }> };
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
