import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { ssm } from '../api.js';
import { useData } from '../hooks.js';
import { fmtTime, Status, Table, ErrorNote, Json } from '../components.js';

/** Automation executions, each step's status, and Approve / Reject for a waiting aws:approve step (SendAutomationSignal). */
export function AutomationView({ scope, live }) {
  const [selected, setSelected] = useState();
  const { data, error } = useData(() => ssm(scope, 'DescribeAutomationExecutions', { MaxResults: 50 }), [], live.generation);
  return html`<section>
    <h2>Automation</h2>
    <${ErrorNote} error=${error} />
    <${Table} rows=${data?.AutomationExecutionMetadataList} testid="automations" keyOf=${(a) => a.AutomationExecutionId} selected=${selected}
      onRow=${(a) => setSelected(a.AutomationExecutionId)} empty="No Automation execution yet."
      columns=${[
        { label: 'Execution', get: (a) => html`<code>${a.AutomationExecutionId}</code>` },
        { label: 'Runbook', get: (a) => a.DocumentName },
        { label: 'Started', get: (a) => fmtTime(a.ExecutionStartTime) },
        { label: 'Status', get: (a) => html`<${Status} value=${a.AutomationExecutionStatus} testid="automation-status" />` },
        { label: 'Current step', get: (a) => a.CurrentStepName ?? '' },
      ]} />
    ${selected ? html`<${Execution} scope=${scope} id=${selected} live=${live} />` : null}
  </section>`;
}

function Execution({ scope, id, live }) {
  const [error, setError] = useState();
  const { data, error: loadError } = useData(() => ssm(scope, 'GetAutomationExecution', { AutomationExecutionId: id }), [id], live.generation);
  const exec = data?.AutomationExecution;
  const signal = (SignalType) =>
    ssm(scope, 'SendAutomationSignal', { AutomationExecutionId: id, SignalType, Payload: { Comment: [`${SignalType} from the dashboard`] } }).then(() => setError(undefined), setError);
  const waiting = (s) => s.StepStatus === 'Waiting' && s.Action === 'aws:approve';
  return html`<div class="detail" data-testid="automation-detail">
    <h3>${exec?.DocumentName} <${Status} value=${exec?.AutomationExecutionStatus} /></h3>
    <${ErrorNote} error=${loadError ?? error} />
    <${Table} rows=${exec?.StepExecutions} testid="steps"
      columns=${[
        { label: 'Step', get: (s) => s.StepName },
        { label: 'Action', get: (s) => s.Action },
        { label: 'Start', get: (s) => fmtTime(s.ExecutionStartTime) },
        { label: 'End', get: (s) => fmtTime(s.ExecutionEndTime) },
        { label: 'Status', get: (s) => html`<${Status} value=${s.StepStatus} testid="step-status" />` },
        {
          label: '',
          get: (s) =>
            waiting(s)
              ? html`<button onClick=${() => signal('Approve')} data-testid="approve">Approve</button> <button onClick=${() => signal('Reject')} data-testid="reject">Reject</button>`
              : s.FailureMessage ?? '',
        },
      ]} />
    ${exec?.Outputs && Object.keys(exec.Outputs).length ? html`<h4>Outputs</h4><${Json} value=${exec.Outputs} />` : null}
  </div>`;
}
