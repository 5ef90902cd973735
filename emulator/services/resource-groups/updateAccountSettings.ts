/**
 * UpdateAccountSettings: turns group lifecycle events on or off. The answer shows IN_PROGRESS; the
 * change completes 30 virtual seconds later (GetAccountSettings then shows ACTIVE or INACTIVE). A
 * second change while one is in progress answers BadRequestException.
 */
import { defineRgOperation } from '../../core/operation.js';
import { updateAccountSettings } from '../../sim/resource-groups/lifecycle.js';

export default defineRgOperation('UpdateAccountSettings', (input, ctx) => ({ AccountSettings: updateAccountSettings(ctx, input.GroupLifecycleEventsDesiredStatus) }));
