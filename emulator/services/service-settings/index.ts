/**
 * The service-settings area: GetServiceSetting, UpdateServiceSetting and ResetServiceSetting over
 * the settings AWS documents (sim/service-settings/catalog.ts), and the scheduler task that applies
 * a change AWS applies later (reverting the activation tier). Parameter Store, the fleet and
 * documents read the settings in sim/service-settings/model.ts.
 */
import type { Area } from '../../core/operation.js';
import { APPLY_TASK, applyPending } from '../../sim/service-settings/model.js';
import type { SettingId } from '../../sim/service-settings/catalog.js';
import getServiceSetting from './getServiceSetting.js';
import updateServiceSetting from './updateServiceSetting.js';
import resetServiceSetting from './resetServiceSetting.js';

export const serviceSettingsArea: Area = {
  name: 'service-settings',
  operations: [getServiceSetting, updateServiceSetting, resetServiceSetting],
  tasks: { [APPLY_TASK]: (task, ctx) => applyPending(ctx, (task.payload as { id: SettingId }).id) },
};
