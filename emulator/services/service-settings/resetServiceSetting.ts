/**
 * ResetServiceSetting: back to the value AWS provisioned; answers the setting as it is now (for an
 * activation tier reverting from advanced, still advanced with Status PendingUpdate).
 */
import { defineOperation } from '../../core/operation.js';
import { resetSetting, resolveSettingId, settingView } from '../../sim/service-settings/model.js';

export default defineOperation('ResetServiceSetting', (input, ctx) => {
  const id = resolveSettingId(ctx, input.SettingId);
  resetSetting(ctx, id);
  return { ServiceSetting: settingView(ctx, id) };
});
