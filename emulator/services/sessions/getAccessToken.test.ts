import { describe, expect, it } from 'vitest';
import { DescribeOpsItemsCommand, DescribeSessionsCommand, GetAccessTokenCommand, GetOpsItemCommand, StartAccessRequestCommand, type OpsItemFilter } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { FLEET, LINUX, startSession } from './testkit.js';
import getAccessTokenOperation from './getAccessToken.js';

const t = useEmulator({ fleet: FLEET });

async function request(): Promise<string> {
  return (await t.ssm.send(new StartAccessRequestCommand({ Reason: 'on call', Targets: [{ Key: 'InstanceIds', Values: [LINUX] }] }))).AccessRequestId!;
}
const decide = (id: string, verb: string, body: object = {}) => t.http.post(`/_emulator/sessions/access-requests/${id}/${verb}`).send(body);

describe('GetAccessToken (just-in-time node access)', () => {
  it('answers Pending without credentials until an approver approves', async () => {
    const id = await request();
    expect(await t.ssm.send(new GetAccessTokenCommand({ AccessRequestId: id }))).toMatchObject({ AccessRequestStatus: 'Pending' });
    expect((await t.ssm.send(new GetAccessTokenCommand({ AccessRequestId: id }))).Credentials).toBeUndefined();
  });

  it('issues credentials for the approved window, then answers Expired', async () => {
    const id = await request();
    const res = await decide(id, 'approve', { hours: 2, approver: 'alice' });
    expect(res.status).toBe(200);
    expect(res.body.accessRequest).toMatchObject({ Status: 'Approved', DecidedBy: 'alice' });
    const out = await t.ssm.send(new GetAccessTokenCommand({ AccessRequestId: id }));
    expect(out.AccessRequestStatus).toBe('Approved');
    expect(out.Credentials).toMatchObject({ AccessKeyId: '000000000000', ExpirationTime: new Date('2025-01-01T02:00:00Z') });
    expect(out.Credentials!.SecretAccessKey!.length).toBeGreaterThan(20);
    expect(out.Credentials!.SessionToken!.length).toBeGreaterThan(100);
    // A session to the node in the window is a just-in-time session.
    await startSession(t);
    expect((await t.ssm.send(new DescribeSessionsCommand({ State: 'Active', Filters: [{ key: 'AccessType', value: 'JustInTime' }] }))).Sessions).toHaveLength(1);
    await t.advance(2 * 3600);
    expect(await t.ssm.send(new GetAccessTokenCommand({ AccessRequestId: id }))).toMatchObject({ AccessRequestStatus: 'Expired' });
  });

  it('answers Rejected and Revoked; revoking ends the node\'s just-in-time sessions', async () => {
    const rejected = await request();
    expect((await decide(rejected, 'reject')).status).toBe(200);
    expect(await t.ssm.send(new GetAccessTokenCommand({ AccessRequestId: rejected }))).toMatchObject({ AccessRequestStatus: 'Rejected' });
    expect((await decide(rejected, 'approve')).status).toBe(409);

    const revoked = await request();
    await decide(revoked, 'approve');
    const s = await startSession(t);
    expect((await decide(revoked, 'revoke')).status).toBe(200);
    expect(await t.ssm.send(new GetAccessTokenCommand({ AccessRequestId: revoked }))).toMatchObject({ AccessRequestStatus: 'Revoked' });
    const [ended] = (await t.ssm.send(new DescribeSessionsCommand({ State: 'History' }))).Sessions!;
    expect(ended).toMatchObject({ SessionId: s.SessionId, Status: 'Terminated', AccessType: 'JustInTime' });
  });

  it('is an OpsItem (/aws/accessrequest) whose status follows the decisions; the AccessRequestBy* filters find it', async () => {
    const id = await request();
    const item = async () => (await t.ssm.send(new GetOpsItemCommand({ OpsItemId: id }))).OpsItem!;
    expect(await item()).toMatchObject({ OpsItemType: '/aws/accessrequest', Status: 'Pending', Description: 'on call' });
    const found = async (Key: string, value: string) =>
      ((await t.ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [{ Key, Values: [value], Operator: 'Equal' } as OpsItemFilter] }))).OpsItemSummaries ?? []).map((x) => x.OpsItemId);
    expect(await found('AccessRequestByTargetResourceId', LINUX)).toEqual([id]);
    expect(await found('AccessRequestByRequesterArn', 'arn:aws:iam::000000000000:root')).toEqual([id]);
    expect(await found('AccessRequestBySourceRegion', 'us-east-1')).toEqual([id]);
    expect(await found('AccessRequestByIsReplica', 'false')).toEqual([id]);
    expect(await found('AccessRequestByApproverId', 'alice')).toEqual([]);
    await decide(id, 'approve', { approver: 'alice' });
    expect((await item()).Status).toBe('Approved');
    expect(await found('AccessRequestByApproverId', 'alice')).toEqual([id]);
    await t.advance(3600);
    expect((await item()).Status).toBe('Closed');
    const revoked = await request();
    await decide(revoked, 'approve', { approver: 'arn:aws:iam::000000000000:role/approver' });
    await decide(revoked, 'revoke');
    expect(await t.ssm.send(new GetOpsItemCommand({ OpsItemId: revoked }))).toMatchObject({ OpsItem: { Status: 'Revoked' } });
    expect(await found('AccessRequestByApproverArn', 'arn:aws:iam::000000000000:role/approver')).toEqual([revoked]);
  });

  it('refuses bad decisions in the control API: unknown request 404, a window outside 1-336 hours 400', async () => {
    expect((await decide('oi-0123456789ab', 'approve')).status).toBe(404);
    const id = await request();
    expect((await decide(id, 'approve', { hours: 337 })).status).toBe(400);
    expect((await decide(id, 'revoke')).status).toBe(409);
  });

  it('is journaled under --data-dir although its name reads: it issues credentials', () => {
    expect(getAccessTokenOperation.mutates).toBe(true);
  });

  it('answers ResourceNotFoundException for an unknown request, ValidationException for a malformed id', async () => {
    await expectError(t.ssm.send(new GetAccessTokenCommand({ AccessRequestId: 'oi-0123456789ab' })), 'ResourceNotFoundException', /oi-0123456789ab/);
    expect((await t.rpc('GetAccessToken', { AccessRequestId: 'req-1' })).body.__type).toBe('ValidationException');
  });
});
