import { describe, expect, it, vi } from 'vitest';
import { GetCommandInvocationCommand, ListCommandsCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START } from '../../testing/harness.js';
import { addNode, execution, iid, runbook, start, stepStatuses } from './testkit.js';

const t = useEmulator();

describe('aws:branch, outputs and references', () => {
  it('branches on a parameter with every operator family and And/Or/Not; Default; no match goes on in order', async () => {
    await runbook(t, 'Branchy', {
      parameters: { Os: { type: 'String' }, Size: { type: 'Integer', default: 5 }, Flag: { type: 'Boolean', default: true } },
      mainSteps: [
        {
          name: 'choose',
          action: 'aws:branch',
          inputs: {
            Choices: [
              { NextStep: 'linux', And: [{ Variable: '{{ Os }}', EqualsIgnoreCase: 'LINUX' }, { Variable: '{{ Size }}', NumericGreaterOrEquals: 5 }] },
              { NextStep: 'windows', Or: [{ Variable: '{{ Os }}', StartsWith: 'Win' }, { Variable: '{{ Flag }}', BooleanEquals: false }] },
              { NextStep: 'other', Not: { Variable: '{{ Os }}', Contains: 'mac' } },
            ],
            Default: 'mac',
          },
        },
        { name: 'linux', action: 'aws:sleep', inputs: { Duration: 'PT1S' }, isEnd: true },
        { name: 'windows', action: 'aws:sleep', inputs: { Duration: 'PT1S' }, isEnd: true },
        { name: 'other', action: 'aws:sleep', inputs: { Duration: 'PT1S' }, isEnd: true },
        { name: 'mac', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
      ],
    });
    const run = async (Os: string) => {
      const id = await start(t, { DocumentName: 'Branchy', Parameters: { Os: [Os] } });
      await t.advance(1);
      const s = await stepStatuses(t, id);
      return Object.keys(s).filter((k) => s[k] === 'Success' && k !== 'choose');
    };
    expect(await run('linux')).toEqual(['linux']);
    expect(await run('Windows')).toEqual(['windows']);
    expect(await run('beos')).toEqual(['other']);
    expect(await run('macos')).toEqual(['mac']);
    const id = await start(t, { DocumentName: 'Branchy', Parameters: { Os: ['linux'] } });
    const ex = await execution(t, id);
    expect(ex.StepExecutions![0].ValidNextSteps).toEqual(['linux', 'windows', 'other', 'mac']);
    expect(ex.StepExecutions![2].StepStatus).toBe('Pending');
  });

  it('aws:executeAwsApi calls the emulator (ssm), picks outputs with JSONPath selectors, and later steps and document outputs read them', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/app/size', Value: '3', Type: 'String' }));
    await runbook(t, 'ReadParam', {
      outputs: ['get.Value', 'get.Names', 'branch.Missing'],
      mainSteps: [
        {
          name: 'get',
          action: 'aws:executeAwsApi',
          inputs: { Service: 'ssm', Api: 'GetParameters', Names: ['/app/size'] },
          outputs: [
            { Name: 'Value', Selector: '$.Parameters[0].Value', Type: 'String' },
            { Name: 'Size', Selector: '$.Parameters[0].Value', Type: 'Integer' },
            { Name: 'Names', Selector: '$..Name', Type: 'StringList' },
          ],
        },
        { name: 'branch', action: 'aws:branch', inputs: { Choices: [{ NextStep: 'tag', Variable: '{{ get.Size }}', NumericEquals: 3 }] } },
        { name: 'skipped', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
        {
          name: 'tag',
          action: 'aws:executeAwsApi',
          inputs: { Service: 'ssm', Api: 'put_parameter', Name: '/app/by-{{ automation:EXECUTION_ID }}', Value: '{{ global:ACCOUNT_ID }} {{ global:REGION }} {{ global:DATE_TIME }}', Type: 'String' },
        },
      ],
    });
    const id = await start(t, { DocumentName: 'ReadParam' });
    const ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Success');
    expect(ex.StepExecutions![0].Outputs).toEqual({ Value: ['3'], Size: ['3'], Names: ['/app/size'] });
    expect(ex.StepExecutions!.find((s) => s.StepName === 'skipped')!.StepStatus).toBe('Pending');
    expect(ex.Outputs).toEqual({ 'get.Value': ['3'], 'get.Names': ['/app/size'], 'branch.Missing': ['No output available yet because the step is not successfully executed'] });
    const written = ex.StepExecutions!.find((s) => s.StepName === 'tag')!.Inputs!;
    expect(JSON.parse(written.Name)).toBe(`/app/by-${id}`);
    expect(JSON.parse(written.Value)).toBe('000000000000 us-east-1 2025-01-01_00.00.01');
  });

  it('an AWS error fails the step with boto3\'s wording; an API the emulator does not simulate fails naming it', async () => {
    await runbook(t, 'Bad', {
      mainSteps: [
        { name: 'missing', action: 'aws:executeAwsApi', onFailure: 'Continue', inputs: { Service: 'ssm', Api: 'GetParameter', Name: '/nope' } },
        { name: 's3', action: 'aws:executeAwsApi', inputs: { Service: 's3', Api: 'ListBuckets' } },
      ],
    });
    const id = await start(t, { DocumentName: 'Bad' });
    const ex = await execution(t, id);
    expect(ex.StepExecutions![0]).toMatchObject({ StepStatus: 'Failed', FailureDetails: { FailureStage: 'Invocation', FailureType: 'Action', Details: { ExceptionCode: ['ParameterNotFound'] } } });
    expect(ex.StepExecutions![0].FailureMessage).toMatch(/^Step fails when it is Execute\/Cancel action\. An error occurred \(ParameterNotFound\) when calling the GetParameter operation: /);
    expect(ex.StepExecutions![1].FailureMessage).toMatch(/does not simulate s3:ListBuckets/);
    expect(ex.AutomationExecutionStatus).toBe('Failed');
    expect(ex.FailureMessage).toBe(ex.StepExecutions![1].FailureMessage);
  });

  it('onFailure step:<name> jumps and still fails the execution (isCritical); isCritical false keeps Success; maxAttempts retries', async () => {
    await runbook(t, 'Recover', {
      mainSteps: [
        { name: 'try', action: 'aws:executeAwsApi', maxAttempts: 3, onFailure: 'step:recover', inputs: { Service: 'ssm', Api: 'GetParameter', Name: '/nope' } },
        { name: 'never', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
        { name: 'recover', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
      ],
    });
    const id = await start(t, { DocumentName: 'Recover' });
    await t.advance(1);
    let ex = await execution(t, id);
    expect(ex.StepExecutions![0].FailureMessage).toMatch(/^Step try failed maximum allowed times\. Step fails when it is/);
    expect(await stepStatuses(t, id)).toEqual({ try: 'Failed', never: 'Pending', recover: 'Success' });
    expect(ex.AutomationExecutionStatus).toBe('Failed');
    await runbook(t, 'Soft', {
      mainSteps: [
        { name: 'try', action: 'aws:executeAwsApi', isCritical: false, onFailure: 'step:recover', inputs: { Service: 'ssm', Api: 'GetParameter', Name: '/nope' } },
        { name: 'recover', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
      ],
    });
    const soft = await start(t, { DocumentName: 'Soft' });
    await t.advance(1);
    ex = await execution(t, soft);
    expect(ex.AutomationExecutionStatus).toBe('Success');
  });

  it('a reference to an output that does not exist fails the step', async () => {
    await runbook(t, 'Dangling', { mainSteps: [{ name: 'use', action: 'aws:sleep', inputs: { Duration: '{{ nothere.Value }}' } }] });
    const ex = await execution(t, await start(t, { DocumentName: 'Dangling' }));
    expect(ex.AutomationExecutionStatus).toBe('Failed');
    expect(ex.StepExecutions![0].FailureDetails!.FailureStage).toBe('InputValidation');
  });

  it('a step that runs past timeoutSeconds ends TimedOut, and so does the execution', async () => {
    await runbook(t, 'Slow', { mainSteps: [{ name: 'nap', action: 'aws:sleep', timeoutSeconds: 5, inputs: { Duration: 'PT1M' } }] });
    const id = await start(t, { DocumentName: 'Slow' });
    await t.advance(5);
    const ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('TimedOut');
    expect(ex.StepExecutions![0]).toMatchObject({ StepStatus: 'TimedOut', TimeoutSeconds: 5 });
  });
});

describe('actions on the fleet', () => {
  it('aws:runCommand runs a real command (ListCommands shows it) and outputs its result; a failing command fails the step', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    await runbook(t, 'Cmd', {
      mainSteps: [
        { name: 'hello', action: 'aws:runCommand', inputs: { DocumentName: 'AWS-RunShellScript', Targets: [{ Key: 'tag:Role', Values: ['web'] }], Parameters: { commands: ['echo hello'] } } },
        { name: 'boom', action: 'aws:runCommand', inputs: { DocumentName: 'AWS-RunShellScript', InstanceIds: [iid(1)], Parameters: { commands: ['exit 3'] } } },
      ],
    });
    const id = await start(t, { DocumentName: 'Cmd' });
    await t.advance(5);
    const ex = await execution(t, id);
    const out = ex.StepExecutions![0].Outputs!;
    expect(out.Status).toEqual(['Success']);
    expect(out.Output).toEqual(['hello\n']);
    const cmds = (await t.ssm.send(new ListCommandsCommand({}))).Commands!;
    expect(cmds.map((c) => c.CommandId)).toContain(out.CommandId[0]);
    expect(ex.StepExecutions![1].StepStatus).toBe('Failed');
    expect(ex.StepExecutions![1].FailureMessage).toMatch(/^Step fails when it is verifying the command has completed\. Command [0-9a-f-]+ returns unexpected invocation result: \n\{Status=\[Failed\], ResponseCode=\[3\]/);
    expect(ex.AutomationExecutionStatus).toBe('Failed');
  });

  it('AWS-UpdateSSMAgent through aws:runCommand updates the node\'s agent', async () => {
    await addNode(t.http, { InstanceId: iid(1), AgentVersion: '3.2.0.0' });
    await runbook(t, 'Update', { mainSteps: [{ name: 'update', action: 'aws:runCommand', inputs: { DocumentName: 'AWS-UpdateSSMAgent', InstanceIds: [iid(1)] } }] });
    const id = await start(t, { DocumentName: 'Update' });
    await t.advance(65);
    expect((await execution(t, id)).AutomationExecutionStatus).toBe('Success');
    const node = (await t.http.get('/_emulator/fleet/instances')).body.instances[0];
    expect(node.AgentVersion).not.toBe('3.2.0.0');
    expect(node.IsLatestVersion).toBe(true);
  });

  it('AWS-RestartEC2Instance stops and starts the instance: the agent goes offline and comes back', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const id = await start(t, { DocumentName: 'AWS-RestartEC2Instance', Parameters: { InstanceId: [iid(1)] } });
    let ex = await execution(t, id);
    expect(ex.CurrentStepName).toBe('stopInstances');
    const nodes = async () => (await t.http.get('/_emulator/fleet/instances')).body.instances[0];
    expect(await nodes()).toMatchObject({ InstanceState: 'stopping', AgentRunning: false, PingStatus: 'ConnectionLost' });
    await t.advance(30);
    // Stopped at 30 s; the step's poll sees it at once and startInstances starts the instance again.
    ex = await execution(t, id);
    expect(ex.StepExecutions![0]).toMatchObject({ StepStatus: 'Success', Outputs: { InstanceStates: ['stopped'] } });
    expect(ex.CurrentStepName).toBe('startInstances');
    expect((await nodes()).InstanceState).toBe('pending');
    await t.advance(15);
    ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Success');
    expect(ex.StepExecutions![1].Outputs).toEqual({ InstanceStates: ['running'] });
    await t.advance(10);
    expect(await nodes()).toMatchObject({ InstanceState: 'running', AgentRunning: true, PingStatus: 'Online' });
  });

  it('AWS-CreateImage makes an image and outputs its id once it is available', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const id = await start(t, { DocumentName: 'AWS-CreateImage', Parameters: { InstanceId: [iid(1)], NoReboot: ['true'] } });
    await t.advance(65);
    const ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Success');
    expect(ex.Outputs!['createImage.ImageId'][0]).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(ex.StepExecutions![0].Outputs!.ImageState).toEqual(['available']);
  });

  it('aws:createTags tags instances; aws:executeAwsApi ec2 DescribeInstances and aws:waitForAwsResourceProperty read the fleet', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await runbook(t, 'Ec2', {
      mainSteps: [
        { name: 'tag', action: 'aws:createTags', inputs: { ResourceIds: [iid(1)], Tags: [{ Key: 'Env', Value: 'prod' }] } },
        { name: 'stop', action: 'aws:executeAwsApi', inputs: { Service: 'ec2', Api: 'StopInstances', InstanceIds: [iid(1)] }, outputs: [{ Name: 'State', Selector: '$.StoppingInstances[0].CurrentState.Name', Type: 'String' }] },
        { name: 'wait', action: 'aws:waitForAwsResourceProperty', timeoutSeconds: 120, inputs: { Service: 'ec2', Api: 'DescribeInstances', InstanceIds: [iid(1)], PropertySelector: '$.Reservations[0].Instances[0].State.Name', DesiredValues: ['stopped'] } },
        { name: 'check', action: 'aws:assertAwsResourceProperty', inputs: { Service: 'ec2', Api: 'DescribeInstances', Filters: [{ Name: 'tag:Env', Values: ['prod'] }], PropertySelector: '$.Reservations[0].Instances[0].State.Code', DesiredValues: ['80'] } },
      ],
    });
    const id = await start(t, { DocumentName: 'Ec2' });
    let ex = await execution(t, id);
    expect(ex.StepExecutions![1].Outputs).toEqual({ State: ['stopping'] });
    expect(ex.CurrentStepName).toBe('wait');
    await t.advance(35);
    ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Success');
  });

  it('aws:executeScript and aws:invokeLambdaFunction return fixture behaviours, and fail saying so without one', async () => {
    await runbook(t, 'Scripted', {
      mainSteps: [
        { name: 'script', action: 'aws:executeScript', inputs: { Runtime: 'python3.8', Handler: 'h', Script: 'def h(e, c): return {"n": 2}' }, outputs: [{ Name: 'N', Selector: '$.Payload.n', Type: 'Integer' }] },
        { name: 'fn', action: 'aws:invokeLambdaFunction', inputs: { FunctionName: 'f' } },
        { name: 'nofixture', action: 'aws:executeScript', inputs: { Runtime: 'python3.8', Handler: 'h', Script: 'x' } },
      ],
    });
    await t.http.post('/_emulator/automation/behaviors').send({ DocumentName: 'Scripted', StepName: 'script', Payload: { n: 2 }, DurationSeconds: 3 }).expect(200);
    await t.http.post('/_emulator/automation/behaviors').send({ DocumentName: 'Scripted', StepName: 'fn', Payload: { ok: true } }).expect(200);
    const id = await start(t, { DocumentName: 'Scripted' });
    await t.advance(3);
    const ex = await execution(t, id);
    expect(ex.StepExecutions![0].Outputs).toEqual({ Payload: ['{"n":2}'], N: ['2'] });
    expect(ex.StepExecutions![1].Outputs).toEqual({ StatusCode: ['200'], Payload: ['{"ok":true}'] });
    expect(ex.StepExecutions![2].FailureMessage).toMatch(/No code runs in the emulator: aws:executeScript step nofixture of Scripted has no fixture behaviour/);
  });

  it('aws:executeAutomation runs a child execution and outputs its id and status', async () => {
    await runbook(t, 'Child', { parameters: { N: { type: 'String' } }, mainSteps: [{ name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT2S' } }] });
    await runbook(t, 'Parent', { mainSteps: [{ name: 'call', action: 'aws:executeAutomation', inputs: { DocumentName: 'Child', RuntimeParameters: { N: ['1'] } } }] });
    const id = await start(t, { DocumentName: 'Parent' });
    await t.advance(2);
    const ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Success');
    const childId = ex.StepExecutions![0].Outputs!.ExecutionId[0];
    const child = await execution(t, childId);
    expect(child).toMatchObject({ ParentAutomationExecutionId: id, AutomationExecutionStatus: 'Success', Parameters: { N: ['1'] } });
  });

  it('aws:loop runs its steps for each iterator, with ParentStepDetails, and outputs the iteration', async () => {
    await runbook(t, 'Loop', {
      parameters: { Items: { type: 'StringList', default: ['a', 'b', 'c'] } },
      mainSteps: [
        {
          name: 'each',
          action: 'aws:loop',
          inputs: {
            Iterators: '{{ Items }}',
            Steps: [{ name: 'put', action: 'aws:executeAwsApi', inputs: { Service: 'ssm', Api: 'PutParameter', Name: '/loop/{{ each.CurrentIteratorValue }}', Value: 'n{{ each.CurrentIteration }}', Type: 'String' } }],
          },
        },
        { name: 'after', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
      ],
    });
    const id = await start(t, { DocumentName: 'Loop' });
    await t.advance(1);
    const ex = await execution(t, id);
    expect(ex.FailureMessage ?? "").toBe("");
    expect(ex.AutomationExecutionStatus).toBe('Success');
    const inner = ex.StepExecutions!.filter((s) => s.StepName === 'put');
    expect(inner.map((s) => [s.ParentStepDetails!.Iteration, s.ParentStepDetails!.IteratorValue, s.StepStatus])).toEqual([
      [1, 'a', 'Success'],
      [2, 'b', 'Success'],
      [3, 'c', 'Success'],
    ]);
    expect(ex.StepExecutions![0]).toMatchObject({ StepName: 'each', StepStatus: 'Success', Outputs: { CurrentIteration: ['3'], CurrentIteratorValue: ['c'] } });
    void TEST_START;
    void GetCommandInvocationCommand;
  });
});

describe('a defect inside an action', () => {
  it('fails the step (Internal) instead of leaving the execution InProgress for ever', async () => {
    const { ACTIONS } = await import('../../sim/automation/actions.js');
    await runbook(t, 'SleepsOnce', { mainSteps: [{ name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    const spy = vi.spyOn(ACTIONS['aws:sleep']!, 'start').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'State')");
    });
    try {
      const id = await start(t, { DocumentName: 'SleepsOnce' });
      await t.advance(1);
      const ex = await execution(t, id);
      expect(ex.AutomationExecutionStatus).toBe('Failed');
      expect(ex.StepExecutions![0].StepStatus).toBe('Failed');
      expect(ex.StepExecutions![0].FailureMessage).toContain("the emulator's simulation of aws:sleep failed: Cannot read properties of undefined");
      expect(ex.StepExecutions![0].FailureDetails?.FailureType).toBe('Internal');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('names that are built-in object keys', () => {
  it('a step and an output named __proto__ keep their outputs for later steps and the document outputs', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/app/proto', Value: '7', Type: 'String' }));
    await runbook(t, 'ProtoNames', {
      outputs: ['__proto__.__proto__', 'constructor.Value'],
      mainSteps: [
        {
          name: '__proto__',
          action: 'aws:executeAwsApi',
          inputs: { Service: 'ssm', Api: 'GetParameter', Name: '/app/proto' },
          outputs: [{ Name: '__proto__', Selector: '$.Parameter.Value', Type: 'String' }],
        },
        {
          name: 'constructor',
          action: 'aws:executeAwsApi',
          inputs: { Service: 'ssm', Api: 'GetParameter', Name: '/app/proto' },
          outputs: [{ Name: 'Value', Selector: '$.Parameter.Name', Type: 'String' }],
        },
        { name: 'uses', action: 'aws:branch', inputs: { Choices: [{ NextStep: 'seven', Variable: '{{ __proto__.__proto__ }}', StringEquals: '7' }], Default: 'other' } },
        { name: 'other', action: 'aws:sleep', inputs: { Duration: 'PT1S' }, isEnd: true },
        { name: 'seven', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
      ],
    });
    const id = await start(t, { DocumentName: 'ProtoNames' });
    await t.advance(2);
    const ex = await execution(t, id);
    expect(ex.AutomationExecutionStatus).toBe('Success');
    // (the step's own Outputs map is not asserted: the SDK's map deserializer assigns `__proto__` as a prototype)
    expect(ex.Outputs).toEqual({ '__proto__.__proto__': ['7'], 'constructor.Value': ['/app/proto'] });
    expect((await stepStatuses(t, id)).seven).toBe('Success');
  });
});
