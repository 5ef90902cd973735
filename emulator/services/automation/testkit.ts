/**
 * Helpers for the Automation tests: runbooks created through CreateDocument (and made Active), the
 * execution and its steps through the SDK, and nodes through the control API.
 */
import YAML from 'yaml';
import {
  CreateDocumentCommand,
  DescribeAutomationStepExecutionsCommand,
  GetAutomationExecutionCommand,
  StartAutomationExecutionCommand,
  type StartAutomationExecutionCommandInput,
} from '@aws-sdk/client-ssm';
import type { TestEmulator } from '../../testing/harness.js';

export { addNode, expectError } from '../../testing/fleet.js';

/** Creates an Automation runbook (schema 0.3) from an object and waits until it is Active. */
export async function runbook(t: TestEmulator, name: string, body: Record<string, unknown>, type: 'Automation' | 'Automation.ChangeTemplate' | 'ChangeCalendar' = 'Automation'): Promise<void> {
  await t.ssm.send(new CreateDocumentCommand({ Name: name, DocumentType: type, DocumentFormat: 'YAML', Content: YAML.stringify({ schemaVersion: '0.3', ...body }) }));
  await t.advance(1);
}

export async function start(t: TestEmulator, input: StartAutomationExecutionCommandInput): Promise<string> {
  return (await t.ssm.send(new StartAutomationExecutionCommand(input))).AutomationExecutionId!;
}

export async function execution(t: TestEmulator, id: string) {
  return (await t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id }))).AutomationExecution!;
}

/** Status of each step by name (the last record of a name wins). */
export async function stepStatuses(t: TestEmulator, id: string): Promise<Record<string, string>> {
  const steps = (await t.ssm.send(new DescribeAutomationStepExecutionsCommand({ AutomationExecutionId: id }))).StepExecutions ?? [];
  return Object.fromEntries(steps.map((s) => [s.StepName!, s.StepStatus!]));
}

export const iid = (n: number) => `i-${n.toString(16).padStart(17, '0')}`;

/** A calendar in the form the Change Calendar console writes. */
export function calendar(type: 'DEFAULT_OPEN' | 'DEFAULT_CLOSED', events: string[] = []): string {
  return ['BEGIN:VCALENDAR', 'PRODID:-//AWS//Change Calendar 1.0//EN', 'VERSION:2.0', `X-CALENDAR-TYPE:${type}`, 'X-WR-CALDESC:test', ...events, 'END:VCALENDAR', ''].join('\r\n');
}
export const calendarEvent = (uid: string, lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z', ...lines, 'SUMMARY:freeze', 'END:VEVENT'].join('\r\n');

export async function createCalendar(t: TestEmulator, name: string, content: string): Promise<void> {
  await t.ssm.send(new CreateDocumentCommand({ Name: name, DocumentType: 'ChangeCalendar', DocumentFormat: 'TEXT', Content: content }));
  await t.advance(1);
}
