import { describe, expect, it } from 'vitest';
import { DescribeSessionsCommand, TerminateSessionCommand, paginateDescribeSessions, type SessionFilter } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { FLEET, LINUX, UBUNTU, startSession } from './testkit.js';

const t = useEmulator({ fleet: FLEET });

const ids = async (state: 'Active' | 'History', filters?: SessionFilter[]) =>
  ((await t.ssm.send(new DescribeSessionsCommand({ State: state, Filters: filters }))).Sessions ?? []).map((s) => s.SessionId);

describe('DescribeSessions', () => {
  it('lists active sessions newest first, and ended ones under History', async () => {
    const a = await startSession(t);
    await t.advance(60);
    const b = await startSession(t, { Target: UBUNTU });
    expect(await ids('Active')).toEqual([b.SessionId, a.SessionId]);
    expect(await ids('History')).toEqual([]);
    await t.ssm.send(new TerminateSessionCommand({ SessionId: a.SessionId }));
    // Terminating is still active; a second later it is history
    expect((await t.ssm.send(new DescribeSessionsCommand({ State: 'Active' }))).Sessions!.map((s) => s.Status)).toEqual(['Connecting', 'Terminating']);
    await t.advance(1);
    expect(await ids('Active')).toEqual([b.SessionId]);
    const [ended] = (await t.ssm.send(new DescribeSessionsCommand({ State: 'History' }))).Sessions!;
    expect(ended).toMatchObject({ SessionId: a.SessionId, Status: 'Terminated', EndDate: new Date('2025-01-01T00:01:01Z') });
  });

  it('keeps history for 30 days', async () => {
    const a = await startSession(t);
    await t.ssm.send(new TerminateSessionCommand({ SessionId: a.SessionId }));
    await t.advance(29 * 86400);
    expect(await ids('History')).toEqual([a.SessionId]);
    await t.advance(2 * 86400);
    expect(await ids('History')).toEqual([]);
  });

  it('filters by Target, Owner, SessionId, Status, AccessType, InvokedAfter (inclusive) and InvokedBefore (exclusive); filters AND', async () => {
    const a = await startSession(t);
    await t.advance(600);
    const b = await startSession(t, { Target: UBUNTU });
    expect(await ids('Active', [{ key: 'Target', value: UBUNTU }])).toEqual([b.SessionId]);
    expect(await ids('Active', [{ key: 'SessionId', value: a.SessionId }])).toEqual([a.SessionId]);
    expect(await ids('Active', [{ key: 'Owner', value: 'arn:aws:iam::000000000000:root' }])).toEqual([b.SessionId, a.SessionId]);
    expect(await ids('Active', [{ key: 'Owner', value: 'arn:aws:iam::111111111111:root' }])).toEqual([]);
    expect(await ids('Active', [{ key: 'Status', value: 'Connecting' }])).toEqual([b.SessionId, a.SessionId]);
    expect(await ids('Active', [{ key: 'Status', value: 'Connected' }])).toEqual([]);
    expect(await ids('Active', [{ key: 'AccessType', value: 'Standard' }])).toHaveLength(2);
    expect(await ids('Active', [{ key: 'InvokedAfter', value: '2025-01-01T00:10:00Z' }])).toEqual([b.SessionId]);
    expect(await ids('Active', [{ key: 'InvokedBefore', value: '2025-01-01T00:10:00Z' }])).toEqual([a.SessionId]);
    expect(await ids('Active', [{ key: 'InvokedAfter', value: '2025-01-01T00:00:00Z' }, { key: 'Target', value: LINUX }])).toEqual([a.SessionId]);
  });

  it('answers InvalidFilterKey for a value the key cannot take, ValidationException for an unknown key', async () => {
    await expectError(t.ssm.send(new DescribeSessionsCommand({ State: 'Active', Filters: [{ key: 'Status', value: 'Sleeping' }] })), 'InvalidFilterKey', /Sleeping/);
    await expectError(t.ssm.send(new DescribeSessionsCommand({ State: 'Active', Filters: [{ key: 'InvokedAfter', value: 'yesterday' }] })), 'InvalidFilterKey');
    await expectError(t.ssm.send(new DescribeSessionsCommand({ State: 'Active', Filters: [{ key: 'AccessType', value: 'Root' }] })), 'InvalidFilterKey');
    expect((await t.rpc('DescribeSessions', { State: 'Active', Filters: [{ key: 'Color', value: 'x' }] })).body.__type).toBe('ValidationException');
    expect((await t.rpc('DescribeSessions', { State: 'Paused' })).body.__type).toBe('ValidationException');
    expect((await t.rpc('DescribeSessions', { State: 'Active', MaxResults: 201 })).body.__type).toBe('ValidationException');
  });

  it('pages with MaxResults and NextToken, and refuses a token it did not make or made for the other State', async () => {
    const started = [];
    for (let i = 0; i < 5; i++) started.push((await startSession(t)).SessionId);
    const first = await t.ssm.send(new DescribeSessionsCommand({ State: 'Active', MaxResults: 2 }));
    expect(first.Sessions!.map((s) => s.SessionId)).toEqual([started[4], started[3]]);
    const all: string[] = [];
    for await (const page of paginateDescribeSessions({ client: t.ssm, pageSize: 2 }, { State: 'Active' })) all.push(...page.Sessions!.map((s) => s.SessionId!));
    expect(all).toEqual([...started].reverse());
    await expectError(t.ssm.send(new DescribeSessionsCommand({ State: 'Active', NextToken: 'garbage' })), 'InvalidNextToken');
    await expectError(t.ssm.send(new DescribeSessionsCommand({ State: 'History', NextToken: first.NextToken })), 'InvalidNextToken');
  });

  it('is regional', async () => {
    await startSession(t);
    expect((await t.client({ region: 'eu-west-1' }).send(new DescribeSessionsCommand({ State: 'Active' }))).Sessions).toEqual([]);
  });
});
