/**
 * Paging of the Describe* operations of maintenance windows: MaxResults defaults to 50 (AWS documents
 * only the 10-100 range) [unverified], and a token these operations did not issue answers
 * ValidationException, since none of them declares InvalidNextToken [unverified]. Items are paged by
 * a sortable key (core/pagination.ts), so a page stays right while items come and go.
 */
import { pageSorted } from '../../core/pagination.js';
import { ValidationException } from '../../generated/ssm/errors.js';
import { messages } from '../../sim/maintenance-windows/index.js';

export const DEFAULT_MAX_RESULTS = 50;

const invalid = () => new ValidationException(messages.invalidNextToken());

/** A page of `items` (already in order), keyed by a zero-padded sequence number. */
export function page<T>(items: readonly T[], seqOf: (item: T) => number, max: number | undefined, token: string | undefined): { page: T[]; NextToken?: string } {
  const r = pageSorted(items, (i) => String(seqOf(i)).padStart(12, '0'), max ?? DEFAULT_MAX_RESULTS, token, invalid);
  return { page: r.page, ...(r.nextToken && { NextToken: r.nextToken }) };
}
