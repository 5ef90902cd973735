/**
 * The snapshot check of the Maintenance Windows, Automation and State Manager slices (their schemas:
 * sim/<area>/state.ts). Two sides, per slice:
 *
 * - a real state passes: the capability driven through the SDK into rich states (every optional
 *   member, every status reachable, names such as `__proto__`), taken mid-flight and at rest, is
 *   answered 200 when POSTed back (a schema that refused it would keep a --data-dir from starting);
 * - a snapshot that would break later calls is refused with 400 naming the path, the state in use is
 *   unchanged and the call still works; and, loaded without the check, the same snapshot does break
 *   that call (so each mutation is a real hazard, not a made-up one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CancelMaintenanceWindowExecutionCommand,
  DescribeAutomationExecutionsCommand,
  GetAutomationExecutionCommand,
  SendAutomationSignalCommand,
  StartAutomationExecutionCommand,
  StartChangeRequestExecutionCommand,
  StartExecutionPreviewCommand,
  StopAutomationExecutionCommand,
  UpdateDocumentMetadataCommand,
  CreateAssociationCommand,
  CreateDocumentCommand,
  DescribeAssociationExecutionsCommand,
  DescribeInstanceAssociationsStatusCommand,
  ListAssociationsCommand,
  UpdateAssociationCommand,
  UpdateAssociationStatusCommand,
  CreateMaintenanceWindowCommand,
  DescribeMaintenanceWindowsCommand,
  DescribeMaintenanceWindowTargetsCommand,
  GetMaintenanceWindowExecutionCommand,
  RegisterTargetWithMaintenanceWindowCommand,
  RegisterTaskWithMaintenanceWindowCommand,
  UpdateMaintenanceWindowTaskCommand,
} from '@aws-sdk/client-ssm';
import { CreateGroupCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import YAML from 'yaml';
import { TEST_START, useEmulator } from '../testing/harness.js';
import { addNodes, iid, rgClient, tagQuery } from '../testing/fleet.js';
import { DEFAULT_FLEET_FILE } from '../sim/fleet/fixtures.js';
import type { Store } from '../state/store.js';
import { readablePath } from '../state/snapshot.js';

const t = useEmulator({ fleet: DEFAULT_FLEET_FILE });
const REGION = '000000000000/us-east-1';
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

const getState = async () => (await t.http.get('/_emulator/state')).body;

/** The state as it is now passes its own check (GET, then POST it back), and is kept as it was. */
async function expectRoundTrip(): Promise<any> {
  const snap = await getState();
  const res = await t.http.post('/_emulator/state').send(snap);
  expect(res.status, res.body.message).toBe(200);
  expect((await getState()).store).toEqual(snap.store);
  return snap;
}

/**
 * `change` makes the current state's snapshot refused with `path`; nothing changes and `later` still
 * works. Loaded without the check (the store replaced directly), the snapshot breaks `later`.
 */
async function expectRefused(change: (slice: any) => void, slice: string, path: string, later: () => Promise<unknown>): Promise<void> {
  const snap = await getState();
  const before = JSON.stringify(snap.store);
  const bad = structuredClone(snap);
  change(bad.store.regions[REGION][slice]);
  const res = await t.http.post('/_emulator/state').send(bad);
  expect(res.status).toBe(400);
  expect(res.body.error).toBe('InvalidSnapshot');
  expect(res.body.message).toContain(readablePath(`/store/regions/${REGION.replace('/', '~1')}/${slice}`) + path);
  expect(JSON.stringify((await getState()).store)).toBe(before);
  await later();
  // The hazard: without the check the same state makes the call fail. Then the good state again.
  const emu = t.emu as unknown as { _store: Store; scheduler: { rebuild(): void } };
  emu._store.replace(structuredClone(bad.store));
  emu.scheduler.rebuild();
  await expect(later()).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
  expect((await t.http.post('/_emulator/state').send(snap)).status).toBe(200);
  await later();
}

const first = (o: Record<string, any>) => o[Object.keys(o)[0]!];

// ───────────────────────────────────────── Maintenance Windows ─────────────────────────────────────────

