/**
 * GetServiceSetting: a setting by id (/ssm/...) or full ARN, with its value in effect, who changed it
 * last and whether it is AWS's default, customized, or has a change pending (sim/service-settings).
 */
import { defineOperation } from '../../core/operation.js';
import { resolveSettingId, settingView } from '../../sim/service-settings/model.js';

export default defineOperation('GetServiceSetting', (input, ctx) => ({ ServiceSetting: settingView(ctx, resolveSettingId(ctx, input.SettingId)) }));
