/**
 * Under --data-dir, associations replay to the same state byte for byte: their executions, node runs,
 * statuses, the drift their scripts made to the fleet, and the tasks they scheduled are all functions
 * of the journaled requests and clock ticks.
 */
import { afterEach, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Emulator } from '../../emulator.js';
import { Persistence } from '../../state/persistence.js';
import { TEST_START } from '../../testing/harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('associations replay to the same state, byte for byte: schedules, updates, runs that change the fleet', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ssm-assoc-persist-'));
  dirs.push(dir);
  const fleet = resolve(import.meta.dirname, '../../../fixtures/fleets/default.yaml');
  const caller = { account: '000000000000', region: 'us-east-1' };
  const a = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'replay', fleet });
  await new Persistence(a, dir).open();
  const created = a.request('ssm', 'CreateAssociation', {
    Name: 'AWS-RunShellScript',
    Targets: [{ Key: 'tag:Env', Values: ['prod'] }],
    ScheduleExpression: 'rate(30 minutes)',
    MaxConcurrency: '1',
    Parameters: { commands: ['systemctl is-active --quiet chronyd && systemctl stop chronyd || systemctl start chronyd', 'yum install -y jq'] },
  }, caller) as { AssociationDescription: { AssociationId: string } };
  a.scheduler.advance(45 * 60_000);
  const id = created.AssociationDescription.AssociationId;
  a.request('ssm', 'UpdateAssociation', { AssociationId: id, Parameters: { commands: ['systemctl start chronyd'] }, MaxConcurrency: '50%' }, caller);
  a.scheduler.advance(5_000);
  a.request('ssm', 'StartAssociationsOnce', { AssociationIds: [id] }, caller);
  a.scheduler.advance(60 * 60_000);
  // No close(): as if the process died here.
  const before = JSON.stringify(a.snapshot({ copy: false }).store);
  expect(before).toContain('"Name":"jq"');
  const b = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'replay', fleet });
  await new Persistence(b, dir).open();
  expect(JSON.stringify(b.snapshot({ copy: false }).store)).toBe(before);
  expect(b.clock.now()).toBe(a.clock.now());
});
