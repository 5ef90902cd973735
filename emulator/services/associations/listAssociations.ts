import { defineOperation } from '../../core/operation.js';
import { associationsInOrder } from '../../sim/associations/state.js';
import { listView } from '../../sim/associations/views.js';
import { associationFilter } from './filters.js';
import { numberKey, paged } from './paging.js';

/** ListAssociations: the region's associations in creation order, filtered (filters.ts); MaxResults up to 50 (the model's maximum and default). */
export default defineOperation('ListAssociations', (input, ctx) => {
  const match = associationFilter(input.AssociationFilterList);
  const { page, NextToken } = paged(associationsInOrder(ctx).filter(match), (a) => numberKey(a.Seq), input.MaxResults ?? 50, input.NextToken);
  return { Associations: page.map(listView), ...(NextToken && { NextToken }) };
});
