import { describe, expect, it } from 'vitest';
import { CreateDocumentCommand, ModifyDocumentPermissionCommand, PutParameterCommand, UpdateDocumentCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { sha256 } from './content.js';
import {
  prepareExecution,
  renderExecution,
  resolveDocument,
  resolveParameters,
  stepApplies,
  substituteReferences,
  toWireParameters,
  type DocumentReference,
} from './resolve.js';
import { InvalidDocumentType } from '../../generated/ssm/errors.js';

const t = useEmulator();
const A = '000000000000';
const B = '111111111111';
const C = '222222222222';
const ctxOf = (account = A, region = 'us-east-1') => t.emu.context(account, region);
const resolve = (ref: DocumentReference, opts = {}, account = A) => resolveDocument(ctxOf(account), ref, opts);
const fails = (f: () => unknown): Error & { code?: string } => {
  try {
    f();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected an error');
};

const typed = JSON.stringify({
  schemaVersion: '2.2',
  description: 'Every parameter type',
  parameters: {
    name: { type: 'String', allowedPattern: '[a-z]+', minChars: 2, maxChars: 8 },
    mode: { type: 'String', default: 'fast', allowedValues: ['fast', 'slow'] },
    list: { type: 'StringList', default: ['a', 'b'], minItems: 1, maxItems: 3 },
    flag: { type: 'Boolean', default: false },
    count: { type: 'Integer', default: 2 },
    map: { type: 'StringMap', default: { k: 'v' } },
    maps: { type: 'MapList', default: [{ a: 1 }] },
  },
  mainSteps: [
    {
      action: 'aws:runShellScript',
      name: 'linux',
      precondition: { StringEquals: ['platformType', 'Linux'] },
      inputs: {
        runCommand: ['echo start', '{{ list }}', 'echo {{ name }} in {{mode}} mode x{{ count }} ({{ list }})', 'echo {{ global:REGION }} {{ automation:EXECUTION_ID }}'],
        flag: '{{ flag }}',
        count: '{{ count }}',
        map: '{{ map }}',
        maps: '{{ maps }}',
      },
    },
    { action: 'aws:runPowerShellScript', name: 'windows', precondition: { StringEquals: ['platformType', 'Windows'] }, inputs: { runCommand: ['{{ list }}'] } },
  ],
});

async function createActive(name: string, content: string, extra: Record<string, unknown> = {}, client = t.ssm) {
  await client.send(new CreateDocumentCommand({ Name: name, Content: content, ...extra }));
  await t.advance(1);
}

describe('resolveDocument', () => {
  it('finds AWS-owned documents by name and by their account-less ARN', () => {
    const byName = resolve({ name: 'AWS-RunShellScript' });
    expect(byName).toMatchObject({
      name: 'AWS-RunShellScript',
      owner: 'Amazon',
      ownership: 'amazon',
      arn: 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript',
      documentType: 'Command',
      documentVersion: '1',
      schemaVersion: '1.2',
      platformTypes: ['Linux', 'MacOS'],
      hashType: 'Sha256',
    });
    expect(byName.hash).toBe(sha256(byName.content));
    expect(resolve({ name: 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript' }).name).toBe('AWS-RunShellScript');
  });

  it('finds the caller\'s documents by name and ARN, and selects $DEFAULT, $LATEST, numbers and version names', async () => {
    await createActive('mine', typed, { VersionName: 'one' });
    await t.ssm.send(new UpdateDocumentCommand({ Name: 'mine', Content: typed.replace('Every', 'All'), DocumentVersion: '$LATEST', VersionName: 'two' }));
    await t.advance(1);
    expect(resolve({ name: 'mine' }).documentVersion).toBe('1');
    expect(resolve({ name: `arn:aws:ssm:us-east-1:${A}:document/mine` }).owner).toBe(A);
    expect(resolve({ name: 'mine', version: '$LATEST' }).documentVersion).toBe('2');
    expect(resolve({ name: 'mine', version: '2' }).description).toBe('All parameter type');
    expect(resolve({ name: 'mine', versionName: 'two' }).documentVersion).toBe('2');
    expect(fails(() => resolve({ name: 'mine', version: '9' })).name).toBe('InvalidDocumentVersion');
    expect(fails(() => resolve({ name: 'mine', versionName: 'nine' })).name).toBe('InvalidDocumentVersion');
  });

  it('answers InvalidDocument for an unknown document and for an ARN of another region', async () => {
    expect(fails(() => resolve({ name: 'nothing-here' })).name).toBe('InvalidDocument');
    await createActive('regional', typed);
    expect(fails(() => resolve({ name: `arn:aws:ssm:eu-west-1:${A}:document/regional` })).name).toBe('InvalidDocument');
  });

  it('checks the document hash when one is given', async () => {
    await createActive('hashed', typed);
    expect(resolve({ name: 'hashed', hash: sha256(typed), hashType: 'Sha256' }).name).toBe('hashed');
    const sha1 = (await import('node:crypto')).createHash('sha1').update(typed).digest('hex');
    expect(resolve({ name: 'hashed', hash: sha1, hashType: 'Sha1' }).name).toBe('hashed');
    const e = fails(() => resolve({ name: 'hashed', hash: 'f'.repeat(64) }));
    expect(e.name).toBe('InvalidDocument');
    expect(e.message).toContain('hash');
  });

  it('refuses documents of a type the capability does not run, with InvalidDocument or the error it asks for', () => {
    const e = fails(() => resolve({ name: 'AWS-StopEC2Instance' }, { types: ['Command'] }));
    expect(e.name).toBe('InvalidDocument');
    expect(e.message).toContain('Automation');
    const custom = fails(() => resolve({ name: 'AWS-StopEC2Instance' }, { types: ['ChangeCalendar'], typeError: (msg: string) => new InvalidDocumentType(msg) }));
    expect(custom.name).toBe('InvalidDocumentType');
  });

  it('refuses a version that is not Active yet, unless asked not to', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'fresh', Content: typed }));
    const e = fails(() => resolve({ name: 'fresh' }));
    expect(e.name).toBe('InvalidDocument');
    expect(e.message).toContain('Creating');
    expect(resolve({ name: 'fresh' }, { requireActive: false }).name).toBe('fresh');
  });

  it('lets another account run a shared document by ARN only, and refuses a third account', async () => {
    await createActive('shared-doc', typed);
    await t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'shared-doc', PermissionType: 'Share', AccountIdsToAdd: [B] }));
    const arn = `arn:aws:ssm:us-east-1:${A}:document/shared-doc`;
    expect(resolve({ name: arn }, {}, B)).toMatchObject({ name: 'shared-doc', owner: A, ownership: 'shared', arn });
    expect(fails(() => resolve({ name: 'shared-doc' }, {}, B)).name).toBe('InvalidDocument');
    expect(fails(() => resolve({ name: arn }, {}, C)).name).toBe('InvalidDocument');
  });

  it('exposes only the shared version to the other account', async () => {
    await createActive('shared-v', typed);
    await t.ssm.send(new UpdateDocumentCommand({ Name: 'shared-v', Content: typed.replace('Every', 'Each'), DocumentVersion: '$LATEST' }));
    await t.advance(1);
    await t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'shared-v', PermissionType: 'Share', AccountIdsToAdd: [B] }));
    const arn = `arn:aws:ssm:us-east-1:${A}:document/shared-v`;
    expect(resolve({ name: arn }, {}, B).documentVersion).toBe('1');
    expect(fails(() => resolve({ name: arn, version: '2' }, {}, B)).name).toBe('InvalidDocumentVersion');
  });
});

