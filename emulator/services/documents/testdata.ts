/** Sample document contents used by the documents tests (plain constants; no test framework here). */

export const commandDoc = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    schemaVersion: '2.2',
    description: 'Run a script',
    parameters: {
      commands: { type: 'StringList', description: '(Required) Commands to run.', minItems: 1 },
      workingDirectory: { type: 'String', default: '', description: '(Optional) Working directory.' },
    },
    mainSteps: [
      { action: 'aws:runShellScript', name: 'runShellScript', inputs: { runCommand: ['{{ commands }}'], workingDirectory: '{{ workingDirectory }}' } },
    ],
    ...extra,
  });

export const commandYaml = `schemaVersion: '2.2'
description: Run a PowerShell script
parameters:
  commands:
    type: StringList
    description: (Required) Commands to run.
  retries:
    type: Integer
    default: 3
  verbose:
    type: Boolean
    default: false
mainSteps:
  - action: aws:runPowerShellScript
    name: runPowerShellScript
    inputs:
      runCommand:
        - '{{ commands }}'
`;

export const automationDoc = JSON.stringify({
  schemaVersion: '0.3',
  description: 'Stop an instance',
  assumeRole: '{{ AutomationAssumeRole }}',
  parameters: {
    InstanceId: { type: 'String', description: '(Required) The instance.' },
    AutomationAssumeRole: { type: 'String', default: '' },
  },
  mainSteps: [{ name: 'stop', action: 'aws:changeInstanceState', inputs: { InstanceIds: ['{{ InstanceId }}'], DesiredState: 'stopped' } }],
});

export const sessionDoc = JSON.stringify({
  schemaVersion: '1.0',
  description: 'Port forwarding',
  sessionType: 'Port',
  parameters: { portNumber: { type: 'String', default: '80' } },
  properties: { portNumber: '{{ portNumber }}', type: 'LocalPortForwarding' },
});

export const calendar = [
  'BEGIN:VCALENDAR',
  'PRODID:-//AWS//Change Calendar 1.0//EN',
  'VERSION:2.0',
  'X-CALENDAR-TYPE:DEFAULT_OPEN',
  'BEGIN:VEVENT',
  'DTSTART:20250101T000000Z',
  'DTEND:20250102T000000Z',
  'SUMMARY:Freeze',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

export const changeTemplate = JSON.stringify({
  schemaVersion: '0.3',
  templateInformation: 'A change template',
  parameters: { Approver: { type: 'String', default: 'ops' } },
  mainSteps: [{ name: 'approve', action: 'aws:approve', inputs: { Approvers: ['{{ Approver }}'], MinRequiredApprovals: 1 } }],
});
