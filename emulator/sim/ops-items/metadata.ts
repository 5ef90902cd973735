/**
 * OpsMetadata: Application Manager's metadata about an application, one object per resource.
 *
 *   - The ARN is arn:aws:ssm:<region>:<account>:opsmetadata/<resource id without its leading slash>
 *     (AWS's examples: /aws/ssm/MyGroup/appmanager -> opsmetadata/aws/ssm/MyGroup/appmanager). A
 *     resource id may also be a resource group's ARN, which names the group's application:
 *     opsmetadata/aws/ssm/<group>/appmanager (as Application Manager pairs them; unverified).
 *     Any other resource id must fit the ARN's characters (letters, digits, - _ . /).
 *   - At most MAX_OBJECTS objects per account and Region (OpsMetadataLimitExceededException's text),
 *     5 tags per object (CreateOpsMetadata's documentation), 5 keys per request (the model) and
 *     MAX_KEYS keys per object (the number is ours: AWS does not publish it).
 */
import type { Ctx } from '../../core/context.js';
import { arn, toEpochSeconds } from '../../core/context.js';
import {
  OpsMetadataAlreadyExistsException,
  OpsMetadataInvalidArgumentException,
  OpsMetadataKeyLimitExceededException,
  OpsMetadataLimitExceededException,
  OpsMetadataNotFoundException,
} from '../../generated/ssm/errors.js';
import type { MetadataValue, OpsMetadata, Tag } from '../../generated/ssm/types.js';
import { mergedTags } from '../tags/model.js';
import { callerArn } from './model.js';
import { setOwn } from '../../core/maps.js';
import { opsMetadata, type OpsMetadataRecord } from './state.js';
import * as messages from './messages.js';

export const MAX_OBJECTS = 200;
export const MAX_KEYS = 100;
export const MAX_TAGS = 5;

const GROUP_ARN = /^arn:aws[a-z-]*:resource-groups:[a-z0-9-]+:\d{12}:group\/([a-zA-Z0-9_.-]{1,300})$/;
const PATH = /^[a-zA-Z0-9\-_./]+$/;

/** The part of the ARN after opsmetadata/ for a resource id (OpsMetadataInvalidArgumentException if none fits). */
export function metadataPath(resourceId: string): string {
  const g = GROUP_ARN.exec(resourceId);
  if (g) return `aws/ssm/${g[1]}/appmanager`;
  const path = resourceId.replace(/^\/+/, '');
  if (!path || !PATH.test(path)) throw new OpsMetadataInvalidArgumentException(messages.metadataBadResourceId(resourceId));
  return path;
}

export const metadataArn = (ctx: { account: string; region: string }, path: string) => arn(ctx, 'ssm', `opsmetadata/${path}`);

const byArnOf = (ctx: { scope: Ctx['scope'] }) => opsMetadata.of(ctx.scope).byArn;

/** The object an ARN names in the caller's account and Region. */
export function getMetadata(ctx: Ctx, opsMetadataArn: string): OpsMetadataRecord {
  const all = opsMetadata.peek(ctx.scope)?.byArn;
  if (!all || !Object.hasOwn(all, opsMetadataArn)) throw new OpsMetadataNotFoundException(messages.metadataNotFound(opsMetadataArn));
  return all[opsMetadataArn];
}

/** Metadata maps are keyed by user-supplied keys: no prototype, keys defined, never assigned. */
function copyMetadata(src: Readonly<Record<string, MetadataValue>> | undefined): Record<string, { Value: string }> {
  const out: Record<string, { Value: string }> = Object.create(null);
  for (const [k, v] of Object.entries(src ?? {})) setOwn(out, k, { Value: v.Value ?? '' });
  return out;
}

