import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** AWS timestamps arrive as epoch seconds (JSON 1.1) or ISO text (control API). */
export function fmtTime(value) {
  if (value === undefined || value === null || value === '') return '';
  const ms = typeof value === 'number' ? (value < 1e11 ? value * 1000 : value) : Date.parse(value);
  if (!Number.isFinite(ms)) return String(value);
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

const STATUS_CLASS = {
  Success: 'ok', SUCCESS: 'ok', Online: 'ok', COMPLIANT: 'ok', Compliant: 'ok', Approved: 'ok', CompletedWithSuccess: 'ok',
  Failed: 'bad', FAILED: 'bad', TimedOut: 'bad', TIMED_OUT: 'bad', NON_COMPLIANT: 'bad', ConnectionLost: 'bad', Rejected: 'bad', Cancelled: 'bad', CANCELLED: 'bad',
  InProgress: 'busy', IN_PROGRESS: 'busy', Pending: 'wait', PENDING: 'wait', Waiting: 'wait', Delayed: 'wait', Inactive: 'off', Stopped: 'off',
};
export const Status = ({ value, testid }) => html`<span class=${`status ${STATUS_CLASS[value] ?? ''}`} data-testid=${testid}>${value ?? '—'}</span>`;

export const ErrorNote = ({ error }) => (error ? html`<p class="error" role="alert">${error.message}</p>` : null);

/** A plain table: columns are { label, get(row) -> content }. */
export function Table({ rows, columns, onRow, selected, keyOf, empty = 'Nothing here.', testid }) {
  if (!rows) return html`<p class="muted">Loading…</p>`;
  if (!rows.length) return html`<p class="muted">${empty}</p>`;
  return html`<table class="grid" data-testid=${testid}>
    <thead><tr>${columns.map((c) => html`<th>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((row, i) => {
      const key = keyOf ? keyOf(row) : i;
      return html`<tr key=${key} class=${[onRow && 'clickable', selected !== undefined && key === selected && 'selected'].filter(Boolean).join(' ')} onClick=${onRow && (() => onRow(row))}>
        ${columns.map((c) => html`<td>${c.get(row)}</td>`)}
      </tr>`;
    })}</tbody>
  </table>`;
}

/**
 * A table that renders only the rows in view (10,000 nodes stay responsive): a fixed row height, a
 * spacer of the full height, and the visible slice positioned in it. `onVisible` hears which rows
 * are shown (to load per-row details for those only).
 */
export function VirtualTable({ rows, columns, rowHeight = 30, height = 520, onRow, onVisible, selected, keyOf, testid }) {
  const [top, setTop] = useState(0);
  const overscan = 8;
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((top + height) / rowHeight) + overscan);
  const slice = rows.slice(first, last);
  const template = columns.map((c) => c.width ?? '1fr').join(' ');
  useEffect(() => {
    onVisible?.(slice);
  }, [first, last, rows]);
  return html`<div class="vtable" data-testid=${testid} data-rows=${rows.length}>
    <div class="vrow vhead" style=${{ gridTemplateColumns: template }}>${columns.map((c) => html`<div>${c.label}</div>`)}</div>
    <div class="vbody" style=${{ height: `${Math.max(rowHeight * 2, Math.min(height, rows.length * rowHeight))}px` }} onScroll=${(e) => setTop(e.currentTarget.scrollTop)}>
      <div style=${{ height: `${rows.length * rowHeight}px`, position: 'relative' }}>
        ${slice.map((row, i) => {
          const key = keyOf(row);
          return html`<div key=${key} class=${`vrow clickable${key === selected ? ' selected' : ''}`} data-key=${key}
              style=${{ gridTemplateColumns: template, top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px` }}
              onClick=${() => onRow?.(row)}>
            ${columns.map((c) => html`<div>${c.get(row)}</div>`)}
          </div>`;
        })}
      </div>
    </div>
  </div>`;
}

/** A uPlot chart; `options` without width, `data` in uPlot's column form. Re-created when the data change. */
export function Chart({ options, data, height = 220 }) {
  const box = useRef();
  useEffect(() => {
    const el = box.current;
    const plot = new uPlot({ ...options, width: Math.max(300, el.clientWidth), height }, data, el);
    const resize = () => plot.setSize({ width: Math.max(300, el.clientWidth), height });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [options, data]);
  return html`<div class="chart" ref=${box}></div>`;
}

export const Json = ({ value }) => html`<pre class="json">${JSON.stringify(value, null, 2)}</pre>`;

export const Tags = ({ tags }) =>
  html`<span class="tags">${(tags ?? []).map((t) => html`<span class="tag">${t.Key}${t.Value ? `=${t.Value}` : ''}</span>`)}</span>`;