const MW = 'maintenance-windows';
/** A window with every optional member, targets of both types and a task of every type (opened by the control API in the test), plus a plain hourly one. */
async function richWindows() {
  await rg.send(new CreateGroupCommand({ Name: 'web-group', ResourceQuery: tagQuery([{ Key: 'Role', Values: ['web'] }], ['AWS::EC2::Instance']) }));
  const { WindowId } = await t.ssm.send(
    new CreateMaintenanceWindowCommand({
      Name: '__proto__',
      Description: 'constructor',
      Schedule: 'cron(0 2 ? * * *)',
      ScheduleTimezone: 'Europe/Paris',
      ScheduleOffset: 1,
      StartDate: '2024-12-01T00:00:00Z',
      EndDate: '2026-01-01T00:00:00Z',
      Duration: 2,
      Cutoff: 1,
      AllowUnassociatedTargets: true,
      Tags: [{ Key: '__proto__', Value: 'constructor' }],
    }),
  );
  const w = WindowId!;
  const web = await t.ssm.send(
    new RegisterTargetWithMaintenanceWindowCommand({
      WindowId: w,
      ResourceType: 'INSTANCE',
      Targets: [{ Key: 'tag:Role', Values: ['web'] }],
      OwnerInformation: 'team-a',
      Name: 'constructor',
      Description: 'web nodes',
    }),
  );
  const group = await t.ssm.send(new RegisterTargetWithMaintenanceWindowCommand({ WindowId: w, ResourceType: 'RESOURCE_GROUP', Targets: [{ Key: 'resource-groups:Name', Values: ['web-group'] }] }));
  const targets = [{ Key: 'WindowTargetIds', Values: [web.WindowTargetId!, group.WindowTargetId!] }];
  const alarms = { Alarms: [{ Name: 'cpu-high' }], IgnorePollAlarmFailure: true };
  await t.ssm.send(
    new RegisterTaskWithMaintenanceWindowCommand({
      WindowId: w,
      TaskType: 'RUN_COMMAND',
      TaskArn: 'AWS-RunShellScript',
      Targets: targets,
      MaxConcurrency: '50%',
      MaxErrors: '1',
      Priority: 1,
      Name: '__proto__',
      Description: 'shell',
      CutoffBehavior: 'CANCEL_TASK',
      ServiceRoleArn: 'arn:aws:iam::000000000000:role/mw',
      AlarmConfiguration: alarms,
      TaskInvocationParameters: {
        RunCommand: {
          Comment: '{{WINDOW_EXECUTION_ID}}',
          DocumentVersion: '$LATEST',
          Parameters: { commands: ['sleep 5400'] },
          OutputS3BucketName: 'bucket',
          OutputS3KeyPrefix: 'prefix',
          TimeoutSeconds: 7200,
          ServiceRoleArn: 'arn:aws:iam::000000000000:role/sns',
          NotificationConfig: { NotificationArn: 'arn:aws:sns:us-east-1:000000000000:topic', NotificationEvents: ['All'], NotificationType: 'Command' },
          CloudWatchOutputConfig: { CloudWatchLogGroupName: 'logs', CloudWatchOutputEnabled: true },
        },
      },
    }),
  );
  // The deprecated TaskParameters and LoggingInfo, on a node that is not a managed node (a failed invocation).
  await t.ssm.send(
    new RegisterTaskWithMaintenanceWindowCommand({
      WindowId: w,
      TaskType: 'RUN_COMMAND',
      TaskArn: 'AWS-RunShellScript',
      Targets: [{ Key: 'InstanceIds', Values: ['i-0a1b2c3d4e5f60001', 'i-00000000000000bad'] }],
      MaxConcurrency: '1',
      MaxErrors: '5',
      Priority: 1,
      TaskParameters: { commands: { Values: ['echo old'] } },
      LoggingInfo: { S3BucketName: 'logs', S3KeyPrefix: 'mw', S3Region: 'us-east-1' },
    }),
  );
  await t.ssm.send(
    new RegisterTaskWithMaintenanceWindowCommand({
      WindowId: w,
      TaskType: 'AUTOMATION',
      TaskArn: 'AWS-RestartEC2Instance',
      Targets: targets,
      MaxConcurrency: '2',
      MaxErrors: '2',
      Priority: 0,
      TaskInvocationParameters: { Automation: { DocumentVersion: '$DEFAULT', Parameters: { InstanceId: ['{{RESOURCE_ID}}'] } } },
    }),
  );
  await t.ssm.send(
    new RegisterTaskWithMaintenanceWindowCommand({
      WindowId: w,
      TaskType: 'LAMBDA',
      TaskArn: 'arn:aws:lambda:us-east-1:000000000000:function:notify',
      Priority: 2,
      TaskInvocationParameters: { Lambda: { ClientContext: 'e30=', Qualifier: '$LATEST', Payload: new TextEncoder().encode('{"w":"{{WINDOW_ID}}"}') } },
    }),
  );
  await t.ssm.send(
    new RegisterTaskWithMaintenanceWindowCommand({
      WindowId: w,
      TaskType: 'STEP_FUNCTIONS',
      TaskArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:flow',
      Priority: 2,
      TaskInvocationParameters: { StepFunctions: { Input: '{"e":"{{WINDOW_EXECUTION_ID}}"}', Name: 'run-{{INVOCATION_ID}}' } },
    }),
  );
  await t.http.post('/_emulator/maintenance-windows/outcomes').send({ outcomes: [{ TaskArn: 'arn:aws:lambda:us-east-1:000000000000:function:notify', Status: 'FAILED', StatusDetails: 'boom', DurationSeconds: 30 }, { Status: 'TIMED_OUT' }] });
  // A plain window that ends SUCCESS with no task, and one disabled.
  await t.ssm.send(new CreateMaintenanceWindowCommand({ Name: 'empty', Schedule: 'rate(1 hour)', Duration: 1, Cutoff: 0, AllowUnassociatedTargets: false }));
  return w;
}

