/** Helpers shared by the group operations: tag checks and the limits Resource Groups applies. */
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import * as messages from './messages.js';

/** Tags per group (AWS tagging limit). */
export const MAX_GROUP_TAGS = 50;

export function checkTags(tags: Record<string, string>, existing: Record<string, string> = {}): void {
  for (const k of Object.keys(tags)) if (k.toLowerCase().startsWith('aws:')) throw new BadRequestException(messages.reservedTagKey(k));
  const total = new Set([...Object.keys(existing), ...Object.keys(tags)]).size;
  if (total > MAX_GROUP_TAGS) throw new BadRequestException(messages.tooManyTags(MAX_GROUP_TAGS));
}
