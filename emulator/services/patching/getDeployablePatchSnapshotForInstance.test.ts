import { describe, expect, it } from 'vitest';
import { GetDeployablePatchSnapshotForInstanceCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, node, patchState, runPatch } from './testkit.js';

const SNAPSHOT = '521c3536-930c-4aa9-950e-01234567abcd';

describe('GetDeployablePatchSnapshotForInstance', () => {
  const t = useEmulator();

  it("takes the node's baseline snapshot and answers a (simulated) presigned S3 URL and the node's product", async () => {
    const id = await node(t, 1, { Platform: 'rhel-9' });
    const out = await t.ssm.send(new GetDeployablePatchSnapshotForInstanceCommand({ InstanceId: id, SnapshotId: SNAPSHOT }));
    expect(out).toMatchObject({ InstanceId: id, SnapshotId: SNAPSHOT, Product: 'RedhatEnterpriseLinux9.4' });
    expect(out.SnapshotDownloadUrl).toMatch(
      new RegExp(`^https://patch-baseline-snapshot-us-east-1\\.s3\\.amazonaws\\.com/[0-9a-f]{64}-000000000000/REDHAT_ENTERPRISE_LINUX-${SNAPSHOT}\\?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20250101T000000Z&`),
    );
    expect(out.SnapshotDownloadUrl).toContain('X-Amz-Expires=86400');
    const dual = await t.ssm.send(new GetDeployablePatchSnapshotForInstanceCommand({ InstanceId: id, SnapshotId: SNAPSHOT, UseS3DualStackEndpoint: true }));
    expect(dual.SnapshotDownloadUrl).toMatch(/^https:\/\/patch-baseline-snapshot-us-east-1\.s3\.dualstack\.us-east-1\.amazonaws\.com\//);
  });

  it('the snapshot is the one AWS-RunPatchBaseline uses with that SnapshotId', async () => {
    const id = await node(t, 1);
    await t.ssm.send(new GetDeployablePatchSnapshotForInstanceCommand({ InstanceId: id, SnapshotId: SNAPSHOT }));
    await runPatch(t, [id], { Operation: ['Scan'], SnapshotId: [SNAPSHOT] });
    expect((await patchState(t.ssm, id))!.SnapshotId).toBe(SNAPSHOT);
  });

  it('accepts a BaselineOverride for the node\'s OS, and checks it', async () => {
    const id = await node(t, 1);
    const ok = await t.ssm.send(
      new GetDeployablePatchSnapshotForInstanceCommand({ InstanceId: id, SnapshotId: SNAPSHOT, BaselineOverride: { OperatingSystem: 'AMAZON_LINUX_2023', ApprovedPatches: ['kernel'] } }),
    );
    expect(ok.Product).toBe('AmazonLinux2023');
    await expectError(
      t.ssm.send(new GetDeployablePatchSnapshotForInstanceCommand({ InstanceId: id, SnapshotId: SNAPSHOT, BaselineOverride: { OperatingSystem: 'WINDOWS' } })),
      'UnsupportedOperatingSystem',
    );
    await expectError(
      t.ssm.send(
        new GetDeployablePatchSnapshotForInstanceCommand({
          InstanceId: id,
          SnapshotId: SNAPSHOT,
          BaselineOverride: { OperatingSystem: 'AMAZON_LINUX_2023', GlobalFilters: { PatchFilters: [{ Key: 'MSRC_SEVERITY', Values: ['Critical'] }] } },
        }),
      ),
      'ValidationException',
      /MSRC_SEVERITY/,
    );
  });

  it('refuses unknown nodes, operating systems without a catalog, and application patching on hybrid Windows nodes', async () => {
    await expectError(t.ssm.send(new GetDeployablePatchSnapshotForInstanceCommand({ InstanceId: 'i-0fffffffffffffff0', SnapshotId: SNAPSHOT })), 'InvalidInstanceId');
    const mac = await node(t, 1, { Platform: 'macos-14' });
    await expectError(t.ssm.send(new GetDeployablePatchSnapshotForInstanceCommand({ InstanceId: mac, SnapshotId: SNAPSHOT })), 'UnsupportedOperatingSystem', /no patch catalog/);
    const hybrid = 'mi-0123456789abcdef0';
    await t.http.post('/_emulator/fleet/instances').send({ InstanceId: hybrid, Platform: 'windows-2022' });
    await expectError(
      t.ssm.send(
        new GetDeployablePatchSnapshotForInstanceCommand({
          InstanceId: hybrid,
          SnapshotId: SNAPSHOT,
          BaselineOverride: { OperatingSystem: 'WINDOWS', ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: [{ Key: 'PATCH_SET', Values: ['APPLICATION'] }] }, ApproveAfterDays: 7 }] } },
        }),
      ),
      'UnsupportedFeatureRequiredException',
      /advanced instances/,
    );
  });
});