describe('resolveParameters', () => {
  const doc = () => resolve({ name: 'typed' });
  const setup = () => createActive('typed', typed);

  it('fills defaults and types every value', async () => {
    await setup();
    const r = resolveParameters(doc(), { name: ['abc'] });
    expect(r.values).toEqual({ name: 'abc', mode: 'fast', list: ['a', 'b'], flag: false, count: 2, map: { k: 'v' }, maps: [{ a: 1 }] });
    expect(r.supplied).toEqual({ name: ['abc'] });
    expect(r.defaulted).toEqual(['mode', 'list', 'flag', 'count', 'map', 'maps']);
  });

  it('converts the wire form (lists of strings) to each type', async () => {
    await setup();
    const r = resolveParameters(doc(), {
      name: ['abc'],
      list: ['x', 'y', 'z'],
      flag: ['TRUE'],
      count: ['12'],
      map: ['{"a":"b"}'],
      maps: ['{"x":1}', '{"y":2}'],
    });
    expect(r.values).toMatchObject({ list: ['x', 'y', 'z'], flag: true, count: 12, map: { a: 'b' }, maps: [{ x: 1 }, { y: 2 }] });
    expect(resolveParameters(doc(), { name: ['abc'], maps: ['[{"x":1},{"y":2}]'] }).values.maps).toEqual([{ x: 1 }, { y: 2 }]);
  });

  it('accepts typed values (the Automation form)', async () => {
    await setup();
    const r = resolveParameters(doc(), { name: 'abc', flag: true, count: 5, map: { a: 'b' }, maps: [{ q: 1 }], list: ['p'] }, { style: 'automation' });
    expect(r.values).toMatchObject({ name: 'abc', flag: true, count: 5, map: { a: 'b' }, maps: [{ q: 1 }], list: ['p'] });
    expect(r.supplied).toEqual({ name: ['abc'], flag: ['true'], count: ['5'], map: ['{"a":"b"}'], maps: ['{"q":1}'], list: ['p'] });
  });

  it('refuses a parameter the document does not declare, in Run Command and Automation wording', async () => {
    await setup();
    const c = fails(() => resolveParameters(doc(), { name: ['abc'], extra: ['1'] }));
    expect(c.name).toBe('InvalidParameters');
    expect(c.message).toBe('document typed does not support parameters.');
    const a = fails(() => resolveParameters(doc(), { name: ['abc'], extra: ['1'] }, { style: 'automation' }));
    expect(a.name).toBe('InvalidAutomationExecutionParametersException');
    expect(a.message).toContain('extra');
  });

  it('requires parameters that have no default', async () => {
    await setup();
    const c = fails(() => resolveParameters(doc(), {}));
    expect(c.name).toBe('InvalidParameters');
    expect(c.message).toContain('"name"');
    const a = fails(() => resolveParameters(doc(), { name: [] }, { style: 'automation' }));
    expect(a.name).toBe('InvalidAutomationExecutionParametersException');
    expect(a.message).toBe('Missing required parameter: name in user inputs.');
  });

  it('checks types', async () => {
    await setup();
    for (const bad of <Record<string, string[]>[]>[{ name: ['a', 'b'] }, { name: ['abc'], flag: ['yes'] }, { name: ['abc'], count: ['1.5'] }, { name: ['abc'], map: ['[1]'] }, { name: ['abc'], maps: ['nope'] }]) {
      const e = fails(() => resolveParameters(doc(), bad));
      expect(e.name).toBe('InvalidParameters');
      expect(e.message).toMatch(/^Parameter "\w+" of type \w+ /);
    }
  });

  it('checks allowedValues, naming the value and the allowed list', async () => {
    await setup();
    const c = fails(() => resolveParameters(doc(), { name: ['abc'], mode: ['medium'] }));
    expect(c.message).toBe('Parameter "mode" has value "medium" not found in [fast, slow].');
    const a = fails(() => resolveParameters(doc(), { name: ['abc'], mode: ['medium'] }, { style: 'automation' }));
    expect(a.name).toBe('InvalidAutomationExecutionParametersException');
    expect(a.message).toBe('Parameter "mode" has value "medium" not found in [fast, slow].');
  });

  it('matches allowedPattern against the whole value', async () => {
    await setup();
    expect(fails(() => resolveParameters(doc(), { name: ['abc1'] })).message).toContain('[a-z]+');
    const rs = resolve({ name: 'AWS-RunShellScript' });
    expect(resolveParameters(rs, { commands: ['ls'], executionTimeout: ['172800'] }).values.executionTimeout).toBe('172800');
    for (const bad of ['172801', 'abc1', '0']) {
      const e = fails(() => resolveParameters(rs, { commands: ['ls'], executionTimeout: [bad] }));
      expect(e.name).toBe('InvalidParameters');
      expect(e.message).toContain('executionTimeout');
    }
  });

  it('checks minItems, maxItems, minChars and maxChars', async () => {
    await setup();
    expect(fails(() => resolveParameters(doc(), { name: ['abc'], list: [] })).message).toContain('at least 1');
    expect(fails(() => resolveParameters(doc(), { name: ['abc'], list: ['1', '2', '3', '4'] })).message).toContain('at most 3');
    expect(fails(() => resolveParameters(doc(), { name: ['a'] })).message).toContain('shorter than 2');
    expect(fails(() => resolveParameters(doc(), { name: ['abcdefghi'] })).message).toContain('longer than 8');
    const rs = resolve({ name: 'AWS-RunShellScript' });
    expect(fails(() => resolveParameters(rs, { commands: [] })).message).toContain('at least 1');
  });

  it('lets the caller choose the error class', async () => {
    await setup();
    const e = fails(() => resolveParameters(doc(), {}, { error: (msg) => new InvalidDocumentType(msg) }));
    expect(e.name).toBe('InvalidDocumentType');
  });
});

