import { describe, expect, it } from 'vitest';
import { DeleteParameterCommand, DescribeParametersCommand, GetParameterCommand, PutParameterCommand, type PutParameterCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START } from '../../testing/harness.js';
import { errorOf } from './testkit.js';
import { parseIsoTimestamp } from '../../sim/parameters/policies.js';

const t = useEmulator();
const HOUR = 3600;
const iso = (secondsFromStart: number) => new Date(TEST_START + secondsFromStart * 1000).toISOString();
const expiration = (secondsFromStart: number) => ({ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: iso(secondsFromStart) } });
const put = (input: Partial<PutParameterCommandInput> & { Name: string }) =>
  t.ssm.send(new PutParameterCommand({ Value: 'v', Type: 'String', Tier: 'Advanced', ...input }));
const exists = async (Name: string) => {
  try {
    await t.ssm.send(new GetParameterCommand({ Name }));
    return true;
  } catch (e) {
    if ((e as Error).name === 'ParameterNotFound') return false;
    throw e;
  }
};
const policyEvents = async () =>
  (await t.http.get('/_emulator/events')).body.events.filter((e: { 'detail-type': string }) => e['detail-type'] === 'Parameter Store Policy Action');
const statuses = async (Name: string) =>
  (await t.ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: [Name] }] }))).Parameters?.[0].Policies?.map((p) => [
    p.PolicyType,
    p.PolicyStatus,
  ]);

