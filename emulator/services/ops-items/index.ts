/**
 * The ops-items area: OpsCenter (OpsItems, their timeline and related items, GetOpsSummary over
 * OpsData) and Application Manager's OpsMetadata. The domain is emulator/sim/ops-items/. It provides
 * the opsItemCreator port (Automation and other capabilities create OpsItems as CreateOpsItem would,
 * and move their workflow statuses as UpdateOpsItem would),
 * its OpsData sources (AWS:OpsItem, AWS:OpsItemTrendline, AWS:EC2InstanceInformation), and tags of
 * OpsItems and OpsMetadata.
 */
import type { Area } from '../../core/operation.js';
import { OpsItemAlreadyExistsException, OpsItemConflictException, OpsItemNotFoundException } from '../../generated/ssm/errors.js';
import { taggableResources } from '../../sim/tags/registry.js';
import { opsItemCreator } from '../../sim/ops-items/creator.js';
import { createOpsItem, getItem, updateOpsItem as updateItem } from '../../sim/ops-items/model.js';
import { instanceInformationSource, opsDataSources, opsItemSource, trendlineSource } from '../../sim/ops-items/opsdata.js';
import createOpsItemOp from './createOpsItem.js';
import getOpsItem from './getOpsItem.js';
import updateOpsItem from './updateOpsItem.js';
import deleteOpsItem from './deleteOpsItem.js';
import describeOpsItems from './describeOpsItems.js';
import listOpsItemEvents from './listOpsItemEvents.js';
import associateOpsItemRelatedItem from './associateOpsItemRelatedItem.js';
import disassociateOpsItemRelatedItem from './disassociateOpsItemRelatedItem.js';
import listOpsItemRelatedItems from './listOpsItemRelatedItems.js';
import getOpsSummary from './getOpsSummary.js';
import createOpsMetadata from './createOpsMetadata.js';
import getOpsMetadata from './getOpsMetadata.js';
import updateOpsMetadata from './updateOpsMetadata.js';
import deleteOpsMetadata from './deleteOpsMetadata.js';
import listOpsMetadata from './listOpsMetadata.js';
import { opsItemTaggable, opsMetadataTaggable } from './taggable.js';

export const opsItemsArea: Area = {
  name: 'ops-items',
  operations: [
    createOpsItemOp, getOpsItem, updateOpsItem, deleteOpsItem, describeOpsItems, listOpsItemEvents, associateOpsItemRelatedItem,
    disassociateOpsItemRelatedItem, listOpsItemRelatedItems, getOpsSummary, createOpsMetadata, getOpsMetadata, updateOpsMetadata,
    deleteOpsMetadata, listOpsMetadata,
  ],
  provides: [
    // A duplicate (the dedup string of an open OpsItem) is that OpsItem: the caller gets its id.
    opsItemCreator.provide({
      create(ctx, request) {
        try {
          return createOpsItem(ctx, request).OpsItemId;
        } catch (e) {
          const existing = e instanceof OpsItemAlreadyExistsException ? e.fields?.OpsItemId : undefined;
          if (typeof existing === 'string') return existing;
          throw e;
        }
      },
      update(ctx, request) {
        try {
          updateItem(ctx, request);
          return true;
        } catch (e) {
          if (e instanceof OpsItemNotFoundException || e instanceof OpsItemConflictException) return false;
          throw e;
        }
      },
      operationalData(ctx, id) {
        try {
          return getItem(ctx, id).OperationalData;
        } catch (e) {
          if (e instanceof OpsItemNotFoundException) return undefined;
          throw e;
        }
      },
    }),
    opsDataSources.provide(opsItemSource),
    opsDataSources.provide(trendlineSource),
    opsDataSources.provide(instanceInformationSource),
    taggableResources.provide(opsItemTaggable),
    taggableResources.provide(opsMetadataTaggable),
  ],
};
