import { html } from 'htm/preact';
import { useMemo, useState } from 'preact/hooks';
import { control, ssm, ssmAll } from '../api.js';
import { useData } from '../hooks.js';
import { fmtTime, Status, Table, ErrorNote } from '../components.js';

/** Parameter Store by path: versions, labels, policies and when the scheduler fires them next. */
export function ParametersView({ scope, live }) {
  const [path, setPath] = useState('/');
  const [selected, setSelected] = useState();
  const { data, error } = useData(() => ssmAll(scope, 'DescribeParameters', { MaxResults: 50 }, 'Parameters', 5000), [], live.generation);
  // The folders and parameters directly under the path (a name without a slash sits under /).
  const { folders, here } = useMemo(() => {
    const folders = new Map();
    const here = [];
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const p of data ?? []) {
      const name = p.Name.startsWith('/') ? p.Name : `/${p.Name}`;
      if (!name.startsWith(prefix)) continue;
      const rest = name.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) here.push(p);
      else folders.set(rest.slice(0, slash), (folders.get(rest.slice(0, slash)) ?? 0) + 1);
    }
    return { folders: [...folders], here };
  }, [data, path]);
  const up = path === '/' ? undefined : path.replace(/[^/]+\/?$/, '') || '/';
  return html`<section>
    <h2>Parameters <span class="muted">${data ? `${data.length} in this account and region` : ''}</span></h2>
    <${ErrorNote} error=${error} />
    <p class="path">${up ? html`<button class="small" onClick=${() => setPath(up)}>↑</button> ` : null}<code>${path}</code></p>
    <ul class="folders">${folders.map(([name, n]) => html`<li><a href="#/parameters" onClick=${(e) => (e.preventDefault(), setPath(`${path.replace(/\/?$/, '/')}${name}/`))}>${name}/</a> <span class="muted">${n}</span></li>`)}</ul>
    <${Table} rows=${here} testid="parameters" keyOf=${(p) => p.Name} selected=${selected} onRow=${(p) => setSelected(p.Name)} empty="No parameter at this level."
      columns=${[
        { label: 'Name', get: (p) => p.Name },
        { label: 'Type', get: (p) => p.Type },
        { label: 'Tier', get: (p) => p.Tier },
        { label: 'Version', get: (p) => p.Version },
        { label: 'Modified', get: (p) => fmtTime(p.LastModifiedDate) },
        { label: 'Policies', get: (p) => (p.Policies ?? []).map((x) => x.PolicyType).join(', ') },
      ]} />
    ${selected ? html`<${ParameterDetail} scope=${scope} name=${selected} live=${live} />` : null}
  </section>`;
}

function ParameterDetail({ scope, name, live }) {
  const { data, error } = useData(
    async () => {
      const [history, tasks] = await Promise.all([
        ssmAll(scope, 'GetParameterHistory', { Name: name, MaxResults: 50 }, 'Parameters', 100),
        control('/tasks', { query: scope }).then((r) => r.tasks.filter((t) => t.kind === 'parameters.policy' && (t.payload?.key === name || `/${t.payload?.key}` === name))),
      ]);
      return { history, next: tasks[0]?.at };
    },
    [name],
    live.generation,
  );
  const latest = data?.history[data.history.length - 1];
  return html`<div class="detail">
    <h3>${name}</h3>
    <${ErrorNote} error=${error} />
    ${latest?.Policies?.length
      ? html`<h4>Policies</h4><p>Next policy task: <strong>${data.next ? fmtTime(data.next) : 'none pending'}</strong></p>
        <${Table} rows=${latest.Policies} columns=${[
          { label: 'Type', get: (p) => p.PolicyType },
          { label: 'Status', get: (p) => html`<${Status} value=${p.PolicyStatus} />` },
          { label: 'Policy', get: (p) => html`<code>${p.PolicyText}</code>` },
        ]} />`
      : null}
    <h4>Versions</h4>
    <${Table} rows=${data?.history.slice().reverse()} columns=${[
      { label: 'Version', get: (p) => p.Version },
      { label: 'Labels', get: (p) => (p.Labels ?? []).join(', ') },
      { label: 'Value', get: (p) => html`<code>${p.Type === 'SecureString' ? '(encrypted)' : p.Value}</code>` },
      { label: 'Modified', get: (p) => fmtTime(p.LastModifiedDate) },
      { label: 'By', get: (p) => p.LastModifiedUser },
    ]} />
  </div>`;
}

/** Documents: yours (or shared, or Amazon's), with versions and the default. */
export function DocumentsView({ scope, live }) {
  const [owner, setOwner] = useState('Self');
  const [selected, setSelected] = useState();
  const { data, error } = useData(
    () => ssmAll(scope, 'ListDocuments', { Filters: [{ Key: 'Owner', Values: [owner] }], MaxResults: 50 }, 'DocumentIdentifiers', 2000),
    [owner],
    live.generation,
  );
  return html`<section>
    <h2>Documents</h2>
    <label>Owner <select value=${owner} onChange=${(e) => setOwner(e.currentTarget.value)}>
      <option value="Self">Self</option><option value="Private">Shared with me</option><option value="Amazon">Amazon</option>
    </select></label>
    <${ErrorNote} error=${error} />
    <${Table} rows=${data} testid="documents" keyOf=${(d) => d.Name} selected=${selected} onRow=${(d) => setSelected(d.Name)} empty="No document."
      columns=${[
        { label: 'Name', get: (d) => d.Name },
        { label: 'Type', get: (d) => d.DocumentType },
        { label: 'Format', get: (d) => d.DocumentFormat },
        { label: 'Default version', get: (d) => d.DocumentVersion },
        { label: 'Platforms', get: (d) => (d.PlatformTypes ?? []).join(', ') },
      ]} />
    ${selected ? html`<${DocumentDetail} scope=${scope} name=${selected} live=${live} />` : null}
  </section>`;
}

function DocumentDetail({ scope, name, live }) {
  const { data, error } = useData(
    async () => {
      const [versions, doc] = await Promise.all([
        ssmAll(scope, 'ListDocumentVersions', { Name: name, MaxResults: 50 }, 'DocumentVersions', 200),
        ssm(scope, 'GetDocument', { Name: name }),
      ]);
      return { versions, content: doc.Content };
    },
    [name],
    live.generation,
  );
  return html`<div class="detail"><h3>${name}</h3><${ErrorNote} error=${error} />
    <${Table} rows=${data?.versions} columns=${[
      { label: 'Version', get: (v) => v.DocumentVersion },
      { label: 'Name', get: (v) => v.VersionName ?? '' },
      { label: 'Default', get: (v) => (v.IsDefaultVersion ? 'yes' : '') },
      { label: 'Created', get: (v) => fmtTime(v.CreatedDate) },
      { label: 'Status', get: (v) => html`<${Status} value=${v.Status} />` },
    ]} />
    <h4>Default version's content</h4><pre class="output">${data?.content}</pre>
  </div>`;
}

