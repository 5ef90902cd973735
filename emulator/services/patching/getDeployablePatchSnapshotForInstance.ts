/**
 * GetDeployablePatchSnapshotForInstance: the baseline snapshot a node patches with (its patch group's
 * baseline for its OS, else the default, or the BaselineOverride given), taken now if the snapshot id
 * is new, and a presigned S3 URL to download it ("expires 24 hours after the snapshot is created"; the
 * URL is simulated: the emulator has no S3). It records the snapshot, so it mutates.
 *
 * Errors: the node's OS has no patch catalog: UnsupportedOperatingSystem; a hybrid (mi-) Windows node
 * whose baseline approves application patches: UnsupportedFeatureRequiredException (application patching
 * needs the advanced-instances tier, which the emulator does not model); an unknown node:
 * InvalidInstanceId [unverified: not in the operation's modelled errors].
 */
import { createHash } from 'node:crypto';
import { defineOperation } from '../../core/operation.js';
import { InvalidInstanceId, UnsupportedFeatureRequiredException, UnsupportedOperatingSystem } from '../../generated/ssm/errors.js';
import { getInstance } from '../../sim/fleet/state.js';
import { catalogForNode, productOf } from '../../sim/patching/catalog.js';
import * as m from '../../sim/patching/messages.js';
import { baselineFromOverride, resolveBaseline, takeSnapshot } from '../../sim/patching/operation.js';
import { invalid } from './common.js';

const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export default defineOperation(
  'GetDeployablePatchSnapshotForInstance',
  (input, ctx) => {
    const node = getInstance(ctx, input.InstanceId);
    if (!node) throw new InvalidInstanceId(m.instanceNotFound(input.InstanceId));
    const catalog = catalogForNode(ctx.emu, node);
    if (!catalog) throw new UnsupportedOperatingSystem(m.unsupportedPlatform(node.InstanceId, `${node.PlatformName} ${node.PlatformVersion}`));
    const os = catalog.operatingSystem;
    const resolved = resolveBaseline(ctx, node, os, {});
    if (typeof resolved === 'string') throw invalid(resolved);
    let { baseline, identity } = resolved;
    if (input.BaselineOverride) {
      if ((input.BaselineOverride.OperatingSystem ?? os) !== os) throw new UnsupportedOperatingSystem(m.snapshotUnknownOs(input.SnapshotId));
      const o = baselineFromOverride(ctx, os, input.BaselineOverride, baseline);
      if (typeof o === 'string') throw invalid(o);
      baseline = o;
      identity = `override:${createHash('sha1').update(JSON.stringify(input.BaselineOverride)).digest('hex')}:${os}`;
    }
    const applications = [...baseline.GlobalFilters.PatchFilters, ...baseline.ApprovalRules.PatchRules.flatMap((r) => r.PatchFilterGroup.PatchFilters)].some(
      (f) => f.Key === 'PATCH_SET' && (f.Values.includes('APPLICATION') || f.Values.includes('*')),
    );
    if (os === 'WINDOWS' && node.ResourceType === 'ManagedInstance' && applications) throw new UnsupportedFeatureRequiredException(m.applicationPatchingNeedsAdvancedTier());
    const product = productOf(catalog, node);
    const { snap } = takeSnapshot(ctx, input.SnapshotId, baseline, identity, node, product);
    const hash = createHash('sha256').update(`${ctx.account}|${snap.BaselineId}|${snap.SnapshotId}`).digest('hex');
    const host = input.UseS3DualStackEndpoint ? `patch-baseline-snapshot-${ctx.region}.s3.dualstack.${ctx.region}.amazonaws.com` : `patch-baseline-snapshot-${ctx.region}.s3.amazonaws.com`;
    const signature = createHash('sha256').update(`${hash}|${ctx.now}`).digest('hex');
    const url =
      `https://${host}/${hash}-${ctx.account}/${os}-${snap.SnapshotId}` +
      `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${amzDate(ctx.now)}&X-Amz-SignedHeaders=host` +
      '&X-Amz-Expires=86400' +
      `&X-Amz-Credential=ASIAEMULATOR%2F${amzDate(ctx.now).slice(0, 8)}%2F${ctx.region}%2Fs3%2Faws4_request&X-Amz-Signature=${signature}`;
    return { InstanceId: node.InstanceId, SnapshotId: snap.SnapshotId, SnapshotDownloadUrl: url, Product: product };
  },
  { mutates: true },
);