describe('renderExecution', () => {
  it('renders a schema 1.2 document: the StringList becomes runCommand, Strings fill the other inputs', () => {
    const run = prepareExecution(ctxOf(), { name: 'AWS-RunShellScript' }, { commands: ['echo one', 'echo two'] });
    expect(run.steps).toEqual([
      expect.objectContaining({
        name: 'aws:runShellScript',
        action: 'aws:runShellScript',
        id: '0.aws:runShellScript',
        platforms: ['Linux', 'MacOS'],
        inputs: { runCommand: ['echo one', 'echo two'], workingDirectory: '', timeoutSeconds: '3600' },
      }),
    ]);
    expect(run.parameters).toEqual({ commands: ['echo one', 'echo two'], workingDirectory: '', executionTimeout: '3600' });
  });

  it('spreads list elements, types whole references, writes embedded references as text and keeps system variables', async () => {
    await createActive('typed', typed);
    const run = prepareExecution(ctxOf(), { name: 'typed' }, { name: ['abc'], list: ['l1', 'l2'], flag: ['true'] });
    expect(run.steps[0].inputs).toEqual({
      runCommand: ['echo start', 'l1', 'l2', 'echo abc in fast mode x2 (l1,l2)', 'echo {{ global:REGION }} {{ automation:EXECUTION_ID }}'],
      flag: true,
      count: 2,
      map: { k: 'v' },
      maps: [{ a: 1 }],
    });
    expect(run.steps[1].inputs).toEqual({ runCommand: ['l1', 'l2'] });
  });

  it('keeps the document untouched while rendering', async () => {
    await createActive('typed', typed);
    const doc = resolve({ name: 'typed' });
    const before = JSON.stringify(doc.steps);
    renderExecution(ctxOf(), doc, resolveParameters(doc, { name: ['abc'] }));
    expect(JSON.stringify(doc.steps)).toBe(before);
  });

  it('applies 2.2 preconditions and plugin platforms per instance platform', async () => {
    await createActive('typed', typed);
    const run = prepareExecution(ctxOf(), { name: 'typed' }, { name: ['abc'] });
    expect(run.steps.filter((s) => stepApplies(s, 'Linux')).map((s) => s.name)).toEqual(['linux']);
    expect(run.steps.filter((s) => stepApplies(s, 'Windows')).map((s) => s.name)).toEqual(['windows']);
    expect(run.steps.filter((s) => stepApplies(s, 'MacOS')).map((s) => s.name)).toEqual([]);
    const ps = prepareExecution(ctxOf(), { name: 'AWS-RunPowerShellScript' }, { commands: ['dir'] });
    expect(stepApplies(ps.steps[0], 'Windows')).toBe(true);
    const sh = prepareExecution(ctxOf(), { name: 'AWS-RunShellScript' }, { commands: ['ls'] });
    expect(stepApplies(sh.steps[0], 'Windows')).toBe(false);
  });

  it('renders Automation steps with typed values (Boolean stays a boolean)', () => {
    const run = prepareExecution(ctxOf(), { name: 'AWS-CreateImage' }, { InstanceId: ['i-0123456789abcdef0'], NoReboot: ['true'] }, { style: 'automation' });
    expect(run.steps[0]).toMatchObject({
      name: 'createImage',
      action: 'aws:createImage',
      inputs: { InstanceId: 'i-0123456789abcdef0', ImageName: 'i-0123456789abcdef0_{{automation:EXECUTION_ID}}', NoReboot: true },
      options: { onFailure: 'Abort' },
    });
    expect(run.document.assumeRole).toBe('{{ AutomationAssumeRole }}');
  });

  it('renders a Session document\'s properties', () => {
    const run = prepareExecution(ctxOf(), { name: 'AWS-StartPortForwardingSessionToRemoteHost' }, { host: ['db.internal'], portNumber: ['5432'] });
    expect(run.session).toEqual({
      sessionType: 'Port',
      properties: { portNumber: '5432', type: 'LocalPortForwarding', localPortNumber: '0', host: 'db.internal' },
    });
    expect(run.steps).toEqual([]);
    expect(fails(() => prepareExecution(ctxOf(), { name: 'AWS-StartSSHSession' }, { portNumber: ['70000'] })).name).toBe('InvalidParameters');
  });

  it('substituteReferences leaves unknown references alone and toWireParameters gives the wire form', () => {
    expect(substituteReferences({ a: '{{ x }}', b: ['{{ y }}', '{{ z }}'], c: 'p{{x}}q' }, (n) => ({ x: 1, y: ['1', '2'] })[n])).toEqual({
      a: 1,
      b: ['1', '2', '{{ z }}'],
      c: 'p1q',
    });
    expect(toWireParameters({ s: 'a', l: ['b'], t: true, n: 3, m: { k: 1 }, ml: [{ k: 2 }] })).toEqual({
      s: ['a'],
      l: ['b'],
      t: ['true'],
      n: ['3'],
      m: ['{"k":1}'],
      ml: ['{"k":2}'],
    });
  });
});

