import { describe, expect, it } from 'vitest';
import { analyzeContent, contentAs, parseBody } from './content.js';
import { platformsFor } from './platforms.js';

const analyze = (content: unknown, type: Parameters<typeof analyzeContent>[0]['type'] = 'Command', format: 'JSON' | 'YAML' | 'TEXT' = 'JSON') =>
  analyzeContent({ content: typeof content === 'string' ? content : JSON.stringify(content), format, type });
const error = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
};

describe('document content checks', () => {
  it('reads unquoted YAML schema versions the way AWS does (1.0, 2.2)', () => {
    const a = analyze('schemaVersion: 1.0\nsessionType: Standard_Stream\n', 'Session', 'YAML');
    expect(a.schemaVersion).toBe('1.0');
    expect(analyze('schemaVersion: 2.2\nmainSteps:\n  - action: aws:runShellScript\n    name: a\n    inputs: {runCommand: [ls]}\n', 'Command', 'YAML').schemaVersion).toBe('2.2');
  });

  it('requires a schema version for types that have one', () => {
    expect(error(() => analyze({ mainSteps: [] })).message).toContain('schema version is missing');
  });

  it('allows preconditions only in schema 2.2', () => {
    const step = { action: 'aws:runShellScript', name: 's', precondition: { StringEquals: ['platformType', 'Linux'] }, inputs: {} };
    expect(error(() => analyze({ schemaVersion: '2.0', mainSteps: [step] })).message).toContain('precondition');
    expect(analyze({ schemaVersion: '2.2', mainSteps: [step] }).steps[0].precondition).toEqual({ StringEquals: ['platformType', 'Linux'] });
    const bad = { ...step, precondition: { StringEquals: ['platformType', 'Solaris'] } };
    expect(error(() => analyze({ schemaVersion: '2.2', mainSteps: [bad] })).name).toBe('InvalidDocumentContent');
  });

  it('refuses mainSteps in 1.2 and runtimeConfig in 2.x', () => {
    expect(error(() => analyze({ schemaVersion: '1.2', runtimeConfig: { 'aws:runShellScript': { properties: [{ runCommand: ['ls'] }] } }, mainSteps: [] })).message).toContain('mainSteps');
    expect(error(() => analyze({ schemaVersion: '2.2', runtimeConfig: {}, mainSteps: [] })).message).toContain('runtimeConfig');
  });

  it('checks Automation actions and step references', () => {
    expect(error(() => analyze({ schemaVersion: '0.3', mainSteps: [{ name: 'a', action: 'aws:teleport' }] }, 'Automation')).message).toContain('aws:teleport');
    const next = { schemaVersion: '0.3', mainSteps: [{ name: 'a', action: 'aws:sleep', nextStep: 'zz', inputs: { Duration: 'PT1S' } }] };
    expect(error(() => analyze(next, 'Automation')).message).toContain('zz');
    const ok = { schemaVersion: '0.3', mainSteps: [{ name: 'a', action: 'aws:sleep', inputs: { Duration: 'PT{{ secs }}S', Out: '{{ a.Output }}' } }], parameters: { secs: { type: 'Integer', default: 1 } } };
    expect(analyze(ok, 'Automation').steps[0].platforms).toEqual([]);
  });

  it('checks Package manifests, CloudFormation templates and approval policies', () => {
    expect(error(() => analyze({ schemaVersion: '2.0', version: '1.0', packages: {} }, 'Package')).message).toContain('files');
    expect(analyze({ schemaVersion: '2.0', version: '1.0', packages: {}, files: {} }, 'Package').schemaVersion).toBe('2.0');
    expect(error(() => analyze({ AWSTemplateFormatVersion: '2010-09-09' }, 'CloudFormation')).message).toContain('Resources');
    expect(analyze('permit(principal, action, resource);', 'AutoApprovalPolicy', 'TEXT').body).toContain('permit');
    expect(error(() => analyze({}, 'AutoApprovalPolicy')).name).toBe('InvalidDocumentContent');
  });

  it('checks iCalendar structure for change calendars', () => {
    const cal = (lines: string[]) => analyze(lines.join('\n'), 'ChangeCalendar', 'TEXT');
    const head = ['BEGIN:VCALENDAR', 'PRODID:x', 'VERSION:2.0'];
    expect(cal([...head, 'END:VCALENDAR']).schemaVersion).toBe('2.0');
    expect(error(() => cal([...head, 'BEGIN:VEVENT', 'SUMMARY:x', 'END:VEVENT', 'END:VCALENDAR'])).message).toContain('DTSTART');
    expect(error(() => cal([...head, 'BEGIN:VEVENT', 'DTSTART:20250101T000000Z', 'END:VCALENDAR'])).message).toContain('does not match');
    expect(error(() => cal(['BEGIN:VCALENDAR', 'VERSION:2.0', 'END:VCALENDAR'])).message).toContain('PRODID');
    expect(error(() => cal([...head, 'X-CALENDAR-TYPE:SOMETIMES', 'END:VCALENDAR'])).message).toContain('X-CALENDAR-TYPE');
  });

  it('requires ApplicationConfigurationSchema content in JSON', () => {
    expect(error(() => analyze('type: object\n', 'ApplicationConfigurationSchema', 'YAML')).name).toBe('InvalidDocumentContent');
  });

  it('rejects duplicate YAML keys', () => {
    expect(error(() => parseBody('a: 1\na: 2\n', 'YAML')).message).toMatch(/^YAML not well-formed/);
  });
});

describe('platforms', () => {
  it('unions plugin platforms for Command documents and reports all for Automation and Session', () => {
    expect(platformsFor('Command', ['aws:runShellScript'])).toEqual(['Linux', 'MacOS']);
    expect(platformsFor('Command', ['aws:runShellScript', 'aws:applications'])).toEqual(['Windows', 'Linux', 'MacOS']);
    expect(platformsFor('Command', ['aws:domainjoin'])).toEqual(['Windows', 'Linux']);
    expect(platformsFor('Automation', [])).toEqual(['Windows', 'Linux', 'MacOS']);
    expect(platformsFor('ChangeCalendar', [])).toEqual([]);
  });
});

describe('format conversion', () => {
  it('returns stored content unchanged and converts JSON <-> YAML', () => {
    const json = '{"a": [1, 2], "b": {"c": "d"}}';
    expect(contentAs(json, 'JSON', 'JSON')).toBe(json);
    expect(parseBody(contentAs(json, 'JSON', 'YAML'), 'YAML')).toEqual(JSON.parse(json));
    expect(error(() => contentAs('x', 'TEXT', 'YAML')).message).toBe('Invalid document format YAML');
  });
});
