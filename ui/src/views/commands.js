import { html } from 'htm/preact';
import { useMemo, useState } from 'preact/hooks';
import { ssm, ssmAll } from '../api.js';
import { useData } from '../hooks.js';
import { fmtTime, Status, Table, Chart, ErrorNote } from '../components.js';

/** Run Command: recent commands with their progress, and one command's invocations over virtual time. */
export function CommandsView({ scope, live }) {
  const [selected, setSelected] = useState();
  const { data, error } = useData(() => ssm(scope, 'ListCommands', { MaxResults: 50 }), [], live.generation);
  return html`<section>
    <h2>Commands</h2>
    <${ErrorNote} error=${error} />
    <${Table} rows=${data?.Commands} testid="commands" keyOf=${(c) => c.CommandId} selected=${selected} onRow=${(c) => setSelected(c.CommandId)}
      empty="No command yet: SendCommand, a maintenance window task or an Automation step creates one."
      columns=${[
        { label: 'Command', get: (c) => html`<code>${c.CommandId}</code>` },
        { label: 'Document', get: (c) => c.DocumentName },
        { label: 'Requested', get: (c) => fmtTime(c.RequestedDateTime) },
        { label: 'Status', get: (c) => html`<${Status} value=${c.Status} testid="command-status" />` },
        { label: 'Progress', get: (c) => html`<${Progress} done=${c.CompletedCount} errors=${c.ErrorCount} total=${c.TargetCount} />` },
        { label: 'Rate', get: (c) => `${c.MaxConcurrency ?? ''} / errors ${c.MaxErrors ?? ''}` },
      ]} />
    ${selected ? html`<${CommandDetail} scope=${scope} id=${selected} live=${live} />` : null}
  </section>`;
}

const Progress = ({ done = 0, errors = 0, total = 0 }) => html`<span class="progress" title=${`${done} of ${total} done, ${errors} errors`}>
  <span class="bar"><span class="fill" style=${{ width: `${total ? (100 * done) / total : 0}%` }}></span><span class="fill err" style=${{ width: `${total ? (100 * errors) / total : 0}%` }}></span></span>
  ${done}/${total}
</span>`;

const seconds = (v) => (typeof v === 'number' ? v : Date.parse(v) / 1000);

function CommandDetail({ scope, id, live }) {
  const { data, error } = useData(() => ssmAll(scope, 'ListCommandInvocations', { CommandId: id, Details: true, MaxResults: 50 }, 'CommandInvocations', 2000), [id], live.generation);
  // Finished invocations over virtual time: how MaxConcurrency and MaxErrors paced the command.
  const chart = useMemo(() => {
    if (!data?.length) return undefined;
    const ends = data
      .map((i) => i.CommandPlugins?.map((p) => p.ResponseFinishDateTime).filter(Boolean).map(seconds).sort((a, b) => b - a)[0])
      .filter((t) => Number.isFinite(t))
      .sort((a, b) => a - b);
    const start = Math.min(...data.map((i) => seconds(i.RequestedDateTime)));
    const xs = [start, ...ends];
    const ys = [0, ...ends.map((_, i) => i + 1)];
    return {
      data: [xs, ys],
      options: { scales: { x: { time: true } }, series: [{}, { label: 'finished', stroke: '#2b6cb0', width: 2, points: { show: true } }], axes: [{}, { label: 'nodes' }] },
    };
  }, [data]);
  return html`<div class="detail">
    <h3>Command ${id}</h3>
    <${ErrorNote} error=${error} />
    ${chart ? html`<${Chart} data=${chart.data} options=${chart.options} height=${180} />` : null}
    <${Table} rows=${data} testid="invocations" empty="No invocation."
      columns=${[
        { label: 'Node', get: (i) => html`<code>${i.InstanceId}</code>` },
        { label: 'Status', get: (i) => html`<${Status} value=${i.Status} testid="invocation-status" />` },
        { label: 'Detail', get: (i) => i.StatusDetails },
        { label: 'Output', get: (i) => html`<pre class="output">${(i.CommandPlugins ?? []).map((p) => p.Output).filter(Boolean).join('\n')}</pre>` },
      ]} />
  </div>`;
}
