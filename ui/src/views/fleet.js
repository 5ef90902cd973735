import { html } from 'htm/preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { control, ssm, ssmAll } from '../api.js';
import { useData } from '../hooks.js';
import { fmtTime, Status, Tags, Table, VirtualTable, ErrorNote } from '../components.js';

const FIELDS = 'InstanceId,PingStatus,PlatformType,PlatformName,AgentVersion,Tags,AgentRunning,ComputerName,ResourceType';

/** "Env=prod" or "Env" (any value) against a node's tags. */
function tagMatcher(text) {
  const terms = text.split(/[\s,]+/).filter(Boolean).map((t) => t.split('='));
  return (node) => terms.every(([k, v]) => (node.Tags ?? []).some((t) => t.Key === k && (v === undefined || t.Value === v)));
}

/**
 * The fleet. The list comes from GET /_emulator/fleet/instances (a few columns of every node);
 * patch and association state only for the rows in view (DescribeInstancePatchStates and
 * DescribeInstanceInformation, 50 ids a call), so 10,000 nodes cost one list call, not 10,000.
 */
export function FleetView({ scope, live }) {
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState();
  const { data, error } = useData(() => control('/fleet/instances', { query: { ...scope, fields: FIELDS } }), [], live.generation);
  const nodes = data?.instances;
  const rows = useMemo(() => (nodes && filter.trim() ? nodes.filter(tagMatcher(filter)) : nodes ?? []), [nodes, filter]);
  const [details, setDetails] = useState({});
  const asked = useRef({ generation: -1, ids: new Set() });

  // Per-row compliance for the visible rows; asked again after a change.
  const onVisible = async (slice) => {
    if (asked.current.generation !== live.generation) asked.current = { generation: live.generation, ids: new Set() };
    const ids = slice.map((n) => n.InstanceId).filter((id) => !asked.current.ids.has(id));
    if (!ids.length) return;
    ids.forEach((id) => asked.current.ids.add(id));
    const found = {};
    for (let i = 0; i < ids.length; i += 50) {
      const batch = ids.slice(i, i + 50);
      const [patch, info] = await Promise.all([
        ssm(scope, 'DescribeInstancePatchStates', { InstanceIds: batch }).catch(() => ({ InstancePatchStates: [] })),
        ssm(scope, 'DescribeInstanceInformation', { Filters: [{ Key: 'InstanceIds', Values: batch }] }).catch(() => ({ InstanceInformationList: [] })),
      ]);
      for (const p of patch.InstancePatchStates ?? []) (found[p.InstanceId] ??= {}).patch = p;
      for (const n of info.InstanceInformationList ?? []) (found[n.InstanceId] ??= {}).association = n.AssociationStatus;
    }
    setDetails((d) => ({ ...d, ...found }));
  };

  const toggleAgent = (node) =>
    control(`/fleet/instances/${encodeURIComponent(node.InstanceId)}/${node.AgentRunning ? 'stop' : 'start'}-agent`, { method: 'POST', query: scope });

  const columns = [
    { label: 'Node', width: '1.4fr', get: (n) => html`<code>${n.InstanceId}</code>` },
    { label: 'Name', width: '1fr', get: (n) => (n.Tags ?? []).find((t) => t.Key === 'Name')?.Value ?? n.ComputerName ?? '' },
    { label: 'Ping', width: '0.9fr', get: (n) => html`<${Status} value=${n.PingStatus} testid="ping" />` },
    { label: 'Platform', width: '1fr', get: (n) => `${n.PlatformName ?? n.PlatformType ?? ''}` },
    { label: 'Agent', width: '0.8fr', get: (n) => n.AgentVersion ?? '' },
    { label: 'Patches', width: '0.9fr', get: (n) => patchSummary(details[n.InstanceId]?.patch) },
    { label: 'Associations', width: '0.9fr', get: (n) => html`<${Status} value=${details[n.InstanceId]?.association} />` },
    { label: 'Tags', width: '2fr', get: (n) => html`<${Tags} tags=${n.Tags} />` },
    {
      label: 'Agent',
      width: '0.7fr',
      get: (n) => html`<button class="small" onClick=${(e) => (e.stopPropagation(), toggleAgent(n))}>${n.AgentRunning === false ? 'Start' : 'Stop'}</button>`,
    },
  ];
  return html`<section>
    <h2>Fleet <span class="muted">${nodes ? `${rows.length} of ${nodes.length} nodes` : ''}</span></h2>
    <${ErrorNote} error=${error} />
    <input class="filter" placeholder="Filter by tag: Env=prod Role" value=${filter} onInput=${(e) => setFilter(e.currentTarget.value)} data-testid="tag-filter" />
    <${VirtualTable} rows=${rows} columns=${columns} keyOf=${(n) => n.InstanceId} onVisible=${onVisible} testid="fleet-table"
      selected=${selected} onRow=${(n) => setSelected(n.InstanceId)} />
    ${selected ? html`<${NodeDetail} scope=${scope} id=${selected} live=${live} />` : null}
  </section>`;
}

