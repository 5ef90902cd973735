import { html } from 'htm/preact';
import { ssm, ssmAll } from '../api.js';
import { useData } from '../hooks.js';
import { Table, ErrorNote } from '../components.js';

/** Compliance (ListComplianceSummaries) and inventory (GetInventory aggregated by platform, GetInventorySchema). */
export function ComplianceView({ scope, live }) {
  const { data, error } = useData(
    async () => {
      const [summaries, platforms, types] = await Promise.all([
        ssmAll(scope, 'ListComplianceSummaries', { MaxResults: 50 }, 'ComplianceSummaryItems', 500),
        ssm(scope, 'GetInventory', { Aggregators: [{ Expression: 'AWS:InstanceInformation.PlatformName' }] }).catch((e) => ({ error: e })),
        ssmAll(scope, 'GetInventorySchema', { MaxResults: 200 }, 'Schemas', 500).catch(() => []),
      ]);
      return { summaries, platforms, types };
    },
    [],
    live.generation,
  );
  const count = (s, k) => s?.[k]?.SeveritySummary ? Object.values(s[k].SeveritySummary).reduce((a, b) => a + b, 0) : s?.[k]?.CompliantCount ?? s?.[k]?.NonCompliantCount ?? 0;
  const platformRows = (data?.platforms?.Entities ?? []).flatMap((e) => Object.values(e.Data ?? {}).flatMap((d) => d.Content ?? []));
  return html`<section>
    <h2>Compliance</h2>
    <${ErrorNote} error=${error} />
    <${Table} rows=${data?.summaries} testid="compliance" empty="No compliance data: patch scans, associations and PutComplianceItems write it."
      columns=${[
        { label: 'Type', get: (s) => s.ComplianceType },
        { label: 'Compliant', get: (s) => html`<span class="status ok">${s.CompliantSummary?.CompliantCount ?? count(s, 'CompliantSummary')}</span>` },
        { label: 'Non-compliant', get: (s) => html`<span class="status bad">${s.NonCompliantSummary?.NonCompliantCount ?? count(s, 'NonCompliantSummary')}</span>` },
      ]} />
    <h2>Inventory</h2>
    <h3>Nodes by platform</h3>
    <${Table} rows=${platformRows} empty="No AWS:InstanceInformation inventory."
      columns=${Object.keys(platformRows[0] ?? { PlatformName: 1, count: 1 }).map((k) => ({ label: k, get: (r) => r[k] }))} />
    <h3>Inventory types</h3>
    <${Table} rows=${data?.types} empty="No inventory schema."
      columns=${[
        { label: 'Type', get: (t) => t.TypeName },
        { label: 'Version', get: (t) => t.Version },
        { label: 'Attributes', get: (t) => (t.Attributes ?? []).length },
      ]} />
  </section>`;
}