describe('parameter policies', () => {
  it('Expiration deletes the parameter when the virtual clock passes its time, with a Policy Action event', async () => {
    await put({ Name: '/exp/p', Type: 'SecureString', Policies: JSON.stringify([expiration(HOUR)]) });
    await t.advance(HOUR - 1);
    expect(await exists('/exp/p')).toBe(true);
    expect(await policyEvents()).toEqual([]);
    await t.advance(1);
    expect(await exists('/exp/p')).toBe(false);
    const [ev] = await policyEvents();
    expect(ev).toMatchObject({
      source: 'aws.ssm',
      'detail-type': 'Parameter Store Policy Action',
      time: iso(HOUR).replace('.000Z', 'Z'),
      account: '000000000000',
      region: 'us-east-1',
      resources: ['arn:aws:ssm:us-east-1:000000000000:parameter/exp/p'],
      detail: {
        'policy-type': 'Expiration',
        'parameter-name': '/exp/p',
        'parameter-type': 'SecureString',
        'action-status': 'SUCCESS',
        'policy-content': JSON.stringify(expiration(HOUR)),
        'action-reason': 'Parameter expired and was deleted',
      },
    });
  });

  it('keeps the expiration when the parameter is updated without Policies, and "[{}]" removes all policies', async () => {
    await put({ Name: '/exp/keep', Policies: JSON.stringify([expiration(HOUR)]) });
    await put({ Name: '/exp/keep', Value: 'new', Overwrite: true });
    await put({ Name: '/exp/clear', Policies: JSON.stringify([expiration(HOUR)]) });
    await put({ Name: '/exp/clear', Value: 'new', Overwrite: true, Policies: '[{}]' });
    expect(await statuses('/exp/clear')).toEqual([]);
    await t.advance(2 * HOUR);
    expect(await exists('/exp/keep')).toBe(false);
    expect(await exists('/exp/clear')).toBe(true);
  });

  it('moves the expiration when new Policies replace the old ones', async () => {
    await put({ Name: '/exp/move', Policies: JSON.stringify([expiration(HOUR)]) });
    await put({ Name: '/exp/move', Overwrite: true, Policies: JSON.stringify([expiration(3 * HOUR)]) });
    await t.advance(2 * HOUR);
    expect(await exists('/exp/move')).toBe(true);
    await t.advance(HOUR);
    expect(await exists('/exp/move')).toBe(false);
  });

  it('ExpirationNotification fires Before the expiration, then the policy is Finished', async () => {
    const policies = [expiration(3 * HOUR), { Type: 'ExpirationNotification', Version: '1.0', Attributes: { Before: '1', Unit: 'Hours' } }];
    await put({ Name: '/exp/notify', Policies: JSON.stringify(policies) });
    await t.advance(2 * HOUR - 1);
    expect(await policyEvents()).toEqual([]);
    await t.advance(1);
    const [ev] = await policyEvents();
    expect(ev.time).toBe(iso(2 * HOUR).replace('.000Z', 'Z'));
    expect(ev.detail).toMatchObject({ 'policy-type': 'ExpirationNotification', 'parameter-name': '/exp/notify', 'action-status': 'SUCCESS' });
    expect(await statuses('/exp/notify')).toEqual([
      ['Expiration', 'Pending'],
      ['ExpirationNotification', 'Finished'],
    ]);
    await t.advance(HOUR);
    expect((await policyEvents()).map((e: { detail: Record<string, string> }) => e.detail['policy-type'])).toEqual(['ExpirationNotification', 'Expiration']);
  });

  it('NoChangeNotification fires After a period without changes; a new version restarts the period', async () => {
    const policies = [{ Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: '1', Unit: 'Days' } }];
    await put({ Name: '/nochange', Policies: JSON.stringify(policies) });
    await t.advance(12 * HOUR);
    await put({ Name: '/nochange', Value: 'rotated', Overwrite: true });
    await t.advance(23 * HOUR);
    expect(await policyEvents()).toEqual([]);
    await t.advance(HOUR);
    const [ev] = await policyEvents();
    expect(ev.time).toBe(iso(36 * HOUR).replace('.000Z', 'Z'));
    expect(ev.detail).toMatchObject({ 'policy-type': 'NoChangeNotification', 'parameter-name': '/nochange' });
    expect(await statuses('/nochange')).toEqual([['NoChangeNotification', 'Finished']]);
    // fires once per version
    await t.advance(48 * HOUR);
    expect(await policyEvents()).toHaveLength(1);
  });

  it('a deleted parameter\'s policies never fire', async () => {
    await put({ Name: '/gone', Policies: JSON.stringify([expiration(HOUR), { Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: '1', Unit: 'Hours' } }]) });
    await t.ssm.send(new DeleteParameterCommand({ Name: '/gone' }));
    await t.advance(2 * HOUR);
    expect(await policyEvents()).toEqual([]);
  });

  it('accepts ISO_OFFSET_DATE_TIME timestamps', () => {
    expect(parseIsoTimestamp('2019-11-01T22:13:48.87+10:30:00')).toBe(Date.UTC(2019, 10, 1, 11, 43, 48, 870));
    expect(parseIsoTimestamp('2018-12-02T21:34:33.000Z')).toBe(Date.UTC(2018, 11, 2, 21, 34, 33));
    expect(parseIsoTimestamp('2018-02-30T00:00:00Z')).toBeUndefined();
    expect(parseIsoTimestamp('tomorrow')).toBeUndefined();
  });

  it('refuses policies on a standard parameter', async () => {
    const e = await errorOf(put({ Name: '/std', Tier: 'Standard', Policies: JSON.stringify([expiration(HOUR)]) }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/advanced-parameter tier/);
    expect((await errorOf(put({ Name: '/std', Tier: undefined, Policies: JSON.stringify([expiration(HOUR)]) }))).name).toBe('ValidationException');
  });

  it('refuses unknown policy types, bad attributes, more than 10 policies and two expirations', async () => {
    const cases: [unknown, string][] = [
      [[{ Type: 'Rotation', Version: '1.0', Attributes: {} }], 'InvalidPolicyTypeException'],
      [[{ Version: '1.0', Attributes: {} }], 'InvalidPolicyTypeException'],
      [[{ Type: 'Expiration', Version: '2.0', Attributes: { Timestamp: iso(HOUR) } }], 'InvalidPolicyAttributeException'],
      [[{ Type: 'Expiration', Version: '1.0', Attributes: {} }], 'InvalidPolicyAttributeException'],
      [[{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: 'soon' } }], 'InvalidPolicyAttributeException'],
      [[expiration(-60)], 'InvalidPolicyAttributeException'],
      [[{ Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: '3', Unit: 'Weeks' } }], 'InvalidPolicyAttributeException'],
      [[{ Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: '-1', Unit: 'Days' } }], 'InvalidPolicyAttributeException'],
      [[{ Type: 'ExpirationNotification', Version: '1.0', Attributes: { After: '1', Unit: 'Days' } }], 'InvalidPolicyAttributeException'],
      [{ Type: 'Expiration' }, 'InvalidPolicyAttributeException'],
      [Array.from({ length: 11 }, () => ({ Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: '1', Unit: 'Days' } })), 'PoliciesLimitExceededException'],
      [[expiration(HOUR), expiration(2 * HOUR)], 'IncompatiblePolicyException'],
    ];
    for (const [policies, code] of cases) {
      const e = await errorOf(put({ Name: '/bad', Policies: JSON.stringify(policies) }));
      expect(e.name, JSON.stringify(policies)).toBe(code);
    }
    expect((await errorOf(put({ Name: '/bad', Policies: 'not json' }))).name).toBe('InvalidPolicyAttributeException');
    expect(await exists('/bad')).toBe(false);
  });
});
