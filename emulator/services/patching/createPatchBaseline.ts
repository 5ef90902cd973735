/**
 * CreatePatchBaseline: a custom baseline (pb- id) for an operating system (default WINDOWS), checked
 * against what that OS accepts (filter keys and values, approval delays, patch-list formats, sources).
 * ClientToken makes retries idempotent.
 */
import { defineOperation } from '../../core/operation.js';
import { toEpochSeconds } from '../../core/context.js';
import { idempotent } from '../../core/idempotency.js';
import { IdempotentParameterMismatch, ResourceLimitExceededException } from '../../generated/ssm/errors.js';
import { baselineContent, checkBaselineContent, MAX_BASELINES } from '../../sim/patching/baselines.js';
import { patchingOf, type StoredBaseline } from '../../sim/patching/state.js';
import * as m from '../../sim/patching/messages.js';
import { invalid } from './common.js';

export default defineOperation('CreatePatchBaseline', (input, ctx) =>
  idempotent(ctx, input.ClientToken, input, () => new IdempotentParameterMismatch(m.clientTokenReused()), () => {
    const os = input.OperatingSystem ?? 'WINDOWS';
    checkBaselineContent(ctx, os, input, invalid);
    const slice = patchingOf(ctx);
    if (Object.keys(slice.baselines).length >= MAX_BASELINES) throw new ResourceLimitExceededException(m.baselineLimit(MAX_BASELINES));
    const now = toEpochSeconds(ctx.now);
    const id = `pb-0${ctx.emu.ids.hex(16)}`;
    const b: StoredBaseline = {
      BaselineId: id,
      Name: input.Name,
      OperatingSystem: os,
      ...baselineContent(input),
      CreatedDate: now,
      ModifiedDate: now,
      ...(input.Description !== undefined && { Description: input.Description }),
      Tags: (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
      Seq: ++slice.seq,
      Revision: 0,
      owner: 'Self',
    };
    slice.baselines[id] = b;
    return { BaselineId: id };
  }),
);
