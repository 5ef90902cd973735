import { html } from 'htm/preact';
import { useMemo, useState } from 'preact/hooks';
import { control, ssm, ssmAll } from '../api.js';
import { useData } from '../hooks.js';
import { fmtTime, Status, Table, Chart, ErrorNote } from '../components.js';

const UPCOMING_PER_WINDOW = 5;

const SERIES = [
  ['done', 'Success', '#2f855a', (s) => s === 'SUCCESS'],
  ['failed', 'Failed / timed out / cancelled', '#c53030', (s) => /FAILED|TIMED_OUT|CANCELLED|SKIPPED/.test(s)],
  ['running', 'Pending / in progress', '#b7791f', (s) => s === 'PENDING' || s === 'IN_PROGRESS' || s === 'CANCELLING'],
  ['next', 'Upcoming', '#2b6cb0', () => false],
];

/** Maintenance windows: past executions (DescribeMaintenanceWindowExecutions) and the next openings (GET /_emulator/maintenance-windows/upcoming) on one timeline. */
export function WindowsView({ scope, live }) {
  const [selected, setSelected] = useState();
  const { data, error } = useData(
    async () => {
      const windows = await ssmAll(scope, 'DescribeMaintenanceWindows', { MaxResults: 50 }, 'WindowIdentities', 200);
      const [executions, upcoming] = await Promise.all([
        Promise.all(windows.map((w) => ssm(scope, 'DescribeMaintenanceWindowExecutions', { WindowId: w.WindowId, MaxResults: 100 }).then((r) => r.WindowExecutions ?? []))),
        control('/maintenance-windows/upcoming', { query: { ...scope, count: 200 } }).then((r) => r.executions),
      ]);
      return { windows, executions: executions.flat(), upcoming };
    },
    [],
    live.generation,
  );
  const chart = useMemo(() => data && timeline(data), [data]);
  return html`<section>
    <h2>Maintenance windows</h2>
    <${ErrorNote} error=${error} />
    ${chart ? html`<div class="legend">${SERIES.map(([, label, color]) => html`<span><i style=${{ background: color }}></i>${label}</span>`)}</div>
      <${Chart} data=${chart.data} options=${chart.options} height=${Math.max(160, 40 * data.windows.length + 80)} />` : null}
    <${Table} rows=${data?.windows} testid="windows" empty="No maintenance window in this account and region."
      columns=${[
        { label: 'Window', get: (w) => html`<code>${w.WindowId}</code>` },
        { label: 'Name', get: (w) => w.Name },
        { label: 'Schedule', get: (w) => `${w.Schedule}${w.ScheduleTimezone ? ` (${w.ScheduleTimezone})` : ''}` },
        { label: 'Enabled', get: (w) => String(w.Enabled) },
        { label: 'Next', get: (w) => fmtTime(data.upcoming.find((u) => u.windowId === w.WindowId)?.executionTime ?? w.NextExecutionTime) },
      ]} />
    <h3>Executions</h3>
    <${Table} rows=${data?.executions.slice().sort((a, b) => (b.StartTime ?? 0) - (a.StartTime ?? 0))} keyOf=${(e) => e.WindowExecutionId}
      selected=${selected} onRow=${(e) => setSelected(e.WindowExecutionId)} empty="No execution yet: advance the clock past a window's schedule."
      columns=${[
        { label: 'Execution', get: (e) => html`<code>${e.WindowExecutionId}</code>` },
        { label: 'Window', get: (e) => data.windows.find((w) => w.WindowId === e.WindowId)?.Name ?? e.WindowId },
        { label: 'Start', get: (e) => fmtTime(e.StartTime) },
        { label: 'End', get: (e) => fmtTime(e.EndTime) },
        { label: 'Status', get: (e) => html`<${Status} value=${e.Status} />` },
      ]} />
    ${selected ? html`<${ExecutionTasks} scope=${scope} id=${selected} live=${live} />` : null}
  </section>`;
}

function ExecutionTasks({ scope, id, live }) {
  const { data, error } = useData(() => ssm(scope, 'DescribeMaintenanceWindowExecutionTasks', { WindowExecutionId: id }), [id], live.generation);
  return html`<div class="detail"><h4>Tasks of ${id}</h4><${ErrorNote} error=${error} />
    <${Table} rows=${data?.WindowExecutionTaskIdentities}
      columns=${[
        { label: 'Task', get: (t) => t.TaskArn },
        { label: 'Type', get: (t) => t.TaskType },
        { label: 'Start', get: (t) => fmtTime(t.StartTime) },
        { label: 'Status', get: (t) => html`<${Status} value=${t.Status} />` },
        { label: 'Detail', get: (t) => t.StatusDetails },
      ]} /></div>`;
}

/** uPlot takes one x array for all series: each point its own x (nudged apart when equal), y = the window's row. */
function timeline({ windows, executions, upcoming }) {
  const row = new Map(windows.map((w, i) => [w.WindowId, i]));
  const points = [];
  for (const e of executions) {
    const s = SERIES.findIndex(([, , , test]) => test(e.Status));
    if (row.has(e.WindowId)) points.push({ x: e.StartTime, y: row.get(e.WindowId), s: s < 0 ? 2 : s });
  }
  // The next few openings of each window: enough to see the rhythm without drowning the past.
  const shown = new Map();
  for (const u of upcoming) {
    if (!row.has(u.windowId) || (shown.get(u.windowId) ?? 0) >= UPCOMING_PER_WINDOW) continue;
    shown.set(u.windowId, (shown.get(u.windowId) ?? 0) + 1);
    points.push({ x: Date.parse(u.executionTime) / 1000, y: row.get(u.windowId), s: 3 });
  }
  if (!points.length) return undefined;
  points.sort((a, b) => a.x - b.x);
  for (let i = 1; i < points.length; i++) if (points[i].x <= points[i - 1].x) points[i].x = points[i - 1].x + 0.001;
  const xs = points.map((p) => p.x);
  const ys = SERIES.map((_, s) => points.map((p) => (p.s === s ? p.y : null)));
  const names = windows.map((w) => w.Name);
  return {
    data: [xs, ...ys],
    options: {
      legend: { show: false },
      scales: { x: { time: true }, y: { range: [-0.5, windows.length - 0.5] } },
      series: [{}, ...SERIES.map(([, label, color]) => ({ label, stroke: color, fill: color, paths: () => null, points: { show: true, size: 9, fill: color } }))],
      axes: [{}, { size: 120, splits: () => names.map((_, i) => i), values: (_u, splits) => splits.map((v) => names[v] ?? '') }],
    },
  };
}
