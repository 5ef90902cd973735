import { describe, expect, it } from 'vitest';
import { StartAccessRequestCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { FLEET, LINUX, UBUNTU } from './testkit.js';

const t = useEmulator({ fleet: FLEET });

describe('StartAccessRequest', () => {
  it('files a Pending request for one node, with an OpsItem-style id, its reason and tags', async () => {
    const { AccessRequestId } = await t.ssm.send(
      new StartAccessRequestCommand({ Reason: 'fix the disk', Targets: [{ Key: 'InstanceIds', Values: [LINUX] }], Tags: [{ Key: 'Ticket', Value: 'OPS-1' }] }),
    );
    expect(AccessRequestId).toMatch(/^oi-[0-9a-f]{12}$/);
    const [req] = (await t.http.get('/_emulator/sessions/access-requests')).body.accessRequests;
    expect(req).toMatchObject({
      AccessRequestId,
      Status: 'Pending',
      Reason: 'fix the disk',
      Targets: [{ Key: 'InstanceIds', Values: [LINUX] }],
      Tags: [{ Key: 'Ticket', Value: 'OPS-1' }],
      Requester: 'arn:aws:iam::000000000000:root',
      account: '000000000000',
      region: 'us-east-1',
    });
    const events = (await t.http.get('/_emulator/events')).body.events;
    expect(events.map((e: any) => [e['detail-type'], e.detail.eventName, e.detail.responseElements])).toEqual([
      ['AWS API Call via CloudTrail', 'StartAccessRequest', { accessRequestId: AccessRequestId }],
    ]);
  });

  it('answers ValidationException unless the targets name exactly one node by InstanceIds', async () => {
    await expectError(t.ssm.send(new StartAccessRequestCommand({ Reason: 'r', Targets: [] })), 'ValidationException', /exactly one managed node/);
    await expectError(t.ssm.send(new StartAccessRequestCommand({ Reason: 'r', Targets: [{ Key: 'InstanceIds', Values: [LINUX, UBUNTU] }] })), 'ValidationException');
    await expectError(t.ssm.send(new StartAccessRequestCommand({ Reason: 'r', Targets: [{ Key: 'tag:Env', Values: ['prod'] }] })), 'ValidationException');
  });

  it('answers ResourceNotFoundException for a node that is not managed here', async () => {
    await expectError(t.ssm.send(new StartAccessRequestCommand({ Reason: 'r', Targets: [{ Key: 'InstanceIds', Values: ['i-0fffffffffffffff0'] }] })), 'ResourceNotFoundException', /i-0fffffffffffffff0/);
  });

  it('refuses what the model refuses (Reason missing or longer than 256 characters)', async () => {
    expect((await t.rpc('StartAccessRequest', { Targets: [] })).body.__type).toBe('ValidationException');
    expect((await t.rpc('StartAccessRequest', { Reason: 'x'.repeat(257), Targets: [] })).body.__type).toBe('ValidationException');
  });
});