describe('maintenance-windows: a rich state passes its own check', () => {
  it('windows with every optional member, targets of both types, tasks of every type, executions running, cut off, cancelled and skipped', async () => {
    const w = await richWindows();
    const open = async () => (await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({})).body as { windowExecutionId: string; status: string };
    await expectRoundTrip();
    await open(); // priority 0 (Automation) running, the shell tasks waiting
    await t.advance(60);
    await expectRoundTrip();
    expect((await open()).status).toBe('SKIPPED_OVERLAPPING');
    await t.advance(3600 + 120); // past the cutoff: CANCEL_TASK stops the shell task; priority 2 never starts
    await expectRoundTrip();
    // The simulated LAMBDA and STEP_FUNCTIONS tasks run once the others are moved after them.
    const tasks = Object.values((await getState()).store.regions[REGION][MW].windows[w].Tasks) as any[];
    for (const task of tasks.filter((x) => x.Type === 'RUN_COMMAND' || x.Type === 'AUTOMATION')) {
      await t.ssm.send(new UpdateMaintenanceWindowTaskCommand({ WindowId: w, WindowTaskId: task.WindowTaskId, Priority: 3, CutoffBehavior: 'CONTINUE_TASK' }));
    }
    await open();
    await t.advance(10);
    await expectRoundTrip();
    await t.advance(2 * 3600);
    const cancelled = await open();
    await t.ssm.send(new CancelMaintenanceWindowExecutionCommand({ WindowExecutionId: cancelled.windowExecutionId }));
    expect((await expectRoundTrip()).store.regions[REGION][MW].executions[cancelled.windowExecutionId].Status).toBe('CANCELLING');
    await t.advance(3 * 3600);
    const end = await expectRoundTrip();
    const all = Object.values(end.store.regions[REGION][MW].executions) as any[];
    const invocations = all.flatMap((e) => e.Tasks.flatMap((te: any) => te.Invocations));
    expect(new Set(all.map((e) => e.Status))).toEqual(new Set(['SUCCESS', 'FAILED', 'SKIPPED_OVERLAPPING', 'CANCELLED']));
    expect(new Set(all.flatMap((e) => e.Tasks.map((te: any) => te.Status)))).toEqual(new Set(['SUCCESS', 'FAILED', 'TIMED_OUT']));
    expect(new Set(invocations.map((i) => i.TaskType))).toEqual(new Set(['RUN_COMMAND', 'AUTOMATION', 'LAMBDA', 'STEP_FUNCTIONS']));
    expect(new Set(invocations.map((i) => i.Status))).toEqual(new Set(['SUCCESS', 'FAILED', 'TIMED_OUT']));
  });
});

