import { html } from 'htm/preact';
import { useMemo, useState } from 'preact/hooks';
import { control } from '../api.js';
import { useData } from '../hooks.js';
import { Table, ErrorNote, Json } from '../components.js';

const SHOWN = 500;

/** What the emulator would have sent to EventBridge (GET /_emulator/events), newest first, filtered. */
export function EventsView({ scope, live }) {
  const [type, setType] = useState('');
  const [text, setText] = useState('');
  const [open, setOpen] = useState();
  const { data, error } = useData(() => control('/events', { query: scope }), [], live.eventSeq);
  const events = data?.events ?? [];
  const types = useMemo(() => [...new Set(events.map((e) => e['detail-type']))].sort(), [events]);
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return events
      .filter((e) => (!type || e['detail-type'] === type) && (!needle || JSON.stringify(e).toLowerCase().includes(needle)))
      .slice(-SHOWN)
      .reverse();
  }, [events, type, text]);
  return html`<section>
    <h2>Events <span class="muted">${data ? `${events.length} recorded, ${rows.length} shown` : ''}</span></h2>
    <${ErrorNote} error=${error} />
    <div class="filters">
      <select value=${type} onChange=${(e) => setType(e.currentTarget.value)} aria-label="detail-type">
        <option value="">every detail-type</option>
        ${types.map((t) => html`<option value=${t}>${t}</option>`)}
      </select>
      <input class="filter" placeholder="contains…" value=${text} onInput=${(e) => setText(e.currentTarget.value)} />
    </div>
    <${Table} rows=${rows} testid="events" keyOf=${(e) => e.seq} selected=${open} onRow=${(e) => setOpen(open === e.seq ? undefined : e.seq)} empty="No event."
      columns=${[
        { label: 'Time', get: (e) => e.time },
        { label: 'Detail type', get: (e) => e['detail-type'] },
        { label: 'Resources', get: (e) => e.resources.join(' ') },
        { label: 'Detail', get: (e) => (e.seq === open ? html`<${Json} value=${e.detail} />` : html`<code>${JSON.stringify(e.detail).slice(0, 120)}</code>`) },
      ]} />
  </section>`;
}
