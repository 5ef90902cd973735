/**
 * GetDefaultPatchBaseline: the default baseline of an OS ("If you don't specify an operating system
 * value, the default patch baseline for Windows is returned"): the account's registration, else AWS's
 * predefined default, named by its ARN.
 */
import { defineOperation } from '../../core/operation.js';
import { defaultBaseline } from '../../sim/patching/baselines.js';

export default defineOperation('GetDefaultPatchBaseline', (input, ctx) => {
  const os = input.OperatingSystem ?? 'WINDOWS';
  return { BaselineId: defaultBaseline(ctx, os).BaselineId, OperatingSystem: os };
});