describe('maintenance-windows: a snapshot that would break later calls is refused', () => {
  const window = (s: any) => first(s.windows);
  const setUp = async () => {
    const { WindowId } = await t.ssm.send(new CreateMaintenanceWindowCommand({ Name: 'win', Schedule: 'rate(1 hour)', Duration: 2, Cutoff: 1, AllowUnassociatedTargets: true }));
    await t.ssm.send(new RegisterTargetWithMaintenanceWindowCommand({ WindowId, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Role', Values: ['web'] }] }));
    const { windowExecutionId } = (await t.http.post(`/_emulator/maintenance-windows/${WindowId}/open`).send({})).body;
    return { WindowId: WindowId!, windowExecutionId: windowExecutionId as string };
  };

  it('a window set to null', async () => {
    await setUp();
    await expectRefused((s) => (s.windows[Object.keys(s.windows)[0]!] = null), MW, '.windows["mw-', () => t.ssm.send(new DescribeMaintenanceWindowsCommand({})));
  });

  it("a window's Targets set to null", async () => {
    const { WindowId } = await setUp();
    await expectRefused((s) => (window(s).Targets = null), MW, `.windows["${WindowId}"].Targets must be object`, () =>
      t.ssm.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId })),
    );
  });

  it('an execution without Tasks', async () => {
    const { windowExecutionId } = await setUp();
    await expectRefused((s) => delete first(s.executions).Tasks, MW, `.executions["${windowExecutionId}"] has no Tasks`, () =>
      t.ssm.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: windowExecutionId })),
    );
  });
});

// ─────────────────────────────────────────── State Manager ───────────────────────────────────────────

const AS = 'associations';
const WEB = [{ Key: 'tag:Role', Values: ['web'] }];

