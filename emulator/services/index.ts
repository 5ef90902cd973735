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
import { patchingArea } from './patching/index.js';
import { secretsManagerArea } from './secretsmanager/index.js';

export const areas: readonly Area[] = [parametersArea, resourcePoliciesArea, taggingArea, documentsArea, fleetArea, resourceGroupsArea, commandsArea, patchingArea, secretsManagerArea];
