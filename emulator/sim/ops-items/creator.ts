/**
 * Creating an OpsItem from another capability, where AWS does (an Automation execution that fails
 * with an OpsItem option, a State Manager association failure configured to create one...). The
 * OpsCenter area provides it; without that area nothing is created and the caller records why.
 */
import type { Ctx } from '../../core/context.js';
import { definePort } from '../../core/ports.js';
import type { CreateOpsItemRequest } from '../../generated/ssm/types.js';

export interface OpsItemCreator {
  /** Creates the OpsItem as CreateOpsItem would (dedup strings included); returns its id. */
  create(ctx: Ctx, request: CreateOpsItemRequest): string;
}

export const opsItemCreator = definePort<OpsItemCreator>('ops-items.creator');
