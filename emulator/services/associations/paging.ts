/**
 * Paging for the association operations: every list is ordered by a key that does not change while
 * the list grows (an association's creation sequence, an execution's creation time, a node id), and a
 * token carries the last key returned (core/pagination.ts), so pages stay right while associations
 * and executions come and go between calls.
 */
import { pageSorted } from '../../core/pagination.js';
import { InvalidNextToken } from '../../generated/ssm/errors.js';
import * as m from '../../sim/associations/messages.js';

const invalidToken = () => new InvalidNextToken(m.invalidNextToken());

export function paged<T>(items: readonly T[], keyOf: (item: T) => string, max: number, token: string | undefined): { page: T[]; NextToken?: string } {
  const { page, nextToken } = pageSorted(items, keyOf, max, token, invalidToken);
  return { page, ...(nextToken !== undefined && { NextToken: nextToken }) };
}

/** A sortable key for a non-negative number. */
export const numberKey = (n: number) => String(Math.round(n)).padStart(16, '0');
