import { describe, expect, it } from 'vitest';
import { ListComplianceItemsCommand, PutComplianceItemsCommand, type PutComplianceItemsCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { writeCompliance } from '../../sim/compliance/writer.js';
import { AT, expectError, iid, item, request, smallFleet } from './testkit.js';

const t = useEmulator();

const put = (input: PutComplianceItemsCommandInput) => t.ssm.send(new PutComplianceItemsCommand(input));
const items = async (id = iid(1)) => (await t.ssm.send(new ListComplianceItemsCommand({ ResourceIds: [id], ResourceTypes: ['ManagedInstance'] }))).ComplianceItems!;
const ids = async (id = iid(1)) => (await items(id)).map((i) => `${i.ComplianceType}/${i.Id}:${i.Status}`);
const complianceEvents = async () => (await t.http.get('/_emulator/events?detail-type=Configuration%20Compliance%20State%20Change')).body.events;

describe('PutComplianceItems', () => {
  it('records custom compliance for a node (the user guide\'s example) and answers an empty object', async () => {
    await smallFleet(t.http);
    const raw = await t.rpc('PutComplianceItems', {
      ResourceId: iid(1),
      ResourceType: 'ManagedInstance',
      ComplianceType: 'Custom:SoftwareXCheck',
      ExecutionSummary: { ExecutionTime: 1735689600 },
      Items: [{ Id: 'Version2.0', Title: 'SoftwareXVersion', Severity: 'CRITICAL', Status: 'NON_COMPLIANT' }],
    });
    expect(raw).toMatchObject({ status: 200, body: {} });
    expect(await items()).toEqual([
      { ComplianceType: 'Custom:SoftwareXCheck', ResourceType: 'ManagedInstance', ResourceId: iid(1), Id: 'Version2.0', Title: 'SoftwareXVersion', Status: 'NON_COMPLIANT', Severity: 'CRITICAL', ExecutionSummary: { ExecutionTime: AT } },
    ]);
  });

  it('COMPLETE (the default) replaces the type\'s items; an empty list clears the type', async () => {
    await smallFleet(t.http);
    await put(request(iid(1), 'Custom:AppA', [item('a', 'COMPLIANT'), item('b', 'NON_COMPLIANT')]));
    await put(request(iid(1), 'Custom:AppB', [item('x', 'COMPLIANT')]));
    await put(request(iid(1), 'Custom:AppA', [item('c', 'COMPLIANT')], { UploadType: 'COMPLETE' }));
    expect(await ids()).toEqual(['Custom:AppA/c:COMPLIANT', 'Custom:AppB/x:COMPLIANT']);
    await put(request(iid(1), 'Custom:AppA', []));
    expect(await ids()).toEqual(['Custom:AppB/x:COMPLIANT']);
  });

  it('PARTIAL merges by item Id', async () => {
    await smallFleet(t.http);
    await put(request(iid(1), 'Association', [item('assoc-1', 'COMPLIANT'), item('assoc-2', 'COMPLIANT')]));
    await put(request(iid(1), 'Association', [item('assoc-2', 'NON_COMPLIANT'), item('assoc-3', 'COMPLIANT')], { UploadType: 'PARTIAL' }));
    expect(await ids()).toEqual(['Association/assoc-1:COMPLIANT', 'Association/assoc-2:NON_COMPLIANT', 'Association/assoc-3:COMPLIANT']);
  });

  it('an ItemContentHash equal to the stored one: the request is ignored', async () => {
    await smallFleet(t.http);
    await put(request(iid(1), 'Custom:AppA', [item('a', 'COMPLIANT')], { ItemContentHash: 'h1' }));
    await put(request(iid(1), 'Custom:AppA', [item('b', 'NON_COMPLIANT')], { ItemContentHash: 'h1' }));
    expect(await ids()).toEqual(['Custom:AppA/a:COMPLIANT']);
    await put(request(iid(1), 'Custom:AppA', [item('b', 'NON_COMPLIANT')], { ItemContentHash: 'h2' }));
    expect(await ids()).toEqual(['Custom:AppA/b:NON_COMPLIANT']);
  });

  it('errors: a resource type other than ManagedInstance, a node that is not managed, an 11th custom type', async () => {
    await smallFleet(t.http);
    await expectError(put(request(iid(1), 'Custom:AppA', [], { ResourceType: 'EC2Instance' })), 'InvalidResourceType');
    await expectError(put(request('i-0123456789abcdef0', 'Custom:AppA', [])), 'InvalidResourceId');
    for (let i = 0; i < 10; i++) await put(request(iid(1), `Custom:T${i}`, [item('x', 'COMPLIANT')]));
    await expectError(put(request(iid(1), 'Custom:T10', [item('x', 'COMPLIANT')])), 'ComplianceTypeCountLimitExceededException', 'You specified too many custom compliance types. You can specify a maximum of 10 different types.');
    await put(request(iid(1), 'Custom:T3', [item('y', 'COMPLIANT')]));
    await put(request(iid(1), 'Patch', [item('KB1', 'COMPLIANT')]));
    await expectError(put({ ...request(iid(1), 'Custom:AppA', []), ComplianceType: 'Custom:bad name' }), 'ValidationException');
  });

  it('announces association and patch compliance state changes on EventBridge, not custom ones', async () => {
    await smallFleet(t.http);
    await put(request(iid(1), 'Association', [item('assoc-1', 'COMPLIANT')]));
    await put(request(iid(1), 'Association', [item('assoc-1', 'COMPLIANT')]));
    await put(request(iid(1), 'Association', [item('assoc-1', 'NON_COMPLIANT')]));
    await put(request(iid(2), 'Patch', [item('KB1', 'NON_COMPLIANT', 'CRITICAL', { PatchBaselineId: 'pb-0123456789abcdef0' }), item('KB2', 'COMPLIANT')]));
    await put(request(iid(1), 'Custom:AppA', [item('a', 'NON_COMPLIANT')]));
    const events = await complianceEvents();
    expect(events.map((e: any) => e.detail)).toEqual([
      { 'last-runtime': '2025-01-01T00:00:00Z', 'resource-type': 'managed-instance', 'resource-id': iid(1), 'compliance-status': 'compliant', 'compliance-type': 'Association' },
      { 'last-runtime': '2025-01-01T00:00:00Z', 'resource-type': 'managed-instance', 'resource-id': iid(1), 'compliance-status': 'non_compliant', 'compliance-type': 'Association' },
      { 'resource-type': 'managed-instance', 'resource-id': iid(2), 'compliance-status': 'non_compliant', 'compliance-type': 'Patch', 'patch-baseline-id': 'pb-0123456789abcdef0', severity: 'critical' },
    ]);
    expect(events[0]).toMatchObject({ source: 'aws.ssm', resources: [`arn:aws:ssm:us-east-1:000000000000:managed-instance/${iid(1)}`] });
  });

  it('the complianceWriter port (State Manager, Patch Manager) writes into the same store', async () => {
    await smallFleet(t.http);
    writeCompliance(t.emu.context('000000000000', 'us-east-1'), {
      ResourceId: iid(3),
      ResourceType: 'ManagedInstance',
      ComplianceType: 'Association',
      ExecutionSummary: { ExecutionTime: 1735689600 },
      Items: [{ Id: '8dfe3659-4309-493a-8755-0123456789ab', Title: '', Severity: 'UNSPECIFIED', Status: 'COMPLIANT', Details: { DocumentName: 'AWS-GatherSoftwareInventory', DocumentVersion: '1' } }],
      UploadType: 'COMPLETE',
    });
    expect(await items(iid(3))).toEqual([
      expect.objectContaining({ ComplianceType: 'Association', Title: '', Details: { DocumentName: 'AWS-GatherSoftwareInventory', DocumentVersion: '1' } }),
    ]);
  });
});
