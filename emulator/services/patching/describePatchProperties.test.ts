import { describe, expect, it } from 'vitest';
import { DescribePatchPropertiesCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from './testkit.js';

describe('DescribePatchProperties', () => {
  const t = useEmulator();
  const names = async (input: ConstructorParameters<typeof DescribePatchPropertiesCommand>[0]) =>
    (await t.ssm.send(new DescribePatchPropertiesCommand({ MaxResults: 50, ...input }))).Properties!.map((p) => p.Name);

  it('lists the values of each property an OS supports', async () => {
    expect(await names({ OperatingSystem: 'AMAZON_LINUX_2023', Property: 'PRODUCT' })).toEqual(['AmazonLinux2023']);
    expect(await names({ OperatingSystem: 'AMAZON_LINUX_2023', Property: 'CLASSIFICATION' })).toEqual(['Bugfix', 'Enhancement', 'Newpackage', 'Recommended', 'Security']);
    expect(await names({ OperatingSystem: 'REDHAT_ENTERPRISE_LINUX', Property: 'SEVERITY' })).toEqual(['Critical', 'Important', 'Low', 'Moderate']);
    expect(await names({ OperatingSystem: 'UBUNTU', Property: 'PRIORITY' })).toEqual(['Extra', 'Important', 'Optional', 'Required', 'Standard']);
    expect(await names({ OperatingSystem: 'UBUNTU', Property: 'PRODUCT' })).toContain('Ubuntu24.04');
    expect(await names({ OperatingSystem: 'WINDOWS', Property: 'MSRC_SEVERITY' })).toEqual(['Critical', 'Important', 'Low', 'Moderate', 'Unspecified']);
  });

  it('Windows products by patch set, with their product family', async () => {
    const os = await t.ssm.send(new DescribePatchPropertiesCommand({ OperatingSystem: 'WINDOWS', Property: 'PRODUCT' }));
    expect(os.Properties).toContainEqual({ Name: 'WindowsServer2022', ProductFamily: 'Windows' });
    const apps = await t.ssm.send(new DescribePatchPropertiesCommand({ OperatingSystem: 'WINDOWS', Property: 'PRODUCT', PatchSet: 'APPLICATION' }));
    expect(apps.Properties).toContainEqual({ Name: 'Microsoft SQL Server 2019', ProductFamily: 'SQL Server' });
    expect(await names({ OperatingSystem: 'WINDOWS', Property: 'PRODUCT_FAMILY', PatchSet: 'APPLICATION' })).toContain('Office');
  });

  it('pages', async () => {
    const first = await t.ssm.send(new DescribePatchPropertiesCommand({ OperatingSystem: 'REDHAT_ENTERPRISE_LINUX', Property: 'PRODUCT', MaxResults: 10 }));
    expect(first.Properties!.length).toBe(10);
    const second = await t.ssm.send(new DescribePatchPropertiesCommand({ OperatingSystem: 'REDHAT_ENTERPRISE_LINUX', Property: 'PRODUCT', MaxResults: 10, NextToken: first.NextToken }));
    expect(second.Properties![0].Name).not.toBe(first.Properties![0].Name);
  });

  it("refuses a property the OS does not have, and PatchSet outside Windows", async () => {
    await expectError(t.ssm.send(new DescribePatchPropertiesCommand({ OperatingSystem: 'UBUNTU', Property: 'CLASSIFICATION' })), 'ValidationException', 'Property CLASSIFICATION is not supported for operating system UBUNTU.');
    await expectError(t.ssm.send(new DescribePatchPropertiesCommand({ OperatingSystem: 'UBUNTU', Property: 'PRODUCT', PatchSet: 'OS' })), 'ValidationException', /WINDOWS operating system only/);
  });
});