/** A DEFAULT_OPEN change calendar closed from `start` to `end` (iCalendar UTC times). */
async function calendar(Name: string, start: string, end: string) {
  const Content = ['BEGIN:VCALENDAR', 'PRODID:-//AWS//Change Calendar 1.0//EN', 'VERSION:2.0', 'X-CALENDAR-TYPE:DEFAULT_OPEN', 'BEGIN:VEVENT', 'UID:freeze-1',
    'DTSTAMP:20250101T000000Z', `DTSTART:${start}`, `DTEND:${end}`, 'SUMMARY:freeze', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  await t.ssm.send(new CreateDocumentCommand({ Name, DocumentType: 'ChangeCalendar', DocumentFormat: 'TEXT', Content }));
}

async function runbook(Name: string) {
  const Content = JSON.stringify({ schemaVersion: '0.3', parameters: { InstanceId: { type: 'String', default: 'none' } }, mainSteps: [{ name: 'wait', action: 'aws:sleep', inputs: { Duration: 'PT1M' } }] });
  await t.ssm.send(new CreateDocumentCommand({ Name, DocumentType: 'Automation', DocumentFormat: 'JSON', Content }));
}

const associate = async (input: Record<string, unknown>) =>
  (await t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-RunShellScript', Targets: WEB, ...input } as any))).AssociationDescription!.AssociationId!;

describe('associations: a rich state passes its own check', () => {
  it('legacy and Automation associations, every optional member, node runs pending, running, failed, timed out, skipped, superseded and queued', async () => {
    await addNodes(t, 3, () => ({ Tags: { Role: 'batch', __proto__: 'constructor' } }));
    await calendar('freeze', '20250101T000000Z', '20250101T020000Z');
    await runbook('Touch');
    await t.advance(1);
    const legacy = (await t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: 'i-0a1b2c3d4e5f60001' }))).AssociationDescription!.AssociationId!;
    await t.ssm.send(
      new UpdateAssociationStatusCommand({
        Name: 'AWS-UpdateSSMAgent',
        InstanceId: 'i-0a1b2c3d4e5f60001',
        AssociationStatus: { Date: new Date(TEST_START), Name: 'Failed', Message: 'constructor', AdditionalInfo: '__proto__' },
      }),
    );
    await associate({
      Parameters: { commands: ['sleep 60'], workingDirectory: ['/tmp'] },
      DocumentVersion: '$LATEST',
      ScheduleExpression: 'cron(0 3 ? * TUE#1 *)',
      ScheduleOffset: 2,
      ApplyOnlyAtCronInterval: true,
      Duration: 2,
      OutputLocation: { S3Location: { OutputS3Region: 'us-east-1', OutputS3BucketName: 'my-bucket', OutputS3KeyPrefix: '__proto__' } },
      AssociationName: '__proto__',
      MaxErrors: '10%',
      MaxConcurrency: '1',
      ComplianceSeverity: 'CRITICAL',
      SyncCompliance: 'MANUAL',
      CalendarNames: ['freeze'],
      AlarmConfiguration: { Alarms: [{ Name: 'cpu' }], IgnorePollAlarmFailure: false },
      AssociationDispatchAssumeRole: 'arn:aws:iam::000000000000:role/dispatch',
      Tags: [{ Key: '__proto__', Value: 'constructor' }],
    });
    const skipped = await associate({ Parameters: { commands: ['true'] }, CalendarNames: ['freeze'], ScheduleExpression: 'rate(1 hour)' });
    const stopped = await associate({ Targets: [{ Key: 'tag:Role', Values: ['batch'] }], Parameters: { commands: ['exit 3'] }, MaxConcurrency: '1', MaxErrors: '0' });
    const timedOut = await associate({ Targets: [{ Key: 'tag:Role', Values: ['web', 'batch'] }], Parameters: { commands: ['sleep 600'], executionTimeout: ['120'] }, ScheduleExpression: 'rate(30 minutes)', ComplianceSeverity: 'HIGH' });
    const slow = await associate({ Targets: [{ Key: 'InstanceIds', Values: ['*'] }], Parameters: { commands: ['sleep 30'] }, MaxConcurrency: '50%' });
    await associate({ Name: 'Touch', Targets: WEB, AutomationTargetParameterName: 'InstanceId', MaxConcurrency: '1', MaxErrors: '1' });
    await associate({ Name: 'Touch', Targets: undefined, TargetMaps: [{ InstanceId: ['i-0a1b2c3d4e5f60001'] }], TargetLocations: [{ Accounts: ['000000000000'], Regions: ['us-east-1'], TargetLocationMaxConcurrency: '1', TargetLocationMaxErrors: '1' }] });
    await expectRoundTrip(); // fresh: nothing has run
    await t.advance(5);
    await t.ssm.send(new UpdateAssociationCommand({ AssociationId: slow, Parameters: { commands: ['sleep 20'] }, MaxConcurrency: '2' })); // queued behind the running one
    await t.http.post(`/_emulator/fleet/instances/${iid(1)}/stop-agent`).send({}); // runs wait for delivery
    await expectRoundTrip();
    await t.advance(150);
    await expectRoundTrip();
    await t.advance(3 * 3600); // the 30-minute runs supersede each other on the stopped node
    const snap = await expectRoundTrip();
    const byId = snap.store.regions[REGION][AS].byId;
    const executions = Object.values(byId).flatMap((a: any) => a.Executions) as any[];
    const nodes = Object.values(byId).flatMap((a: any) => Object.values(a.Nodes)) as any[];
    expect(new Set(executions.map((e) => e.Status))).toEqual(new Set(['Success', 'Failed', 'Skipped', 'InProgress']));
    expect(new Set(nodes.map((n) => n.Status))).toEqual(new Set(['Pending', 'InProgress', 'Success', 'Failed', 'TimedOut']));
    expect(new Set(executions.map((e) => e.Engine.stopped).filter(Boolean))).toEqual(new Set(['errors', 'superseded']));
    expect(byId[legacy].Status).toMatchObject({ Name: 'Failed', AdditionalInfo: '__proto__' });
    expect(byId[skipped].Executions[0].Status).toBe('Skipped');
    expect(byId[stopped].Executions[0].Engine.stopped).toBe('errors');
    expect(byId[timedOut].Nodes['i-0a1b2c3d4e5f60002'].Status).toBe('TimedOut');
    expect(byId[slow].Engine.queued).toBe('update');
  });
});