// These need Parameter Store (readParameter in emulator/services/parameters/lookup.ts).
describe('renderExecution with Parameter Store references', () => {
  const put = (Name: string, Value: string, Type: 'String' | 'StringList' | 'SecureString' = 'String') =>
    t.ssm.send(new PutParameterCommand({ Name, Value, Type, Overwrite: true }));

  it('resolves {{ssm:name}} in caller values at execution time, and checks the resolved value', async () => {
    await put('/app/timeout', '600');
    const run = prepareExecution(ctxOf(), { name: 'AWS-RunShellScript' }, { commands: ['echo {{ssm:/app/timeout}}'], executionTimeout: ['{{ ssm:/app/timeout }}'] });
    expect(run.steps[0].inputs).toMatchObject({ runCommand: ['echo 600'], timeoutSeconds: '600' });
    await put('/app/timeout', 'never');
    const e = fails(() => prepareExecution(ctxOf(), { name: 'AWS-RunShellScript' }, { commands: ['ls'], executionTimeout: ['{{ssm:/app/timeout}}'] }));
    expect(e.name).toBe('InvalidParameters');
    expect(e.message).toContain('executionTimeout');
  });

  it('resolves {{ssm:name:version}} and references in the document\'s own defaults and inputs', async () => {
    await put('greeting', 'hello');
    await put('greeting', 'bonjour');
    const content = JSON.stringify({
      schemaVersion: '2.2',
      parameters: { words: { type: 'StringList', default: ['{{ssm:greeting}}'] } },
      mainSteps: [{ action: 'aws:runShellScript', name: 'run', inputs: { runCommand: ['{{ words }}', 'echo {{ssm:greeting:1}}'] } }],
    });
    await createActive('ssm-refs', content);
    const run = prepareExecution(ctxOf(), { name: 'ssm-refs' });
    expect(run.steps[0].inputs).toEqual({ runCommand: ['bonjour', 'echo hello'] });
  });

  it('answers InvalidParameters for a missing parameter, and for a SecureString reached through {{ssm:...}}', async () => {
    const missing = fails(() => prepareExecution(ctxOf(), { name: 'AWS-RunShellScript' }, { commands: ['echo {{ssm:/nope}}'] }));
    expect(missing.name).toBe('InvalidParameters');
    expect(missing.message).toContain('{{ssm:/nope}}');
    await put('/secret', 's3cr3t', 'SecureString');
    const secure = fails(() => prepareExecution(ctxOf(), { name: 'AWS-RunShellScript' }, { commands: ['echo {{ssm:/secret}}'] }));
    expect(secure.name).toBe('InvalidParameters');
    expect(secure.message).toContain('SecureString');
  });

  it('resolves {{ssm-secure:name}} only inside aws:downloadContent sourceInfo', async () => {
    await put('/token', 'ghp_secret', 'SecureString');
    const run = prepareExecution(ctxOf(), { name: 'AWS-RunRemoteScript' }, {
      sourceType: ['GitHub'],
      sourceInfo: ['{"owner":"me","repository":"scripts","path":"run.sh","tokenInfo":"{{ssm-secure:/token}}"}'],
      commandLine: ['run.sh'],
    });
    expect((run.steps[0].inputs as { sourceInfo: Record<string, string> }).sourceInfo.tokenInfo).toBe('ghp_secret');
    const e = fails(() => prepareExecution(ctxOf(), { name: 'AWS-RunShellScript' }, { commands: ['echo {{ssm-secure:/token}}'] }));
    expect(e.name).toBe('InvalidParameters');
    expect(e.message).toContain('ssm-secure');
  });

  it('uses the Automation error for Automation runs', async () => {
    const e = fails(() =>
      prepareExecution(ctxOf(), { name: 'AWS-StopEC2Instance' }, { InstanceId: ['{{ssm:/missing/instance}}'] }, { style: 'automation' }),
    );
    expect(e.name).toBe('InvalidAutomationExecutionParametersException');
  });
});
