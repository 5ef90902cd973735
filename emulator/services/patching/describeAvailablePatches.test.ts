import { describe, expect, it } from 'vitest';
import { DescribeAvailablePatchesCommand, type Patch } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { allPages, expectError } from './testkit.js';

describe('DescribeAvailablePatches', () => {
  const t = useEmulator();
  const all = (Filters?: { Key: string; Values: string[] }[]): Promise<Patch[]> =>
    allPages((NextToken) => t.ssm.send(new DescribeAvailablePatchesCommand({ Filters, NextToken, MaxResults: 100 })), (p) => p.Patches);

  it('without filters: the Windows Server operating-system patches that exist now, in every field AWS sends', async () => {
    const patches = await all();
    expect(patches.length).toBeGreaterThan(10);
    expect(new Set(patches.map((p) => p.ProductFamily))).toEqual(new Set(['Windows']));
    const cu = patches.find((p) => p.Title!.startsWith('2024-12 Cumulative Update for Microsoft server operating system'))!;
    expect(cu).toMatchObject({
      Product: 'WindowsServer2022',
      Vendor: 'Microsoft',
      Classification: 'SecurityUpdates',
      MsrcSeverity: expect.stringMatching(/^(Critical|Important)$/),
      Language: 'All',
      MsrcNumber: '',
    });
    expect(cu.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cu.KbNumber).toMatch(/^KB\d{7}$/);
    expect(cu.ContentUrl).toBe(`https://support.microsoft.com/en-us/kb/${cu.KbNumber!.slice(2)}`);
    // Nothing released after the virtual now, and a superseded cumulative update is gone.
    expect(patches.every((p) => p.ReleaseDate!.getTime() <= Date.UTC(2025, 0, 1))).toBe(true);
    expect(patches.filter((p) => p.Title!.includes('Cumulative Update for Microsoft server operating system')).length).toBe(1);
  });

  it('patches released later exist once the clock reaches them (and vanish when it goes back)', async () => {
    const count = async () => (await all([{ Key: 'PRODUCT', Values: ['AmazonLinux2023'] }])).length;
    const before = await count();
    await t.advance(60 * 86_400);
    expect(await count()).toBeGreaterThan(before);
    await t.http.post('/_emulator/clock').send({ now: '2025-01-01T00:00:00Z' });
    expect(await count()).toBe(before);
  });

  it("Linux packages come in the OS's formats (name, epoch, version, release, arch, advisories, CVEs, repository)", async () => {
    const [p] = await all([{ Key: 'PRODUCT', Values: ['AmazonLinux2023'] }, { Key: 'NAME', Values: ['openssl-libs'] }, { Key: 'CLASSIFICATION', Values: ['Security'] }]);
    expect(p).toMatchObject({ Name: 'openssl-libs', Arch: 'x86_64', Product: 'AmazonLinux2023', Classification: 'Security', Repository: 'amazonlinux', Vendor: 'Amazon Linux' });
    expect(p.Release).toMatch(/^\d+\.amzn2023\.0\.\d+$/);
    expect(p.AdvisoryIds![0]).toMatch(/^ALAS2023-\d{4}-\d+$/);
    expect(p.CVEIds![0]).toMatch(/^CVE-\d{4}-\d+$/);
    const [rh] = await all([{ Key: 'PRODUCT', Values: ['RedhatEnterpriseLinux9.4'] }, { Key: 'ADVISORY_ID', Values: ['RHSA-*'] }]);
    expect(rh.AdvisoryIds![0]).toMatch(/^RHSA-\d{4}:\d{4,}$/);
    expect(rh.BugzillaIds!.length).toBeGreaterThan(0);
    const ubuntu = await all([{ Key: 'PRODUCT', Values: ['Ubuntu22.04'] }, { Key: 'NAME', Values: ['openssh-server'] }]);
    expect(ubuntu[0]).toMatchObject({ Epoch: 1, Arch: 'amd64' });
    expect(ubuntu.some((p) => p.Repository === 'jammy-security' && p.AdvisoryIds![0].startsWith('USN-'))).toBe(true);
  });

  it('filters Windows patches by PATCH_SET, PRODUCT_FAMILY, MSRC_SEVERITY, CLASSIFICATION and PATCH_ID', async () => {
    const apps = await all([{ Key: 'PATCH_SET', Values: ['APPLICATION'] }]);
    expect(new Set(apps.map((p) => p.ProductFamily))).toEqual(new Set(['SQL Server']));
    const critical = await all([{ Key: 'PRODUCT', Values: ['WindowsServer2019'] }, { Key: 'MSRC_SEVERITY', Values: ['Critical'] }]);
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.every((p) => p.MsrcSeverity === 'Critical' && p.Product === 'WindowsServer2019')).toBe(true);
    const kb = critical[0].KbNumber!;
    expect((await all([{ Key: 'PATCH_ID', Values: [kb] }])).map((p) => p.KbNumber)).toContain(kb);
  });

  it('a Linux-only key needs a PRODUCT filter; unknown keys are refused', async () => {
    await expectError(t.ssm.send(new DescribeAvailablePatchesCommand({ Filters: [{ Key: 'CVE_ID', Values: ['CVE-2024-1'] }] })), 'ValidationException', /PRODUCT must be specified/);
    await expectError(t.ssm.send(new DescribeAvailablePatchesCommand({ Filters: [{ Key: 'COLOUR', Values: ['blue'] }] })), 'ValidationException', /Invalid filter key: COLOUR/);
  });

  it('pages with MaxResults and NextToken', async () => {
    const first = await t.ssm.send(new DescribeAvailablePatchesCommand({ MaxResults: 2 }));
    expect(first.Patches!.length).toBe(2);
    const second = await t.ssm.send(new DescribeAvailablePatchesCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(second.Patches![0].Id).not.toBe(first.Patches![0].Id);
    await expectError(t.ssm.send(new DescribeAvailablePatchesCommand({ NextToken: 'nope' })), 'InvalidNextToken');
  });
});