describe('associations: a snapshot that would break later calls is refused', () => {
  const association = (s: any) => first(s.byId);

  it('an association without versions', async () => {
    const id = await associate({ Parameters: { commands: ['true'] } });
    await expectRefused((s) => (association(s).Versions = []), AS, `.byId["${id}"].Versions must NOT have fewer than 1 items`, () => t.ssm.send(new ListAssociationsCommand({})));
  });

  it("a node's status set to null", async () => {
    const id = await associate({ Parameters: { commands: ['true'] } });
    await t.advance(60);
    await expectRefused((s) => (association(s).Nodes['i-0a1b2c3d4e5f60001'] = null), AS, `.byId["${id}"].Nodes["i-0a1b2c3d4e5f60001"] must be object`, () =>
      t.ssm.send(new DescribeInstanceAssociationsStatusCommand({ InstanceId: 'i-0a1b2c3d4e5f60001' })),
    );
  });

  it("an execution's targets set to null", async () => {
    const id = await associate({ Parameters: { commands: ['true'] } });
    await t.advance(60);
    await expectRefused((s) => (association(s).Executions[0].Targets = null), AS, `.byId["${id}"].Executions[0].Targets must be array`, () =>
      t.ssm.send(new DescribeAssociationExecutionsCommand({ AssociationId: id })),
    );
  });
});

// ───────────────────────────────────────────── Automation ─────────────────────────────────────────────

const AU = 'automation';

async function automationDocument(Name: string, body: Record<string, unknown>, DocumentType: 'Automation' | 'Automation.ChangeTemplate' = 'Automation') {
  await t.ssm.send(new CreateDocumentCommand({ Name, DocumentType, DocumentFormat: 'YAML', Content: YAML.stringify({ schemaVersion: '0.3', ...body }) }));
}
const startAutomation = async (input: ConstructorParameters<typeof StartAutomationExecutionCommand>[0]) =>
  (await t.ssm.send(new StartAutomationExecutionCommand(input))).AutomationExecutionId!;

