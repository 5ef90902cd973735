/**
 * Every capability area the emulator loads. Each area lives in services/<area>/ and exports its
 * Area from index.ts (operations, scheduler task kinds, taggable resource types, start-up hook,
 * control routes).
 */
import type { Area } from '../core/operation.js';
import { parametersArea } from './parameters/index.js';
import { taggingArea } from './tagging/index.js';
import { resourcePoliciesArea } from './resource-policies/index.js';
import { documentsArea } from './documents/index.js';
import { fleetArea } from './fleet/index.js';
import { resourceGroupsArea } from './resource-groups/index.js';
import { commandsArea } from './commands/index.js';
import { serviceSettingsArea } from './service-settings/index.js';
import { opsItemsArea } from './ops-items/index.js';
import { patchingArea } from './patching/index.js';
import { inventoryArea } from './inventory/index.js';
import { complianceArea } from './compliance/index.js';
import { maintenanceWindowsArea } from './maintenance-windows/index.js';
import { associationsArea } from './associations/index.js';
import { automationArea } from './automation/index.js';
import { sessionsArea } from './sessions/index.js';
import { secretsManagerArea } from './secretsmanager/index.js';

export const areas: readonly Area[] = [parametersArea, resourcePoliciesArea, taggingArea, documentsArea, fleetArea, resourceGroupsArea, commandsArea, serviceSettingsArea, opsItemsArea, patchingArea, inventoryArea, complianceArea, maintenanceWindowsArea, associationsArea, automationArea, sessionsArea, secretsManagerArea];
