import { describe, expect, it } from 'vitest';
import { CreatePatchBaselineCommand, GetPatchBaselineCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { createBaseline, expectError } from './testkit.js';

const rule = (filters: { Key: string; Values: string[] }[], extra: Record<string, unknown> = { ApproveAfterDays: 7 }) => ({
  PatchRules: [{ PatchFilterGroup: { PatchFilters: filters as any }, ...extra }],
});

describe('CreatePatchBaseline', () => {
  const t = useEmulator();

  it('creates a baseline with a pb- id; what is not given takes AWS defaults (WINDOWS, UNSPECIFIED, ALLOW_AS_DEPENDENCY)', async () => {
    const { BaselineId } = await t.ssm.send(new CreatePatchBaselineCommand({ Name: 'Windows-Server-2022', ApprovedPatches: ['KB5034107'] }));
    expect(BaselineId).toMatch(/^pb-[0-9a-f]{17}$/);
    const b = await t.ssm.send(new GetPatchBaselineCommand({ BaselineId }));
    expect(b).toMatchObject({
      BaselineId,
      Name: 'Windows-Server-2022',
      OperatingSystem: 'WINDOWS',
      GlobalFilters: { PatchFilters: [] },
      ApprovalRules: { PatchRules: [] },
      ApprovedPatches: ['KB5034107'],
      ApprovedPatchesComplianceLevel: 'UNSPECIFIED',
      ApprovedPatchesEnableNonSecurity: false,
      RejectedPatches: [],
      RejectedPatchesAction: 'ALLOW_AS_DEPENDENCY',
      PatchGroups: [],
      Sources: [],
    });
    expect(b.CreatedDate!.getTime() / 1000).toBe(TEST_START_SECONDS);
    expect(b.Description).toBeUndefined();
  });

  it('keeps every member as given: rules, global filters, lists, sources, compliance settings', async () => {
    const id = await createBaseline(t.ssm, {
      Name: 'al2023-prod',
      Description: 'Critical and important security updates',
      GlobalFilters: { PatchFilters: [{ Key: 'PRODUCT', Values: ['AmazonLinux2023'] }] },
      ApprovalRules: {
        PatchRules: [
          { PatchFilterGroup: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['Security'] }, { Key: 'SEVERITY', Values: ['Critical', 'Important'] }] }, ApproveAfterDays: 3, ComplianceLevel: 'CRITICAL' },
          { PatchFilterGroup: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['Bugfix'] }] }, ApproveUntilDate: '2025-06-30', EnableNonSecurity: true },
        ],
      },
      ApprovedPatches: ['openssl-libs.x86_64', 'ALAS2023-2024-512', 'CVE-2024-12345', '1234567'],
      ApprovedPatchesComplianceLevel: 'HIGH',
      ApprovedPatchesEnableNonSecurity: true,
      RejectedPatches: ['kernel-6.1.*'],
      RejectedPatchesAction: 'BLOCK',
      Sources: [{ Name: 'internal-mirror', Products: ['AmazonLinux2023'], Configuration: '[internal]\nname=Internal\nbaseurl=https://mirror.example.com/al2023\nenabled=1' }],
      Tags: [{ Key: 'Env', Value: 'prod' }],
    });
    const b = await t.ssm.send(new GetPatchBaselineCommand({ BaselineId: id }));
    expect(b.ApprovalRules!.PatchRules![0]).toEqual({
      PatchFilterGroup: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['Security'] }, { Key: 'SEVERITY', Values: ['Critical', 'Important'] }] },
      ApproveAfterDays: 3,
      ComplianceLevel: 'CRITICAL',
    });
    expect(b.ApprovalRules!.PatchRules![1]).toMatchObject({ ApproveUntilDate: '2025-06-30', EnableNonSecurity: true });
    expect(b).toMatchObject({ Description: 'Critical and important security updates', RejectedPatchesAction: 'BLOCK', ApprovedPatchesComplianceLevel: 'HIGH' });
    expect(b.Sources![0].Name).toBe('internal-mirror');
  });

  it('is idempotent with a ClientToken; the same token with another request is IdempotentParameterMismatch', async () => {
    const input = { Name: 'tokened', OperatingSystem: 'UBUNTU' as const, ClientToken: 'abc-123' };
    const a = await t.ssm.send(new CreatePatchBaselineCommand(input));
    const b = await t.ssm.send(new CreatePatchBaselineCommand(input));
    expect(b.BaselineId).toBe(a.BaselineId);
    await expectError(t.ssm.send(new CreatePatchBaselineCommand({ ...input, Name: 'other' })), 'IdempotentParameterMismatch');
  });

  it('refuses a filter key the OS does not have', async () => {
    await expectError(
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'bad', OperatingSystem: 'AMAZON_LINUX_2', ApprovalRules: rule([{ Key: 'MSRC_SEVERITY', Values: ['Critical'] }]) })),
      'ValidationException',
      'Invalid Filter Key: MSRC_SEVERITY is not supported for operating system AMAZON_LINUX_2',
    );
    await expectError(
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'bad', OperatingSystem: 'UBUNTU', GlobalFilters: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['Security'] }] } })),
      'ValidationException',
      /CLASSIFICATION is not supported for operating system UBUNTU/,
    );
  });

  it("refuses a value outside a key's values with AWS's text, listing the valid ones", async () => {
    const err = await expectError(
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'bad', OperatingSystem: 'AMAZON_LINUX', ApprovalRules: rule([{ Key: 'PRODUCT', Values: ['All'] }]) })),
      'ValidationException',
    );
    expect(err.message).toBe(
      'Invalid Filter Value: All for Key: PRODUCT, valid values are: AmazonLinux2012.03, AmazonLinux2012.09, AmazonLinux2013.03, AmazonLinux2013.09, AmazonLinux2014.03, AmazonLinux2014.09, AmazonLinux2015.03, AmazonLinux2015.09, AmazonLinux2016.03, AmazonLinux2016.09, AmazonLinux2017.03, AmazonLinux2017.09, AmazonLinux2018.03',
    );
    await expectError(
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'bad', OperatingSystem: 'WINDOWS', ApprovalRules: rule([{ Key: 'MSRC_SEVERITY', Values: ['Urgent'] }]) })),
      'ValidationException',
      /^Invalid Filter Value: Urgent for Key: MSRC_SEVERITY, valid values are: Critical, Important, Moderate, Low, Unspecified$/,
    );
  });

  it('accepts application products only with PATCH_SET APPLICATION (Windows)', async () => {
    await expectError(
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'apps', ApprovalRules: rule([{ Key: 'PRODUCT', Values: ['Office 2016'] }]) })),
      'ValidationException',
      /^Invalid Filter Value: Office 2016 for Key: PRODUCT/,
    );
    await createBaseline(t.ssm, {
      Name: 'apps',
      OperatingSystem: 'WINDOWS',
      ApprovalRules: rule([{ Key: 'PATCH_SET', Values: ['APPLICATION'] }, { Key: 'PRODUCT', Values: ['Office 2016'] }, { Key: 'PRODUCT_FAMILY', Values: ['Office'] }]),
    });
  });

  it('refuses a key given twice in one filter group', async () => {
    await expectError(
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'dup', OperatingSystem: 'AMAZON_LINUX_2023', ApprovalRules: rule([{ Key: 'PRODUCT', Values: ['*'] }, { Key: 'PRODUCT', Values: ['AmazonLinux2023'] }]) })),
      'ValidationException',
      'Duplicate filter key: PRODUCT',
    );
  });

  it('needs exactly one of ApproveAfterDays and ApproveUntilDate (a real date), except on Debian and Ubuntu', async () => {
    const send = (extra: Record<string, unknown>, os = 'AMAZON_LINUX_2023') =>
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'rule', OperatingSystem: os as any, ApprovalRules: rule([{ Key: 'PRODUCT', Values: ['*'] }], extra) }));
    await expectError(send({}), 'ValidationException', 'Either ApproveAfterDays or ApproveUntilDate must be specified in a patch rule.');
    await expectError(send({ ApproveAfterDays: 1, ApproveUntilDate: '2025-01-01' }), 'ValidationException', /cannot both be specified/);
    await expectError(send({ ApproveUntilDate: '2025-02-30' }), 'ValidationException', 'Invalid ApproveUntilDate: 2025-02-30. The date must be in the format YYYY-MM-DD.');
    await send({}, 'UBUNTU');
  });

  it("checks approved and rejected patches against the OS's formats", async () => {
    await expectError(
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'win', ApprovedPatches: ['openssl'] })),
      'ValidationException',
      'Invalid patch openssl in ApprovedPatches: not a KB or MS bulletin id.',
    );
    await expectError(
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'lin', OperatingSystem: 'REDHAT_ENTERPRISE_LINUX', RejectedPatches: ['kernel-*-*.el9'] })),
      'ValidationException',
      /at most one wildcard/,
    );
    await createBaseline(t.ssm, { Name: 'okay', OperatingSystem: 'WINDOWS', ApprovalRules: undefined, ApprovedPatches: ['KB2032276', 'MS10-048'], RejectedPatches: ['KB2124261'] });
  });

  it('refuses Sources on Windows and sources with one name twice', async () => {
    const source = { Name: 'mirror', Products: ['AmazonLinux2023'], Configuration: '[m]\nbaseurl=https://m' };
    await expectError(t.ssm.send(new CreatePatchBaselineCommand({ Name: 'win', Sources: [{ ...source, Products: ['WindowsServer2022'] }] })), 'ValidationException', /Linux operating systems only/);
    await expectError(
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'lin', OperatingSystem: 'AMAZON_LINUX_2023', Sources: [source, source] })),
      'ValidationException',
      'Duplicate patch source name: mirror',
    );
  });

  it("validates the request's shape from the model", async () => {
    await expectError(t.ssm.send(new CreatePatchBaselineCommand({ Name: 'a b' })), 'ValidationException', /Member must satisfy regular expression pattern/);
    await expectError(
      t.ssm.send(new CreatePatchBaselineCommand({ Name: 'xxx', ApprovalRules: rule([{ Key: 'PRODUCT', Values: ['*'] }], { ApproveAfterDays: 361 }) })),
      'ValidationException',
      /Member must have value less than or equal to 360/,
    );
  });

  it('allows 50 baselines per account and Region (ResourceLimitExceededException beyond)', async () => {
    for (let i = 0; i < 50; i++) await t.ssm.send(new CreatePatchBaselineCommand({ Name: `b-${i}` }));
    await expectError(t.ssm.send(new CreatePatchBaselineCommand({ Name: 'b-50' })), 'ResourceLimitExceededException', 'Maximum number of patch baselines (50) has been reached.');
    // Another Region has its own.
    await t.client({ region: 'eu-west-1' }).send(new CreatePatchBaselineCommand({ Name: 'b-0' }));
  });
});
