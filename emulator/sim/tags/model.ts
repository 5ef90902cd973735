/**
 * SSM's tag rules, shared by AddTagsToResource and by operations that take Tags at creation
 * (PutParameter, CreateDocument, ...): keys and values follow the model's TagKey/TagValue patterns
 * (checked by core/validate); keys starting with "aws:" (any case) are reserved; a resource holds at
 * most 50 tags (Automation executions 5), counting the tags it already has; a key given twice in one
 * request keeps its last value.
 */
import type { Tag } from '../../generated/ssm/types.js';
import { TooManyTagsError, ValidationException } from '../../generated/ssm/errors.js';
import * as messages from './messages.js';

export const MAX_TAGS = 50;

export const isReservedKey = (key: string): boolean => key.toLowerCase().startsWith('aws:');

/** Refuses reserved keys (before anything is changed). */
export function checkTagKeys(keys: Iterable<string>): void {
  for (const k of keys) if (isReservedKey(k)) throw new ValidationException(messages.reservedKey(k));
}

/**
 * The tag list after adding `add` to `existing` (same key: new value), or TooManyTagsError when it
 * would exceed `max`. Does not mutate `existing`.
 */
export function mergedTags(existing: readonly Tag[], add: readonly Tag[], max = MAX_TAGS): Tag[] {
  checkTagKeys(add.map((t) => t.Key));
  const out = existing.map((t) => ({ Key: t.Key, Value: t.Value }));
  for (const t of add) {
    const i = out.findIndex((x) => x.Key === t.Key);
    if (i >= 0) out[i] = { Key: t.Key, Value: t.Value };
    else out.push({ Key: t.Key, Value: t.Value });
  }
  if (out.length > max) throw new TooManyTagsError(messages.tooManyTags(max));
  return out;
}

/** Replaces the contents of a live tag list in place (the registry hands out the stored array). */
export function replaceTags(live: Tag[], next: readonly Tag[]): void {
  live.splice(0, live.length, ...next);
}
