import { describe, expect, it } from 'vitest';
import { ListComplianceItemsCommand, PutComplianceItemsCommand, type ComplianceStringFilter, type ListComplianceItemsCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, iid, item, request, smallFleet } from './testkit.js';

const t = useEmulator();

const list = (input: ListComplianceItemsCommandInput = {}) => t.ssm.send(new ListComplianceItemsCommand({ ResourceIds: [iid(1)], ResourceTypes: ['ManagedInstance'], ...input }));
const ids = async (Filters?: ComplianceStringFilter[], input: ListComplianceItemsCommandInput = {}) =>
  (await list({ ...(Filters && { Filters }), ...input })).ComplianceItems!.map((i) => `${i.ResourceId === iid(1) ? '' : `${i.ResourceId}:`}${i.ComplianceType}/${i.Id}`);

async function compliance() {
  await smallFleet(t.http);
  const put = (input: Parameters<typeof request>) => t.ssm.send(new PutComplianceItemsCommand(request(...input)));
  await put([
    iid(1),
    'Association',
    [item('assoc-1', 'COMPLIANT', 'UNSPECIFIED', { DocumentName: 'AWS-RunPowerShellScript' }), item('assoc-2', 'NON_COMPLIANT', 'HIGH', { DocumentName: 'AWS-GatherSoftwareInventory' })],
    { ExecutionSummary: { ExecutionTime: new Date('2025-01-01T10:00:00Z') } },
  ]);
  await put([iid(1), 'Patch', [item('KB1', 'COMPLIANT', 'CRITICAL', { PatchGroup: 'web' }), item('KB2', 'NON_COMPLIANT', 'CRITICAL', { PatchGroup: 'web' })], { ExecutionSummary: { ExecutionTime: new Date('2025-01-02T10:00:00Z'), ExecutionId: 'cmd-1', ExecutionType: 'Command' } }]);
  await put([iid(2), 'Custom:AppX', [item('x', 'COMPLIANT')]]);
}

describe('ListComplianceItems', () => {
  it('lists a node\'s items by compliance type, in reported order', async () => {
    await compliance();
    expect(await ids()).toEqual(['Association/assoc-1', 'Association/assoc-2', 'Patch/KB1', 'Patch/KB2']);
    const [first] = (await list()).ComplianceItems!;
    expect(first).toEqual({
      ComplianceType: 'Association',
      ResourceType: 'ManagedInstance',
      ResourceId: iid(1),
      Id: 'assoc-1',
      Title: 'title of assoc-1',
      Status: 'COMPLIANT',
      Severity: 'UNSPECIFIED',
      ExecutionSummary: { ExecutionTime: new Date('2025-01-01T10:00:00Z') },
      Details: { DocumentName: 'AWS-RunPowerShellScript' },
    });
  });

  it('without ResourceIds: every resource\'s items', async () => {
    await compliance();
    expect(await ids(undefined, { ResourceIds: undefined })).toEqual(['Association/assoc-1', 'Association/assoc-2', 'Patch/KB1', 'Patch/KB2', `${iid(2)}:Custom:AppX/x`]);
  });

  it('filters: EQUAL, NOT_EQUAL, BEGIN_WITH, ExecutionTime GREATER_THAN, details, instance information', async () => {
    await compliance();
    expect(await ids([{ Key: 'ComplianceType', Values: ['Association'], Type: 'EQUAL' }, { Key: 'Id', Values: ['assoc-2'] }])).toEqual(['Association/assoc-2']);
    expect(await ids([{ Key: 'Status', Values: ['NON_COMPLIANT'], Type: 'NOT_EQUAL' }])).toEqual(['Association/assoc-1', 'Patch/KB1']);
    expect(await ids([{ Key: 'Id', Values: ['KB'], Type: 'BEGIN_WITH' }])).toEqual(['Patch/KB1', 'Patch/KB2']);
    expect(await ids([{ Key: 'ExecutionTime', Values: ['2025-01-02T00:00:00Z'], Type: 'GREATER_THAN' }])).toEqual(['Patch/KB1', 'Patch/KB2']);
    expect(await ids([{ Key: 'DocumentName', Values: ['AWS-RunPowerShellScript'] }, { Key: 'Severity', Values: ['UNSPECIFIED'] }])).toEqual(['Association/assoc-1']);
    expect(await ids([{ Key: 'AWS:InstanceInformation.PlatformType', Values: ['Windows'] }])).toEqual([]);
    expect(await ids([{ Key: 'AWS:InstanceInformation.PlatformType', Values: ['Linux'] }, { Key: 'ExecutionType', Values: ['Command'] }])).toEqual(['Patch/KB1', 'Patch/KB2']);
  });

  it('pages', async () => {
    await compliance();
    const first = await list({ MaxResults: 3 });
    const second = await list({ MaxResults: 3, NextToken: first.NextToken });
    expect([...first.ComplianceItems!, ...second.ComplianceItems!].map((i) => i.Id)).toEqual(['assoc-1', 'assoc-2', 'KB1', 'KB2']);
    expect(second.NextToken).toBeUndefined();
  });

  it('errors: resource type, more than one or an unknown resource id, bad filters, a foreign token', async () => {
    await compliance();
    await expectError(list({ ResourceTypes: ['EC2Instance'] }), 'InvalidResourceType');
    await expectError(list({ ResourceIds: [iid(1), iid(2)] }), 'InvalidResourceId');
    await expectError(list({ ResourceIds: ['i-0123456789abcdef0'] }), 'InvalidResourceId');
    await expectError(list({ Filters: [{ Values: ['x'] }] }), 'InvalidFilter');
    await expectError(list({ Filters: [{ Key: 'Status', Values: ['BROKEN'] }] }), 'InvalidFilter');
    await expectError(list({ Filters: [{ Key: 'ExecutionTime', Values: ['yesterday'], Type: 'LESS_THAN' }] }), 'InvalidFilter');
    await expectError(list({ NextToken: 'x' }), 'InvalidNextToken');
    expect((await list({ ResourceIds: [iid(4)] })).ComplianceItems).toEqual([]);
  });
});
