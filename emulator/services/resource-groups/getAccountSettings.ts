/** GetAccountSettings: whether group lifecycle events are on (sim/resource-groups/lifecycle.ts). */
import { defineRgOperation } from '../../core/operation.js';
import { accountSettings } from '../../sim/resource-groups/lifecycle.js';

export default defineRgOperation('GetAccountSettings', (_input, ctx) => ({ AccountSettings: accountSettings(ctx) }));