/** A runbook that uses every kind of step the engine keeps state for. */
const EVERYTHING = {
  parameters: { Items: { type: 'StringList', default: ['a', '__proto__'] }, Note: { type: 'String', default: 'constructor' } },
  variables: { Count: { type: 'Integer', default: 0 } },
  outputs: ['script.Payload', 'never.Output'],
  mainSteps: [
    { name: 'count', action: 'aws:updateVariable', inputs: { Name: 'variable:Count', Value: 1 } },
    { name: 'each', action: 'aws:loop', inputs: { Iterators: '{{ Items }}', Steps: [{ name: 'put', action: 'aws:executeAwsApi', inputs: { Service: 'ssm', Api: 'PutParameter', Name: '/auto/{{ each.CurrentIteration }}', Value: '{{ each.CurrentIteratorValue }}', Type: 'String', Overwrite: true } }] } },
    { name: 'script', action: 'aws:executeScript', inputs: { Runtime: 'python3.11', Handler: 'h', Script: 'def h(e, c): pass' } },
    { name: 'lambda', action: 'aws:invokeLambdaFunction', onFailure: 'Continue', isCritical: false, inputs: { FunctionName: 'fn' } },
    { name: 'flaky', action: 'aws:executeAwsApi', maxAttempts: 2, onFailure: 'step:shell', inputs: { Service: 'ssm', Api: 'GetParameter', Name: '/missing' } },
    { name: 'never', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
    { name: 'shell', action: 'aws:runCommand', inputs: { DocumentName: 'AWS-RunShellScript', InstanceIds: ['i-0a1b2c3d4e5f60001'], Parameters: { commands: ['sleep 20'] } } },
    { name: 'child', action: 'aws:executeAutomation', inputs: { DocumentName: 'Nap', RuntimeParameters: { Id: ['constructor'] } } },
    { name: 'approve', action: 'aws:approve', timeoutSeconds: 600, onCancel: 'step:cleanup', inputs: { Approvers: ['arn:aws:iam::000000000000:root'], MinRequiredApprovals: 1, Message: 'ok?' } },
    { name: 'pause', action: 'aws:pause', inputs: {} },
    { name: 'slow', action: 'aws:sleep', timeoutSeconds: 5, inputs: { Duration: 'PT1M' } },
    { name: 'cleanup', action: 'aws:sleep', isEnd: true, inputs: { Duration: 'PT1S' } },
  ],
};
const NAP = {
  parameters: { Id: { type: 'String', default: 'none' } },
  mainSteps: [{ name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT10S' } }],
};

describe('automation: a rich state passes its own check', () => {
  it('steps of every kind, loops, variables, waits, children, rate control, change requests, previews, behaviours and preferences', async () => {
    await addNodes(t, 2, () => ({ Tags: { Env: 'dev' } }));
    await automationDocument('Everything', EVERYTHING);
    await automationDocument('Nap', NAP);
    await automationDocument('Restart', {
      executableRunBooks: [{ name: 'Nap', version: '1' }],
      templateInformation: 'restart',
      autoApprovable: true,
      mainSteps: [{ name: 'Review', action: 'aws:approve', timeoutSeconds: 3600, inputs: { Message: 'ok?', MinRequiredApprovals: 1, Approvers: ['arn:aws:iam::000000000000:root'] } }],
    }, 'Automation.ChangeTemplate');
    await t.advance(1);
    await t.ssm.send(new UpdateDocumentMetadataCommand({ Name: 'Restart', DocumentReviews: { Action: 'SendForReview' } }));
    await t.ssm.send(new UpdateDocumentMetadataCommand({ Name: 'Restart', DocumentReviews: { Action: 'Approve' } }));
    await t.http.post('/_emulator/automation/behaviors').send({ DocumentName: 'Everything', StepName: 'script', Payload: { n: [1, null] }, DurationSeconds: 3 }).expect(200);
    await t.http.post('/_emulator/automation/behaviors').send({ DocumentName: 'Everything', StepName: 'lambda', Payload: 'x', FunctionError: 'Unhandled', StatusCode: 500, LogResult: 'bG9n' }).expect(200);
    await t.http.post('/_emulator/automation/behaviors').send({ DocumentName: '__proto__', StepName: 'constructor', Error: 'boom' }).expect(200);
    await t.http.put('/_emulator/automation/preferences').send({ CreateOpsItemsOnFailure: true }).expect(200);

    const tags = [{ Key: '__proto__', Value: 'constructor' }];
    const everything = await startAutomation({ DocumentName: 'Everything', Tags: tags, Parameters: { Note: ['n'] } });
    const interactive = await startAutomation({ DocumentName: 'Nap', Mode: 'Interactive' });
    const byTags = await startAutomation({ DocumentName: 'Nap', TargetParameterName: 'Id', Targets: [{ Key: 'tag:Env', Values: ['dev'] }], MaxConcurrency: '1', MaxErrors: '1' });
    await startAutomation({ DocumentName: 'Nap', TargetMaps: [{ Id: ['a'] }, { Id: ['b'] }] });
    await startAutomation({ DocumentName: 'Nap', TargetLocations: [{ Accounts: ['000000000000'], Regions: ['us-east-1', 'eu-west-1'], TargetLocationMaxConcurrency: '1', TargetLocationMaxErrors: '1' }] });
    const change = (await t.ssm.send(new StartChangeRequestExecutionCommand({ DocumentName: 'Restart', Runbooks: [{ DocumentName: 'Nap', Parameters: { Id: ['x'] } }], ChangeRequestName: '__proto__', ScheduledTime: new Date(TEST_START + 3600_000) }))).AutomationExecutionId!;
    await t.ssm.send(new StartExecutionPreviewCommand({ DocumentName: 'Nap', ExecutionInputs: { Automation: { TargetParameterName: 'Id', Targets: [{ Key: 'tag:Env', Values: ['dev'] }] } } }));
    await t.ssm.send(new StartExecutionPreviewCommand({ DocumentName: 'Nap', ExecutionInputs: { Automation: { Parameters: { Nope: ['x'] } } } }));
    await expectRoundTrip(); // Pending, rate parents with children not started (null)
    await t.advance(1);
    await expectRoundTrip();
    await t.ssm.send(new StopAutomationExecutionCommand({ AutomationExecutionId: byTags, Type: 'Cancel' }));
    await expectRoundTrip(); // cancelling
    await t.advance(30); // the script's sleep, the command, the child
    await expectRoundTrip();
    await t.advance(30);
    const waiting = (await getState()).store.regions[REGION][AU].executions[everything];
    expect(waiting.AutomationExecutionStatus).toBe('Waiting'); // the approval
    await t.ssm.send(new SendAutomationSignalCommand({ AutomationExecutionId: everything, SignalType: 'Approve', Payload: { Comment: ['ok'] } }));
    await expectRoundTrip(); // paused
    await t.ssm.send(new SendAutomationSignalCommand({ AutomationExecutionId: everything, SignalType: 'Resume', Payload: { StepName: ['pause'] } }));
    await t.ssm.send(new SendAutomationSignalCommand({ AutomationExecutionId: interactive, SignalType: 'StartStep', Payload: { StepName: ['nap'] } }));
    await expectRoundTrip();
    await t.advance(3600);
    const end = await expectRoundTrip();
    const all = Object.values(end.store.regions[REGION][AU].executions) as any[];
    const steps = all.flatMap((e) => e.StepExecutions);
    expect(new Set(all.map((e) => e.AutomationExecutionStatus))).toEqual(new Set(['Success', 'TimedOut', 'Cancelled', 'Waiting', 'PendingApproval']));
    expect(new Set(steps.map((s) => s.StepStatus))).toEqual(new Set(['Success', 'Failed', 'TimedOut', 'Cancelled', 'Pending', 'Waiting']));
    expect(end.store.regions[REGION][AU].executions[change].E.change.phase).toBe('approval');
  });
});

describe('automation: a snapshot that would break later calls is refused', () => {
  const running = async () => {
    await automationDocument('Nap', NAP);
    await t.advance(1);
    return startAutomation({ DocumentName: 'Nap', Tags: [{ Key: 'team', Value: 'a' }] });
  };

  it('an execution without its engine state', async () => {
    const id = await running();
    await expectRefused((s) => delete s.executions[id].E, AU, `.executions["${id}"] has no E`, () =>
      t.ssm.send(new StopAutomationExecutionCommand({ AutomationExecutionId: id, Type: 'Cancel' })),
    );
  });

  it('StepExecutions set to null', async () => {
    const id = await running();
    await expectRefused((s) => (s.executions[id].StepExecutions = null), AU, `.executions["${id}"].StepExecutions must be array`, () =>
      t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id })),
    );
  });

  it('Tags set to null', async () => {
    const id = await running();
    await expectRefused((s) => (s.executions[id].Tags = null), AU, `.executions["${id}"].Tags must be array`, () =>
      t.ssm.send(new DescribeAutomationExecutionsCommand({ Filters: [{ Key: 'TagKey', Values: ['team'] }] })),
    );
  });
});

