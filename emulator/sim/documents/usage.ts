/**
 * Documents in use: DeleteDocument refuses to delete a document that something still runs
 * (AssociatedInstances: "You must disassociate a document from all managed nodes before you can
 * delete it"). The capabilities that hold on to documents say so through the documentUsers port:
 * State Manager's associations (services/associations provides it).
 *
 *   uses(ctx, arn, version?)   the document (its ARN in the caller's scope) is used, or, with a
 *                              version, that version is pinned by number
 *
 * Without a provider nothing is in use, which is the truth when no association can exist.
 */
import type { Ctx } from '../../core/context.js';
import { definePort } from '../../core/ports.js';

export interface DocumentUser {
  uses(ctx: Ctx, documentArn: string, version?: string): boolean;
}

export const documentUsers = definePort<DocumentUser>('documents.users');

export function documentInUse(ctx: Ctx, documentArn: string, version?: string): boolean {
  return ctx.emu.ports.all(documentUsers).some((u) => u.uses(ctx, documentArn, version));
}
