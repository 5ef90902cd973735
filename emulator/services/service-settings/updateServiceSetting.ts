/**
 * UpdateServiceSetting: sets a setting to one of the values AWS lists for it (ValidationException
 * otherwise). It answers nothing; GetServiceSetting shows the change. Reverting the activation tier
 * to standard is refused above 1,000 hybrid nodes and otherwise pending for 30 minutes.
 */
import { defineOperation } from '../../core/operation.js';
import { resolveSettingId, updateSetting } from '../../sim/service-settings/model.js';

export default defineOperation('UpdateServiceSetting', (input, ctx) => {
  updateSetting(ctx, resolveSettingId(ctx, input.SettingId), input.SettingValue);
  return {};
});
