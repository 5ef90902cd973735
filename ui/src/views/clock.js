import { html } from 'htm/preact';
import { control } from '../api.js';
import { useData, useNow } from '../hooks.js';
import { fmtTime, Table, ErrorNote, Json } from '../components.js';

/** The virtual clock and what the scheduler will do next in this account and region. */
export function ClockView({ scope, live }) {
  const now = useNow(live);
  const { data, error } = useData(() => control('/tasks', { query: { ...scope, limit: 100 } }), [], live.generation);
  const tasks = data?.tasks;
  return html`<section>
    <h2>Clock</h2>
    <dl class="facts">
      <dt>Now (virtual)</dt><dd>${fmtTime(now)}</dd>
      <dt>Mode</dt><dd>${live.clock?.mode}</dd>
      <dt>Rate</dt><dd>${live.clock?.rate} virtual s per wall s</dd>
      <dt>Changes seen</dt><dd>${live.generation}</dd>
    </dl>
    <h3>Upcoming scheduler tasks (${scope.account} / ${scope.region})</h3>
    <${ErrorNote} error=${error} />
    <${Table} rows=${tasks} testid="tasks" empty="No task is pending in this account and region."
      columns=${[
        { label: 'Due', get: (t) => fmtTime(t.at) },
        { label: 'In', get: (t) => (now === undefined ? '' : duration(Date.parse(t.at) - now)) },
        { label: 'Kind', get: (t) => t.kind },
        { label: 'Key', get: (t) => html`<code>${t.key ?? ''}</code>` },
      ]} />
    ${data?.failures?.length ? html`<h3>Failed tasks</h3><${Json} value=${data.failures} />` : null}
  </section>`;
}

export function duration(ms) {
  if (!Number.isFinite(ms)) return '';
  const s = Math.round(ms / 1000);
  if (Math.abs(s) < 120) return `${s} s`;
  if (Math.abs(s) < 7200) return `${Math.round(s / 60)} min`;
  if (Math.abs(s) < 172800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}
