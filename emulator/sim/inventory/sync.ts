/**
 * Resource data syncs (Create/Update/Delete/ListResourceDataSync): recorded and listed, never run.
 * The emulator has no Amazon S3 and no AWS Organizations, so a sync never delivers anything: it is
 * listed as a sync that has not run yet (no LastSyncTime, LastStatus or LastSuccessfulSyncTime),
 * and an AwsOrganizations source shows State OrganizationNotExists (the API reference's state for
 * "Your organization doesn't exist").
 *
 * Rules (API reference):
 * - SyncType SyncToDestination (the default) needs S3Destination (SyncFormat JsonSerDe;
 *   DestinationDataSharingType Organization); SyncFromSource needs SyncSource (SourceType
 *   AwsOrganizations with an AwsOrganizationsSource of OrganizationalUnits | EntireOrganization, or
 *   SingleAccountMultiRegions). A member of the other type is refused (unverified). All of these
 *   are ResourceDataSyncInvalidConfigurationException.
 * - Names are unique per account and Region (ResourceDataSyncAlreadyExistsException); at most 5
 *   syncs (ResourceDataSyncCountExceededException; unverified quota).
 * - UpdateResourceDataSync takes SyncFromSource syncs only, and cannot change the source type ("you
 *   can't change the account options for that sync").
 * - DeleteResourceDataSync with a SyncType that is not the sync's: ResourceDataSyncNotFoundException
 *   (unverified).
 * - ListResourceDataSync lists by name, optionally of one SyncType; pages of 1 to 50 (model), 50 by
 *   default (unverified).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { pageSorted } from '../../core/pagination.js';
import {
  InvalidNextToken,
  ResourceDataSyncAlreadyExistsException,
  ResourceDataSyncCountExceededException,
  ResourceDataSyncInvalidConfigurationException,
  ResourceDataSyncNotFoundException,
} from '../../generated/ssm/errors.js';
import type {
  CreateResourceDataSyncRequest,
  DeleteResourceDataSyncRequest,
  ListResourceDataSyncRequest,
  ListResourceDataSyncResult,
  ResourceDataSyncItem,
  ResourceDataSyncS3Destination,
  ResourceDataSyncSource,
  UpdateResourceDataSyncRequest,
} from '../../generated/ssm/types.js';
import { LIMITS } from './schema.js';
import { inventoryOf, type SyncRecord } from './state.js';
import * as messages from './messages.js';

export const SYNCS_MAX_RESULTS = 50;
const TO_DESTINATION = 'SyncToDestination';
const FROM_SOURCE = 'SyncFromSource';
const SOURCE_TYPES = ['AwsOrganizations', 'SingleAccountMultiRegions'];
const ORG_SOURCE_TYPES = ['OrganizationalUnits', 'EntireOrganization'];

const invalid = (message: string) => new ResourceDataSyncInvalidConfigurationException(message);

function checkDestination(d: ResourceDataSyncS3Destination): void {
  if (d.SyncFormat !== 'JsonSerDe') throw invalid(messages.invalidSyncFormat(d.SyncFormat));
  const sharing = d.DestinationDataSharing?.DestinationDataSharingType;
  if (sharing !== undefined && sharing !== 'Organization') throw invalid(messages.invalidSharingType(sharing));
}

function checkSource(s: ResourceDataSyncSource): void {
  if (!SOURCE_TYPES.includes(s.SourceType)) throw invalid(messages.invalidSourceType(s.SourceType));
  const org = s.AwsOrganizationsSource;
  if (s.SourceType === 'AwsOrganizations') {
    if (!org) throw invalid(messages.organizationsSourceRequired());
    if (!ORG_SOURCE_TYPES.includes(org.OrganizationSourceType)) throw invalid(messages.invalidOrganizationSourceType(org.OrganizationSourceType));
    if (org.OrganizationSourceType === 'OrganizationalUnits' && !org.OrganizationalUnits?.length) throw invalid(messages.organizationalUnitsRequired());
  } else if (org) {
    throw invalid(messages.organizationsSourceNotAllowed());
  }
}

function checkConfiguration(syncType: string, dest: ResourceDataSyncS3Destination | undefined, source: ResourceDataSyncSource | undefined): void {
  if (syncType === TO_DESTINATION) {
    if (!dest) throw invalid(messages.syncNeedsDestination());
    if (source) throw invalid(messages.syncSourceNotAllowed());
    checkDestination(dest);
  } else if (syncType === FROM_SOURCE) {
    if (!source) throw invalid(messages.syncNeedsSource());
    if (dest) throw invalid(messages.syncDestinationNotAllowed());
    checkSource(source);
  } else {
    throw invalid(messages.invalidSyncType(syncType));
  }
}

const findSync = (ctx: Ctx, name: string) => inventoryOf(ctx).syncs.find((s) => s.SyncName === name);

export function createResourceDataSync(ctx: Ctx, req: CreateResourceDataSyncRequest): void {
  const syncs = inventoryOf(ctx).syncs;
  const syncType = req.SyncType ?? TO_DESTINATION;
  if (findSync(ctx, req.SyncName)) throw new ResourceDataSyncAlreadyExistsException(messages.syncExists(req.SyncName), { SyncName: req.SyncName });
  checkConfiguration(syncType, req.S3Destination, req.SyncSource);
  if (syncs.length >= LIMITS.resourceDataSyncs) throw new ResourceDataSyncCountExceededException(messages.syncLimit(LIMITS.resourceDataSyncs));
  const now = toEpochSeconds(ctx.now);
  syncs.push({
    SyncName: req.SyncName,
    SyncType: syncType,
    ...(req.S3Destination && { S3Destination: structuredClone(req.S3Destination) }),
    ...(req.SyncSource && { SyncSource: structuredClone(req.SyncSource) }),
    SyncCreatedTime: now,
    SyncLastModifiedTime: now,
  });
}

function notFound(name: string, syncType?: string): ResourceDataSyncNotFoundException {
  return new ResourceDataSyncNotFoundException(messages.syncNotFound(name), { SyncName: name, ...(syncType !== undefined && { SyncType: syncType }) });
}

export function updateResourceDataSync(ctx: Ctx, req: UpdateResourceDataSyncRequest): void {
  const sync = findSync(ctx, req.SyncName);
  if (!sync) throw notFound(req.SyncName, req.SyncType);
  if (req.SyncType !== FROM_SOURCE || sync.SyncType !== FROM_SOURCE) throw invalid(messages.updateOnlyFromSource());
  checkSource(req.SyncSource);
  if (req.SyncSource.SourceType !== sync.SyncSource?.SourceType) throw invalid(messages.sourceTypeChange());
  sync.SyncSource = structuredClone(req.SyncSource);
  sync.SyncLastModifiedTime = toEpochSeconds(ctx.now);
}

export function deleteResourceDataSync(ctx: Ctx, req: DeleteResourceDataSyncRequest): void {
  const syncs = inventoryOf(ctx).syncs;
  const i = syncs.findIndex((s) => s.SyncName === req.SyncName && (req.SyncType === undefined || s.SyncType === req.SyncType));
  if (i < 0) throw notFound(req.SyncName, req.SyncType);
  syncs.splice(i, 1);
}

function view(s: SyncRecord): ResourceDataSyncItem {
  return {
    SyncName: s.SyncName,
    SyncType: s.SyncType,
    ...(s.SyncSource && {
      SyncSource: { ...structuredClone(s.SyncSource), ...(s.SyncSource.SourceType === 'AwsOrganizations' && { State: 'OrganizationNotExists' }) },
    }),
    ...(s.S3Destination && { S3Destination: structuredClone(s.S3Destination) }),
    SyncCreatedTime: s.SyncCreatedTime,
    SyncLastModifiedTime: s.SyncLastModifiedTime,
  };
}

export function listResourceDataSync(ctx: Ctx, req: ListResourceDataSyncRequest): ListResourceDataSyncResult {
  if (req.SyncType !== undefined && req.SyncType !== TO_DESTINATION && req.SyncType !== FROM_SOURCE) throw invalid(messages.invalidSyncType(req.SyncType));
  const list = inventoryOf(ctx)
    .syncs.filter((s) => req.SyncType === undefined || s.SyncType === req.SyncType)
    .sort((a, b) => (a.SyncName < b.SyncName ? -1 : a.SyncName > b.SyncName ? 1 : 0));
  const bad = () => new InvalidNextToken(messages.invalidNextToken());
  const { page, nextToken } = pageSorted(list, (s) => s.SyncName, req.MaxResults ?? SYNCS_MAX_RESULTS, req.NextToken, bad);
  return { ResourceDataSyncItems: page.map(view), ...(nextToken && { NextToken: nextToken }) };
}
