/**
 * The snapshot check of OpsCenter (opsItems, opsMetadata), compliance, inventory, Session Manager
 * (sessions), Secrets Manager (secrets), EC2 images (ec2) and service settings (serviceSettings):
 *
 * - a snapshot of rich state (every optional member set, every status reached, names such as
 *   `__proto__` and `constructor`) passes its own check: POST /_emulator/state answers 200, and the
 *   capabilities answer as before;
 * - a snapshot with a member the code reads broken (a record set to null, a required member gone, a
 *   wrong type, a value outside an enum that other capabilities act on) is refused with 400 naming
 *   the path, the state in use is unchanged and the area's calls still work. Without the slices'
 *   schemas the fallback check refused only the null records; every other mutation here was
 *   accepted and then made a later call answer 500 or answer wrongly, left a session that never
 *   timed out or an Automation execution that never ended, or (a default parameter tier "Gold")
 *   handed the bad value on to the parameters created afterwards.
 */
import { describe, expect, it } from 'vitest';
import {
  AssociateOpsItemRelatedItemCommand,
  CreateDocumentCommand,
  CreateOpsItemCommand,
  CreateResourceDataSyncCommand,
  DeleteInventoryCommand,
  DeleteOpsItemCommand,
  DescribeInventoryDeletionsCommand,
  DescribeOpsItemsCommand,
  DescribeSessionsCommand,
  GetAccessTokenCommand,
  GetAutomationExecutionCommand,
  GetDocumentCommand,
  GetInventoryCommand,
  GetOpsItemCommand,
  GetOpsMetadataCommand,
  GetParameterCommand,
  GetServiceSettingCommand,
  ListComplianceItemsCommand,
  ListComplianceSummariesCommand,
  ListInventoryEntriesCommand,
  ListOpsItemEventsCommand,
  ListOpsMetadataCommand,
  ListResourceComplianceSummariesCommand,
  ListResourceDataSyncCommand,
  PutComplianceItemsCommand,
  PutInventoryCommand,
  PutParameterCommand,
  StartAccessRequestCommand,
  StartAutomationExecutionCommand,
  StartSessionCommand,
  TerminateSessionCommand,
  UpdateDocumentCommand,
  UpdateDocumentDefaultVersionCommand,
  UpdateOpsItemCommand,
  UpdateOpsMetadataCommand,
  UpdateServiceSettingCommand,
} from '@aws-sdk/client-ssm';
import { CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import YAML from 'yaml';
import { TEST_START_SECONDS, useEmulator } from '../testing/harness.js';
import { DataChannelClient } from '../testing/datachannel-client.js';
import { FLEET, LINUX, OFFLINE, UBUNTU, WINDOWS, waitForStatus } from '../services/sessions/testkit.js';
import { secretsClient } from '../services/secretsmanager/testkit.js';

const t = useEmulator({ fleet: FLEET });
const sm = secretsClient(t);
const REGION = '000000000000/us-east-1';
const at = (seconds: number) => new Date((TEST_START_SECONDS + seconds) * 1000);

/** Raw JSON-RPC for bodies with user-named `__proto__` keys (an SDK input object cannot carry one). */
async function rpc(operation: string, json: string): Promise<any> {
  const res = await t.rpc(operation, json);
  if (res.status !== 200) throw new Error(`${operation}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const decide = async (id: string, verb: string, body: object = {}) => {
  const res = await t.http.post(`/_emulator/sessions/access-requests/${id}/${verb}`).send(body);
  if (res.status !== 200) throw new Error(`${verb} ${id}: ${res.status} ${JSON.stringify(res.body)}`);
};

async function startAutomation(DocumentName: string, Parameters?: Record<string, string[]>): Promise<string> {
  return (await t.ssm.send(new StartAutomationExecutionCommand({ DocumentName, ...(Parameters && { Parameters }) }))).AutomationExecutionId!;
}

/** Data channels held open while the rich state is built (closed once its snapshot is taken). */
const clients: DataChannelClient[] = [];

/** Each area driven through its API into the states its slice can hold. */
async function buildRichState(): Promise<void> {
  // ---- serviceSettings: values of list and free-form settings (a pending tier revert comes later) ----
  const setting = (SettingId: string, SettingValue: string) => t.ssm.send(new UpdateServiceSettingCommand({ SettingId, SettingValue }));
  await setting('/ssm/parameter-store/default-parameter-tier', 'advanced');
  await setting('/ssm/documents/console/public-sharing-permission', 'Disable');
  await setting('/ssm/automation/customer-script-log-group-name', '/my/scripts');

  // ---- secrets: a string and a binary value, custom and AWS stages, a read, a scheduled deletion ----
  await sm().send(new CreateSecretCommand({ Name: 'constructor', SecretString: 'v1', Description: 'd', KmsKeyId: 'alias/k', Tags: [{ Key: 'env', Value: 'prod' }] }));
  await sm().send(new PutSecretValueCommand({ SecretId: 'constructor', SecretString: 'v2' }));
  await sm().send(new PutSecretValueCommand({ SecretId: 'constructor', SecretString: 'v3', VersionStages: ['AWSPENDING', 'custom'] }));
  await sm().send(new GetSecretValueCommand({ SecretId: 'constructor' }));
  await sm().send(new CreateSecretCommand({ Name: '__proto__', SecretBinary: Buffer.from([0, 1, 2, 255]) }));
  await sm().send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'x' }));
  await sm().send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }));

  // ---- opsItems / opsMetadata ----
  const plain = (await t.ssm.send(new CreateOpsItemCommand({ Title: 'plain', Description: 'd', Source: 'test' }))).OpsItemId!;
  const full = (
    await rpc(
      'CreateOpsItem',
      JSON.stringify({
        Title: 'full',
        Description: 'everything set',
        Source: 'test',
        Priority: 2,
        Severity: '1',
        Category: 'Availability',
        ActualStartTime: TEST_START_SECONDS,
        ActualEndTime: TEST_START_SECONDS + 60,
        PlannedStartTime: TEST_START_SECONDS,
        PlannedEndTime: TEST_START_SECONDS + 3600,
        Notifications: [{ Arn: 'arn:aws:sns:us-east-1:000000000000:topic' }],
        RelatedOpsItems: [{ OpsItemId: plain }],
        Tags: [{ Key: 'team', Value: 'ops' }],
        OperationalData: JSON.parse(
          '{"__proto__":{"Value":"p","Type":"SearchableString"},"constructor":{"Value":"c","Type":"String"},' +
            '"/aws/dedup":{"Value":"{\\"dedupString\\":\\"once\\"}","Type":"SearchableString"},' +
            '"/aws/resources":{"Value":"[{\\"arn\\":\\"arn:aws:ec2:us-east-1:000000000000:instance/i-1\\"}]","Type":"SearchableString"}}',
        ),
      }),
    )
  ).OpsItemId as string;
  await t.ssm.send(new UpdateOpsItemCommand({ OpsItemId: full, Status: 'InProgress', OperationalDataToDelete: ['constructor'] }));
  await t.ssm.send(
    new AssociateOpsItemRelatedItemCommand({ OpsItemId: full, AssociationType: 'IsParentOf', ResourceType: 'AWS::SSM::Document', ResourceUri: 'arn:aws:ssm:us-east-1:000000000000:document/Doc' }),
  );
  const change = (await t.ssm.send(new CreateOpsItemCommand({ Title: 'change', Description: 'd', Source: 'test', OpsItemType: '/aws/changerequest' }))).OpsItemId!;
  await t.ssm.send(new UpdateOpsItemCommand({ OpsItemId: change, Status: 'PendingApproval' }));
  const gone = (await t.ssm.send(new CreateOpsItemCommand({ Title: 'gone', Description: 'd', Source: 'test' }))).OpsItemId!;
  await t.ssm.send(new DeleteOpsItemCommand({ OpsItemId: gone }));
  const metadataArn = (
    await rpc('CreateOpsMetadata', JSON.stringify({ ResourceId: '/aws/ssm/MyGroup/appmanager', Metadata: JSON.parse('{"__proto__":{"Value":"p"},"constructor":{"Value":"c"}}'), Tags: [{ Key: 'k', Value: 'v' }] }))
  ).OpsMetadataArn as string;
  await t.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn: metadataArn, MetadataToUpdate: { more: { Value: 'm' } }, KeysToDelete: ['constructor'] }));

  // ---- compliance: custom types with every item member, PARTIAL uploads, every severity and status ----
  const execution = { ExecutionTime: at(0), ExecutionId: 'exec-1', ExecutionType: 'Command' };
  const severities = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNSPECIFIED'] as const;
  await rpc(
    'PutComplianceItems',
    JSON.stringify({
      ResourceId: LINUX,
      ResourceType: 'ManagedInstance',
      ComplianceType: 'Custom:Software',
      ExecutionSummary: { ExecutionTime: TEST_START_SECONDS, ExecutionId: 'exec-1', ExecutionType: 'Command' },
      ItemContentHash: 'hash-1',
      Items: severities.map((Severity, i) => ({ Id: `item-${i}`, Title: `t${i}`, Severity, Status: i % 2 ? 'COMPLIANT' : 'NON_COMPLIANT', Details: JSON.parse('{"__proto__":"p","k":"v"}') })),
    }),
  );
  await t.ssm.send(new PutComplianceItemsCommand({ ResourceId: LINUX, ResourceType: 'ManagedInstance', ComplianceType: 'Custom:Partial', ExecutionSummary: execution, Items: [{ Severity: 'LOW', Status: 'COMPLIANT' }] }));
  await t.ssm.send(
    new PutComplianceItemsCommand({ ResourceId: LINUX, ResourceType: 'ManagedInstance', ComplianceType: 'Custom:Partial', ExecutionSummary: { ExecutionTime: at(1) }, UploadType: 'PARTIAL', Items: [{ Id: 'x', Severity: 'HIGH', Status: 'NON_COMPLIANT' }] }),
  );

  // ---- inventory: custom and AWS types, an AWS:ComplianceItem, deletions, syncs, a node that left ----
  const capture = '2025-01-01T00:00:00Z';
  await rpc(
    'PutInventory',
    JSON.stringify({
      InstanceId: LINUX,
      Items: [
        { TypeName: 'Custom:App', SchemaVersion: '1.0', CaptureTime: capture, Content: JSON.parse('[{"__proto__":"p","constructor":"c"}]') },
        { TypeName: 'Custom:Old', SchemaVersion: '2.0', CaptureTime: capture, Content: [{ A: '1' }] },
        { TypeName: 'AWS:Application', SchemaVersion: '1.1', CaptureTime: capture, ContentHash: 'h1', Content: [{ Name: 'nginx', Version: '1.24' }] },
        { TypeName: 'AWS:ComplianceItem', SchemaVersion: '1.0', CaptureTime: capture, Context: { ComplianceType: 'Custom:FromInventory', ExecutionId: 'e' }, Content: [{ Id: 'c1', Status: 'NON_COMPLIANT', Severity: 'HIGH', DocumentName: 'doc' }] },
      ],
    }),
  );
  await t.ssm.send(new PutInventoryCommand({ InstanceId: OFFLINE, Items: [{ TypeName: 'Custom:App', SchemaVersion: '1.0', CaptureTime: capture, Content: [{ constructor: 'x' }] }] }));
  expect((await t.http.delete(`/_emulator/fleet/instances/${OFFLINE}`)).status).toBe(200);
  await t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:Old', SchemaDeleteOption: 'DeleteSchema' }));
  await t.ssm.send(
    new CreateResourceDataSyncCommand({
      SyncName: 'to-s3',
      S3Destination: { BucketName: 'b', Prefix: 'p', SyncFormat: 'JsonSerDe', Region: 'us-east-1', AWSKMSKeyARN: 'arn:aws:kms:us-east-1:000000000000:key/k', DestinationDataSharing: { DestinationDataSharingType: 'Organization' } },
    }),
  );
  await t.ssm.send(
    new CreateResourceDataSyncCommand({
      SyncName: 'from-org',
      SyncType: 'SyncFromSource',
      SyncSource: {
        SourceType: 'AwsOrganizations',
        SourceRegions: ['us-east-1'],
        AwsOrganizationsSource: { OrganizationSourceType: 'OrganizationalUnits', OrganizationalUnits: [{ OrganizationalUnitId: 'ou-ab12-cd34ef56' }] },
        IncludeFutureRegions: true,
        EnableAllOpsDataSources: true,
      },
    }),
  );

  // ---- ec2: an image with a description and tags (executeAwsApi), made available by the clock ----
  await t.ssm.send(
    new CreateDocumentCommand({
      Name: 'MakeImage',
      DocumentType: 'Automation',
      DocumentFormat: 'YAML',
      Content: YAML.stringify({
        schemaVersion: '0.3',
        mainSteps: [
          { name: 'create', action: 'aws:executeAwsApi', inputs: { Service: 'ec2', Api: 'CreateImage', InstanceId: LINUX, Name: 'golden', Description: 'd', NoReboot: true }, outputs: [{ Name: 'ImageId', Selector: '$.ImageId', Type: 'String' }] },
          { name: 'tag', action: 'aws:executeAwsApi', inputs: { Service: 'ec2', Api: 'CreateTags', Resources: ['{{ create.ImageId }}'], Tags: [{ Key: 'k', Value: 'v' }] } },
        ],
      }),
    }),
  );
  await t.advance(1);
  await startAutomation('MakeImage');

  // ---- sessions: preferences with every member, access requests in every status ----
  const doc = JSON.parse((await t.ssm.send(new GetDocumentCommand({ Name: 'SSM-SessionManagerRunShell' }))).Content!);
  Object.assign(doc.inputs, { maxSessionDuration: '90', idleSessionTimeout: '30', runAsEnabled: true, runAsDefaultUser: 'alice', shellProfile: { linux: 'cd /tmp', windows: 'cd C:\\' } });
  const up = await t.ssm.send(new UpdateDocumentCommand({ Name: 'SSM-SessionManagerRunShell', Content: JSON.stringify(doc), DocumentVersion: '$LATEST' }));
  await t.ssm.send(new UpdateDocumentDefaultVersionCommand({ Name: 'SSM-SessionManagerRunShell', DocumentVersion: up.DocumentDescription!.DocumentVersion }));
  const access = async () => (await t.ssm.send(new StartAccessRequestCommand({ Reason: 'on call', Targets: [{ Key: 'InstanceIds', Values: [LINUX] }], Tags: [{ Key: 'k', Value: 'v' }] }))).AccessRequestId!;
  const expired = await access();
  await decide(expired, 'approve', { hours: 1, approver: 'arn:aws:iam::000000000000:user/bob' });
  const ended = (await t.ssm.send(new StartSessionCommand({ Target: UBUNTU, Reason: 'look' }))).SessionId!;
  await t.ssm.send(new TerminateSessionCommand({ SessionId: ended }));
  // An hour: the first access request expires, the terminated session is Terminated, the image is available,
  // Custom:Old's deletion completes, and an idle session times out.
  const idle = (await t.ssm.send(new StartSessionCommand({ Target: WINDOWS }))).SessionId!;
  await t.advance(3600);
  expect((await t.ssm.send(new DescribeSessionsCommand({ State: 'History' }))).Sessions!.map((s) => s.SessionId).sort()).toEqual([ended, idle].sort());
  // After the hour: a DisableSchema deletion still in progress, an image still pending, a tier revert pending
  await setting('/ssm/managed-instance/activation-tier', 'advanced');
  await setting('/ssm/managed-instance/activation-tier', 'standard');
  await t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:App', SchemaDeleteOption: 'DisableSchema' }));
  await startAutomation('AWS-CreateImage', { InstanceId: [WINDOWS], NoReboot: ['true'] });
  await t.advance(1);
  await decide(await access(), 'reject', { approver: 'carol' });
  const revoked = await access();
  await decide(revoked, 'approve');
  await decide(revoked, 'revoke');
  await access(); // Pending
  await decide(await access(), 'approve', { hours: 5, approver: 'dave' });

  // Connecting (a port session with properties), Terminating, Disconnected (a cut data channel), Connected
  await t.ssm.send(new StartSessionCommand({ Target: LINUX, DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['8080'] } }));
  const stopping = (await t.ssm.send(new StartSessionCommand({ Target: LINUX }))).SessionId!;
  await t.ssm.send(new TerminateSessionCommand({ SessionId: stopping }));
  for (const cut of [true, false]) {
    const s = await t.ssm.send(new StartSessionCommand({ Target: LINUX }));
    clients.push(await DataChannelClient.open(s.StreamUrl!, s.TokenValue!));
    await waitForStatus(t, s.SessionId!, 'Connected');
    if (cut) {
      expect((await t.http.post(`/_emulator/sessions/${s.SessionId}/disconnect`).send({})).status).toBe(200);
      await waitForStatus(t, s.SessionId!, 'Disconnected');
    }
  }

}

let rich: any;
/** The rich state's snapshot, built once (each test starts from a reset emulator and loads it). */
async function richSnapshot(): Promise<any> {
  if (!rich) {
    await buildRichState();
    rich = (await t.http.get('/_emulator/state')).body;
    for (const c of clients.splice(0)) c.close();
  }
  return structuredClone(rich);
}
async function loadRich(): Promise<any> {
  const snap = await richSnapshot();
  const res = await t.http.post('/_emulator/state').send(snap);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return snap;
}

const region = (s: any) => s.store.regions[REGION];
/** The key of the record of `map` that passes `test`. */
function keyOf(map: Record<string, any>, test: (v: any) => boolean): string {
  const key = Object.keys(map).find((k) => test(map[k]));
  if (key === undefined) throw new Error('no such record in the snapshot');
  return key;
}
const opsItem = (s: any, title: string) => region(s).opsItems.items[keyOf(region(s).opsItems.items, (i) => i.Title === title)];
const linuxCompliance = (s: any) => region(s).compliance.resources[`ManagedInstance/${LINUX}`];
const session = (s: any, status: string) => region(s).sessions.sessions[keyOf(region(s).sessions.sessions, (x) => x.Status === status)];
const accessRequest = (s: any, status: string) => region(s).sessions.accessRequests[keyOf(region(s).sessions.accessRequests, (x) => x.Status === status)];

/** What each area answers from the rich state: the calls a broken slice would make fail. */
const CALLS: Record<string, () => Promise<void>> = {
  async opsItems() {
    const list = (await t.ssm.send(new DescribeOpsItemsCommand({}))).OpsItemSummaries!;
    expect(list.map((i) => i.Title).sort()).toEqual(['Access request for ' + LINUX, 'change', 'full', 'plain'].concat(Array(4).fill('Access request for ' + LINUX)).sort());
    const full = list.find((i) => i.Title === 'full')!;
    expect((await t.ssm.send(new GetOpsItemCommand({ OpsItemId: full.OpsItemId }))).OpsItem).toMatchObject({ Status: 'InProgress', Priority: 2, Notifications: [{ Arn: 'arn:aws:sns:us-east-1:000000000000:topic' }] });
    expect((await t.ssm.send(new ListOpsItemEventsCommand({ Filters: [{ Key: 'OpsItemId', Values: [full.OpsItemId!], Operator: 'Equal' }] }))).Summaries!.length).toBe(3);
  },
  async opsMetadata() {
    const [m] = (await t.ssm.send(new ListOpsMetadataCommand({}))).OpsMetadataList!;
    const got = await t.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn: m.OpsMetadataArn }));
    expect(Object.keys(got.Metadata!).sort()).toEqual(['__proto__', 'more']);
  },
  async compliance() {
    const items = (await t.ssm.send(new ListComplianceItemsCommand({ ResourceIds: [LINUX], ResourceTypes: ['ManagedInstance'] }))).ComplianceItems!;
    expect(items.length).toBe(9);
    const summaries = (await t.ssm.send(new ListResourceComplianceSummariesCommand({}))).ResourceComplianceSummaryItems!;
    expect(summaries.find((s) => s.ComplianceType === 'Custom:Software')).toMatchObject({ Status: 'NON_COMPLIANT', OverallSeverity: 'CRITICAL' });
    expect((await t.ssm.send(new ListComplianceSummariesCommand({}))).ComplianceSummaryItems!.length).toBe(3);
  },
  async inventory() {
    const entities = (await t.ssm.send(new GetInventoryCommand({}))).Entities!;
    expect(entities.map((e) => e.Id).sort()).toEqual([LINUX, OFFLINE].concat([UBUNTU, WINDOWS]).sort());
    expect((await t.ssm.send(new ListInventoryEntriesCommand({ InstanceId: LINUX, TypeName: 'Custom:App' }))).Entries).toEqual([{ constructor: 'c', ['__proto__']: 'p' }]);
    expect((await t.ssm.send(new DescribeInventoryDeletionsCommand({}))).InventoryDeletions!.map((d) => d.LastStatus)).toEqual(['Complete', 'InProgress']);
    expect((await t.ssm.send(new ListResourceDataSyncCommand({}))).ResourceDataSyncItems!.map((s) => s.SyncName)).toEqual(['from-org', 'to-s3']);
  },
  async secrets() {
    expect((await sm().send(new GetSecretValueCommand({ SecretId: 'constructor' }))).SecretString).toBe('v2');
    expect((await sm().send(new GetSecretValueCommand({ SecretId: '__proto__' }))).SecretBinary).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect((await sm().send(new DescribeSecretCommand({ SecretId: 'constructor' }))).Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    expect((await sm().send(new ListSecretsCommand({}))).SecretList!.map((s) => s.Name).sort()).toEqual(['__proto__', 'constructor']);
  },
  async ec2() {
    await t.ssm.send(
      new CreateDocumentCommand({
        Name: 'TagImages',
        DocumentType: 'Automation',
        DocumentFormat: 'YAML',
        Content: YAML.stringify({
          schemaVersion: '0.3',
          outputs: ['list.States', 'again.Keys'],
          mainSteps: [
            {
              name: 'list',
              action: 'aws:executeAwsApi',
              inputs: { Service: 'ec2', Api: 'DescribeImages' },
              outputs: [{ Name: 'States', Selector: '$.Images..State', Type: 'StringList' }, { Name: 'Ids', Selector: '$.Images..ImageId', Type: 'StringList' }],
            },
            { name: 'tag', action: 'aws:executeAwsApi', inputs: { Service: 'ec2', Api: 'CreateTags', Resources: '{{ list.Ids }}', Tags: [{ Key: 'checked', Value: 'yes' }] } },
            { name: 'again', action: 'aws:executeAwsApi', inputs: { Service: 'ec2', Api: 'DescribeImages' }, outputs: [{ Name: 'Keys', Selector: '$.Images..Tags..Key', Type: 'StringList' }] },
          ],
        }),
      }),
    );
    await t.advance(1);
    const id = await startAutomation('TagImages');
    await t.advance(1);
    const ex = (await t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id }))).AutomationExecution!;
    expect(ex.AutomationExecutionStatus, ex.FailureMessage).toBe('Success');
    expect(ex.Outputs!['list.States'].slice().sort()).toEqual(['available', 'pending']);
    expect(ex.Outputs!['again.Keys'].slice().sort()).toEqual(['checked', 'checked', 'k']);
  },
  async serviceSettings() {
    expect((await t.ssm.send(new GetServiceSettingCommand({ SettingId: '/ssm/managed-instance/activation-tier' }))).ServiceSetting).toMatchObject({ SettingValue: 'advanced', Status: 'PendingUpdate' });
    await t.ssm.send(new PutParameterCommand({ Name: '/tiered', Value: 'v', Type: 'String' }));
    expect((await t.ssm.send(new GetParameterCommand({ Name: '/tiered' }))).Parameter).toMatchObject({ Value: 'v' });
    expect((await t.http.get('/_emulator/state')).body.store.regions[REGION].parameters.byName['/tiered'].Versions[0].Tier).toBe('Advanced');
    // the tier revert applies half an hour after it was asked for, as its caller
    await t.advance(1800);
    expect((await t.ssm.send(new GetServiceSettingCommand({ SettingId: '/ssm/managed-instance/activation-tier' }))).ServiceSetting).toMatchObject({
      SettingValue: 'standard',
      Status: 'Customized',
      LastModifiedUser: 'arn:aws:iam::000000000000:root',
    });
  },
  async sessions() {
    // Connecting and Terminating (a restore ends the sessions that had a data channel: their sockets are gone)
    expect((await t.ssm.send(new DescribeSessionsCommand({ State: 'Active' }))).Sessions!.map((s) => s.Status).sort()).toEqual(['Connecting', 'Terminating']);
    const approved = (await t.http.get('/_emulator/sessions/access-requests')).body.accessRequests.find((r: any) => r.Status === 'Approved');
    expect((await t.ssm.send(new GetAccessTokenCommand({ AccessRequestId: approved.AccessRequestId }))).AccessRequestStatus).toBe('Approved');
    // a new session to the node with approved access is a just-in-time one
    await t.ssm.send(new StartSessionCommand({ Target: LINUX }));
    expect((await t.ssm.send(new DescribeSessionsCommand({ State: 'Active', Filters: [{ key: 'AccessType', value: 'JustInTime' }] }))).Sessions!.length).toBeGreaterThan(0);
    // the timers run: every session ends (idle for its 30 minutes, or finishing its termination)
    await t.advance(1800);
    expect((await t.ssm.send(new DescribeSessionsCommand({ State: 'Active' }))).Sessions).toEqual([]);
  },
};

type Mutation = [what: string, slice: keyof typeof CALLS, change: (snap: any) => void, path: string | RegExp];
const MUTATIONS: Mutation[] = [
  ['an OpsItem set to null', 'opsItems', (s) => (region(s).opsItems.items[keyOf(region(s).opsItems.items, (i) => i.Title === 'full')] = null), /\.opsItems\.items\["oi-[0-9a-f]{12}"\] must be object/],
  ['an OpsItem without Notifications', 'opsItems', (s) => delete opsItem(s, 'full').Notifications, /\.opsItems\.items\["oi-[0-9a-f]{12}"\] has no Notifications/],
  ['a timeline event set to null', 'opsItems', (s) => (region(s).opsItems.events[0] = null), '.opsItems.events[0] must be object'],
  ['operational data with a number Value', 'opsItems', (s) => (opsItem(s, 'full').OperationalData['/aws/dedup'].Value = 7), '.OperationalData["/aws/dedup"].Value must be string'],
  ['a metadata value set to null', 'opsMetadata', (s) => (Object.values<any>(region(s).opsMetadata.byArn)[0].Metadata.more = null), /appmanager"\]\.Metadata\.more must be object/],
  ['an OpsMetadata object set to null', 'opsMetadata', (s) => (region(s).opsMetadata.byArn[Object.keys(region(s).opsMetadata.byArn)[0]!] = null), /\.opsMetadata\.byArn\["arn:aws:ssm:us-east-1:000000000000:opsmetadata\/aws\/ssm\/MyGroup\/appmanager"\] must be object/],
  ['OpsMetadata with null Metadata', 'opsMetadata', (s) => (Object.values<any>(region(s).opsMetadata.byArn)[0].Metadata = null), /appmanager"\]\.Metadata must be object/],
  ['a resource\'s compliance set to null', 'compliance', (s) => (region(s).compliance.resources[`ManagedInstance/${LINUX}`] = null), `.compliance.resources["ManagedInstance/${LINUX}"] must be object`],
  ['compliance Items set to null', 'compliance', (s) => (linuxCompliance(s).Records[0].Items = null), `.compliance.resources["ManagedInstance/${LINUX}"].Records[0].Items must be array`],
  ['a compliance item without a Status', 'compliance', (s) => delete linuxCompliance(s).Records[0].Items[0].Status, '.Records[0].Items[0] has no Status'],
  ['an ExecutionSummary without ExecutionTime', 'compliance', (s) => delete linuxCompliance(s).Records[0].ExecutionSummary.ExecutionTime, '.Records[0].ExecutionSummary has no ExecutionTime'],
  ['a node\'s inventory Items set to null', 'inventory', (s) => (region(s).inventory.nodes[LINUX].Items = null), `.inventory.nodes["${LINUX}"].Items must be object`],
  ['a sync set to null', 'inventory', (s) => (region(s).inventory.syncs[0] = null), '.inventory.syncs[0] must be object'],
  ['a deletion with a text start time', 'inventory', (s) => (region(s).inventory.deletions[0].DeletionStartTime = '2025-01-01'), '.inventory.deletions[0].DeletionStartTime must be number'],
  ['inventory content with a null entry', 'inventory', (s) => (region(s).inventory.nodes[LINUX].Items['Custom:App'].Content[0] = null), `.Items["Custom:App"].Content[0] must be object`],
  ['a session set to null', 'sessions', (s) => (region(s).sessions.sessions[keyOf(region(s).sessions.sessions, (x) => x.Status === 'Connecting')] = null), /\.sessions\.sessions\["root-[0-9a-f]{17}"\] must be object/],
  ['a session without Preferences', 'sessions', (s) => delete session(s, 'Connecting').Preferences, /\.sessions\.sessions\["root-[0-9a-f]{17}"\] has no Preferences/],
  ['an approved access request with null Targets', 'sessions', (s) => (accessRequest(s, 'Approved').Targets = null), /\.accessRequests\["oi-[0-9a-f]{12}"\]\.Targets must be array/],
  ['a secret set to null', 'secrets', (s) => (region(s).secrets.byName.constructor = null), '.secrets.byName.constructor must be object'],
  ['a secret\'s Versions set to null', 'secrets', (s) => (region(s).secrets.byName['__proto__'].Versions = null), '.secrets.byName.__proto__.Versions must be array'],
  ['a secret without Tags', 'secrets', (s) => delete region(s).secrets.byName.constructor.Tags, '.secrets.byName.constructor has no Tags'],
  ['an image set to null', 'ec2', (s) => (region(s).ec2.images[Object.keys(region(s).ec2.images)[0]!] = null), /\.ec2\.images\["ami-[0-9a-f]{17}"\] must be object/],
  ['an image without CreationDate', 'ec2', (s) => delete Object.values<any>(region(s).ec2.images)[0].CreationDate, /\.ec2\.images\["ami-[0-9a-f]{17}"\] has no CreationDate/],
  ['an image with a number Tags', 'ec2', (s) => (Object.values<any>(region(s).ec2.images)[0].Tags = 3), /\.ec2\.images\["ami-[0-9a-f]{17}"\]\.Tags must be array/],
  ['a default parameter tier no parameter can have', 'serviceSettings', (s) => (region(s).serviceSettings.byId['/ssm/parameter-store/default-parameter-tier'].SettingValue = 'Gold'), '.serviceSettings.byId["/ssm/parameter-store/default-parameter-tier"].SettingValue must be one of "Standard", "Advanced", "Intelligent-Tiering"'],
  ['a setting changed at a text date', 'serviceSettings', (s) => (region(s).serviceSettings.byId['/ssm/managed-instance/activation-tier'].LastModifiedDate = '2025-01-01'), '.byId["/ssm/managed-instance/activation-tier"].LastModifiedDate must be number'],
  ['a pending change that is a string', 'serviceSettings', (s) => (region(s).serviceSettings.byId['/ssm/managed-instance/activation-tier'].Pending = 'soon'), '.byId["/ssm/managed-instance/activation-tier"].Pending must be object'],
];

describe('POST /_emulator/state with OpsCenter, compliance, inventory, sessions, secrets, images and service settings', () => {
  it('a snapshot of rich state passes its own check, and every area answers from it as before', async () => {
    const snap = await loadRich();
    const r = region(snap);
    // The state really is rich: the members and statuses the schemas enumerate are all in it.
    expect(Object.values<any>(r.sessions.sessions).map((s) => s.Status).sort()).toEqual(['Connected', 'Connecting', 'Disconnected', 'Terminated', 'Terminated', 'Terminating']);
    expect(Object.values<any>(r.sessions.sessions).map((s) => s.SessionType).sort()).toEqual(['Port', ...Array(5).fill('Standard_Stream')]);
    expect(Object.values<any>(r.sessions.accessRequests).map((a) => a.Status).sort()).toEqual(['Approved', 'Expired', 'Pending', 'Rejected', 'Revoked']);
    expect(session(snap, 'Connecting')).toMatchObject({ MaxSessionDuration: '90', Preferences: { idleMinutes: 30, maxMinutes: 90, runAsUser: 'alice', shellProfile: { linux: 'cd /tmp' } } });
    expect(Object.values<any>(r.opsItems.items).map((i) => i.OpsItemType).sort()).toEqual(['/aws/accessrequest', '/aws/accessrequest', '/aws/accessrequest', '/aws/accessrequest', '/aws/accessrequest', '/aws/changerequest', '/aws/issue', '/aws/issue']);
    expect(Object.keys(r.opsItems.deleting)).toHaveLength(1);
    expect(Object.keys(opsItem(snap, 'full').OperationalData)).toEqual(['__proto__', '/aws/dedup', '/aws/resources']);
    expect(Object.values<any>(r.inventory.deletions).map((d) => [d.LastStatus, d.SchemaDeleteOption])).toEqual([['Complete', 'DeleteSchema'], ['InProgress', 'DisableSchema']]);
    expect(r.inventory.nodes[OFFLINE].TerminatedAt).toBeTypeOf('number');
    expect(r.inventory.schemas['Custom:App'].DisabledVersion).toBe('1.0');
    expect(Object.values<any>(r.ec2.images).map((i) => i.State).sort()).toEqual(['available', 'pending']);
    expect(r.secrets.byName.doomed.DeletedDate).toBeTypeOf('number');
    expect(r.serviceSettings.byId['/ssm/managed-instance/activation-tier'].Pending).toMatchObject({ SettingValue: 'standard' });
    for (const calls of Object.values(CALLS)) {
      await calls();
      await loadRich();
    }
  });

  it.each(MUTATIONS)('%s: 400 naming the path, the state in use unchanged, its calls still work', async (_what, slice, change, path) => {
    const good = await loadRich();
    const before = JSON.stringify((await t.http.get('/_emulator/state')).body.store);
    const bad = structuredClone(good);
    change(bad);
    const res = await t.http.post('/_emulator/state').send(bad);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('InvalidSnapshot');
    if (typeof path === 'string') expect(res.body.message).toContain(path);
    else expect(res.body.message).toMatch(path);
    expect(JSON.stringify((await t.http.get('/_emulator/state')).body.store)).toBe(before);
    await CALLS[slice]!();
  });
});
