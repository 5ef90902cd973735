// The dashboard's shell: account/region picker, the clock bar (on every view), navigation by
// location.hash, and the live feed that tells views when to read again.
import { render } from 'preact';
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { control } from './api.js';
import { useLive, useNow, useData } from './hooks.js';
import { fmtTime, ErrorNote } from './components.js';
import { ClockView } from './views/clock.js';
import { FleetView } from './views/fleet.js';
import { CommandsView } from './views/commands.js';
import { WindowsView } from './views/windows.js';
import { AutomationView } from './views/automation.js';
import { ParametersView, DocumentsView } from './views/parameters.js';
import { ComplianceView } from './views/compliance.js';
import { EventsView } from './views/events.js';
import './style.css';

const VIEWS = [
  ['clock', 'Clock', ClockView],
  ['fleet', 'Fleet', FleetView],
  ['commands', 'Commands', CommandsView],
  ['windows', 'Maintenance windows', WindowsView],
  ['automation', 'Automation', AutomationView],
  ['parameters', 'Parameters', ParametersView],
  ['documents', 'Documents', DocumentsView],
  ['compliance', 'Compliance & inventory', ComplianceView],
  ['events', 'Events', EventsView],
];

const hashView = () => {
  const name = location.hash.replace(/^#\/?/, '').split('?')[0];
  return VIEWS.some(([n]) => n === name) ? name : 'fleet';
};

export async function advance(body) {
  return control(body.duration ? '/clock/advance' : '/clock', { method: 'POST', body });
}

function ClockBar({ live }) {
  const now = useNow(live);
  const [error, setError] = useState();
  const act = (body) => advance(body).then(() => setError(undefined), setError);
  const nextDue = async () => {
    try {
      const { tasks } = await control('/tasks', { query: { limit: 1 } });
      if (!tasks.length) throw new Error('No scheduler task is pending.');
      await advance({ now: tasks[0].at });
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  };
  const clock = live.clock;
  return html`<div class="clockbar">
    <span class=${`dot ${live.connected ? 'on' : ''}`} title=${live.connected ? 'live' : 'disconnected'}></span>
    <strong data-testid="clock-now">${now === undefined ? '…' : fmtTime(now)}</strong>
    <span class="muted" data-testid="clock-mode">${clock ? `${clock.mode}${clock.mode === 'frozen' ? '' : ` ×${clock.rate}`}` : ''}</span>
    <span class="buttons">
      <button onClick=${() => act({ mode: 'frozen' })} data-testid="freeze">Freeze</button>
      <button onClick=${() => act({ duration: '1m' })} data-testid="advance-1m">+1 m</button>
      <button onClick=${() => act({ duration: '1h' })} data-testid="advance-1h">+1 h</button>
      <button onClick=${() => act({ duration: '1d' })} data-testid="advance-1d">+1 d</button>
      <button onClick=${nextDue} data-testid="advance-next">Next due task</button>
      <select aria-label="speed" onChange=${(e) => e.currentTarget.value && act(e.currentTarget.value === 'real' ? { mode: 'real' } : { mode: 'scaled', rate: Number(e.currentTarget.value) })}>
        <option value="">Run…</option>
        <option value="real">real time</option>
        <option value="60">×60 (1 min/s)</option>
        <option value="3600">×3600 (1 h/s)</option>
        <option value="86400">×86400 (1 d/s)</option>
      </select>
    </span>
    <${ErrorNote} error=${error} />
  </div>`;
}

function ScopePicker({ scope, setScope, generation }) {
  const { data } = useData(() => control('/scopes'), [], generation);
  const known = data?.scopes ?? [];
  const options = known.some((s) => s.account === scope.account && s.region === scope.region) ? known : [scope, ...known];
  return html`<label class="scope">
    <span class="muted">Account / region</span>
    <select data-testid="scope" value=${`${scope.account}/${scope.region}`} onChange=${(e) => {
      const [account, region] = e.currentTarget.value.split('/');
      setScope({ account, region });
    }}>
      ${options.map((s) => html`<option value=${`${s.account}/${s.region}`}>${s.account} / ${s.region}</option>`)}
    </select>
  </label>`;
}

function App() {
  const live = useLive();
  const [view, setView] = useState(hashView());
  const [scope, setScope] = useState(() => {
    const saved = sessionStorage.getItem('ssm-emulator-scope');
    return saved ? JSON.parse(saved) : { account: '000000000000', region: 'us-east-1' };
  });
  useEffect(() => {
    const on = () => setView(hashView());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  useEffect(() => sessionStorage.setItem('ssm-emulator-scope', JSON.stringify(scope)), [scope]);
  const View = VIEWS.find(([n]) => n === view)[2];
  return html`<header>
      <h1>SSM emulator</h1>
      <${ScopePicker} scope=${scope} setScope=${setScope} generation=${live.generation} />
      <${ClockBar} live=${live} />
    </header>
    <nav>${VIEWS.map(([name, label]) => html`<a href=${`#/${name}`} class=${name === view ? 'active' : ''} data-testid=${`nav-${name}`}>${label}</a>`)}</nav>
    <main data-view=${view}><${View} scope=${scope} live=${live} key=${`${view}:${scope.account}/${scope.region}`} /></main>`;
}

render(html`<${App} />`, document.getElementById('app'));
