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