function checkTags(tags: readonly Tag[] | undefined): Tag[] {
  try {
    return mergedTags([], tags ?? [], MAX_TAGS);
  } catch (e) {
    // CreateOpsMetadata models no tag error of its own: an invalid argument.
    if ((e as { code?: string }).code === 'TooManyTagsError') throw new OpsMetadataInvalidArgumentException(messages.metadataTooManyTags(MAX_TAGS));
    throw e;
  }
}

export function createMetadata(ctx: Ctx, input: { ResourceId: string; Metadata?: Record<string, MetadataValue>; Tags?: Tag[] }): string {
  const objectArn = metadataArn(ctx, metadataPath(input.ResourceId));
  const all = byArnOf(ctx);
  if (Object.hasOwn(all, objectArn)) throw new OpsMetadataAlreadyExistsException(messages.metadataExists(input.ResourceId));
  if (Object.keys(all).length >= MAX_OBJECTS) throw new OpsMetadataLimitExceededException(messages.metadataLimit(MAX_OBJECTS));
  const tags = checkTags(input.Tags);
  const now = toEpochSeconds(ctx.now);
  all[objectArn] = {
    ResourceId: input.ResourceId,
    OpsMetadataArn: objectArn,
    Metadata: copyMetadata(input.Metadata),
    CreationDate: now,
    LastModifiedDate: now,
    LastModifiedUser: callerArn(ctx),
    Tags: tags,
  };
  return objectArn;
}

export function updateMetadata(ctx: Ctx, input: { OpsMetadataArn: string; MetadataToUpdate?: Record<string, MetadataValue>; KeysToDelete?: string[] }): void {
  const rec = getMetadata(ctx, input.OpsMetadataArn);
  const update = input.MetadataToUpdate ?? {};
  const remove = input.KeysToDelete ?? [];
  if (!Object.keys(update).length && !remove.length) throw new OpsMetadataInvalidArgumentException(messages.metadataNothingToUpdate());
  for (const k of remove) {
    if (Object.hasOwn(update, k)) throw new OpsMetadataInvalidArgumentException(messages.metadataUpdateAndDelete(k));
    if (!Object.hasOwn(rec.Metadata, k)) throw new OpsMetadataInvalidArgumentException(messages.metadataKeyNotFound(k));
  }
  const next = copyMetadata(rec.Metadata);
  for (const [k, v] of Object.entries(copyMetadata(update))) setOwn(next, k, v);
  for (const k of remove) delete next[k];
  if (Object.keys(next).length > MAX_KEYS) throw new OpsMetadataKeyLimitExceededException(messages.metadataKeyLimit(MAX_KEYS));
  rec.Metadata = next;
  rec.LastModifiedDate = toEpochSeconds(ctx.now);
  rec.LastModifiedUser = callerArn(ctx);
}

export function deleteMetadata(ctx: Ctx, opsMetadataArn: string): void {
  getMetadata(ctx, opsMetadataArn);
  delete byArnOf(ctx)[opsMetadataArn];
}

/** The scope's objects, by ARN. */
export const allMetadata = (ctx: Ctx): OpsMetadataRecord[] =>
  Object.values(opsMetadata.peek(ctx.scope)?.byArn ?? {}).sort((a, b) => (a.OpsMetadataArn < b.OpsMetadataArn ? -1 : 1));

export const metadataView = (r: OpsMetadataRecord): OpsMetadata => ({
  ResourceId: r.ResourceId,
  OpsMetadataArn: r.OpsMetadataArn,
  LastModifiedDate: r.LastModifiedDate,
  LastModifiedUser: r.LastModifiedUser,
  CreationDate: r.CreationDate,
});

/** The object a tagging request names: its resource id, with or without the leading slash. */
export function metadataForTagging(ctx: Ctx, resourceId: string): OpsMetadataRecord | undefined {
  let path: string;
  try {
    path = metadataPath(resourceId);
  } catch {
    return undefined;
  }
  const all = opsMetadata.peek(ctx.scope)?.byArn;
  const key = metadataArn(ctx, path);
  return all && Object.hasOwn(all, key) ? all[key] : undefined;
}