describe('aws:executeAutomation: the child request is checked as StartAutomationExecution checks one', () => {
  it('a Tag without Value or a Targets value that is not text fails the step, and nothing malformed is stored', async () => {
    await automationDocument('Nap', NAP);
    await automationDocument('Parent', {
      mainSteps: [
        { name: 'tag', action: 'aws:executeAutomation', onFailure: 'Continue', inputs: { DocumentName: 'Nap', Tags: [{ Key: 'k' }] } },
        { name: 'targets', action: 'aws:executeAutomation', onFailure: 'Continue', inputs: { DocumentName: 'Nap', TargetParameterName: 'Id', Targets: [{ Key: 'ParameterValues', Values: [1] }] } },
        { name: 'ok', action: 'aws:executeAutomation', inputs: { DocumentName: 'Nap', Tags: [{ Key: 'k', Value: 'v' }] } },
      ],
    });
    await t.advance(1);
    const id = await startAutomation({ DocumentName: 'Parent' });
    await t.advance(60);
    const steps = (await t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id }))).AutomationExecution!.StepExecutions!;
    expect(steps.map((s) => s.StepStatus)).toEqual(['Failed', 'Failed', 'Success']);
    expect(steps[0]!.FailureMessage).toContain("ValidationException: 1 validation error detected: Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be null");
    expect(steps[1]!.FailureMessage).toContain('SerializationException');
    await expectRoundTrip();
  });
});
