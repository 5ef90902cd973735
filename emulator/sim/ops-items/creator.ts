/**
 * Creating an OpsItem from another capability, where AWS does (an Automation execution that fails
 * with an OpsItem option, a State Manager association failure configured to create one...). The
 * OpsCenter area provides it; without that area nothing is created and the caller records why.
 */
import type { Ctx } from '../../core/context.js';
import { definePort } from '../../core/ports.js';
import type { CreateOpsItemRequest, OpsItemDataValue, UpdateOpsItemRequest } from '../../generated/ssm/types.js';

export interface OpsItemCreator {
  /** Creates the OpsItem as CreateOpsItem would (dedup strings included); returns its id. */
  create(ctx: Ctx, request: CreateOpsItemRequest): string;
  /**
   * Updates an OpsItem the capability created, as UpdateOpsItem would (a new version, a timeline
   * event): a change request's or an access request's workflow status and data follow the request.
   * Returns false when the OpsItem is gone (a user deleted it), which the caller's work survives.
   */
  update(ctx: Ctx, request: UpdateOpsItemRequest): boolean;
  /** The OpsItem's operational data, or undefined when it is gone. */
  operationalData(ctx: Ctx, id: string): Readonly<Record<string, OpsItemDataValue>> | undefined;
}

export const opsItemCreator = definePort<OpsItemCreator>('ops-items.creator');