function patchSummary(p) {
  if (!p) return '';
  const missing = (p.MissingCount ?? 0) + (p.FailedCount ?? 0) + (p.InstalledPendingRebootCount ?? 0);
  const title = `${p.InstalledCount ?? 0} installed, ${p.MissingCount ?? 0} missing, ${p.FailedCount ?? 0} failed (${p.Operation} ${fmtTime(p.OperationEndTime)})`;
  return html`<span class=${`status ${missing ? 'bad' : 'ok'}`} title=${title}>${missing ? `${missing} missing` : 'compliant'}</span>`;
}

function NodeDetail({ scope, id, live }) {
  const { data, error } = useData(
    async () => {
      const [info, apps, invocations, compliance] = await Promise.all([
        ssm(scope, 'ListInventoryEntries', { InstanceId: id, TypeName: 'AWS:InstanceInformation' }).catch(() => ({})),
        ssm(scope, 'ListInventoryEntries', { InstanceId: id, TypeName: 'AWS:Application', MaxResults: 50 }).catch(() => ({})),
        ssm(scope, 'ListCommandInvocations', { InstanceId: id, MaxResults: 20 }),
        ssmAll(scope, 'ListComplianceItems', { ResourceIds: [id], ResourceTypes: ['ManagedInstance'] }, 'ComplianceItems', 200).catch(() => []),
      ]);
      return { info: info.Entries?.[0], apps: apps.Entries ?? [], invocations: invocations.CommandInvocations ?? [], compliance };
    },
    [id],
    live.generation,
  );
  return html`<div class="detail" data-testid="node-detail">
    <h3>${id}</h3>
    <${ErrorNote} error=${error} />
    ${data?.info ? html`<dl class="facts">${Object.entries(data.info).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : html`<p class="muted">No AWS:InstanceInformation inventory collected.</p>`}
    <h4>Recent invocations</h4>
    <${Table} rows=${data?.invocations} empty="No command ran here yet."
      columns=${[
        { label: 'Command', get: (i) => html`<code>${i.CommandId}</code>` },
        { label: 'Document', get: (i) => i.DocumentName },
        { label: 'Requested', get: (i) => fmtTime(i.RequestedDateTime) },
        { label: 'Status', get: (i) => html`<${Status} value=${i.Status} />` },
      ]} />
    <h4>Compliance</h4>
    <${Table} rows=${data?.compliance} empty="No compliance items."
      columns=${[
        { label: 'Type', get: (c) => c.ComplianceType },
        { label: 'Id', get: (c) => c.Id },
        { label: 'Title', get: (c) => c.Title },
        { label: 'Status', get: (c) => html`<${Status} value=${c.Status} />` },
        { label: 'Severity', get: (c) => c.Severity },
      ]} />
    <h4>Applications (inventory)</h4>
    <${Table} rows=${data?.apps} empty="No AWS:Application inventory collected."
      columns=${[
        { label: 'Name', get: (a) => a.Name },
        { label: 'Version', get: (a) => a.Version },
        { label: 'Publisher', get: (a) => a.Publisher },
      ]} />
  </div>`;
}
