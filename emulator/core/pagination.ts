/**
 * Opaque NextTokens. A token carries where the next page starts as a key (a name, an id, a
 * timestamp+id), never an offset, so paging stays correct while items are added or removed between
 * pages. Tokens are base64url JSON with a small checksum; anything else answers the operation's
 * InvalidNextToken (or ValidationException) error, as AWS does for a token it did not issue.
 */
import { createHash } from 'node:crypto';
import type { ServiceError } from './errors.js';

const sum = (s: string) => createHash('sha1').update(s).digest('base64url').slice(0, 8);

export function encodeToken(position: unknown): string {
  const body = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${body}.${sum(body)}`;
}

/** Decodes a token made by encodeToken, or throws what `invalid` makes. */
export function decodeToken<T>(token: string, invalid: () => ServiceError): T {
  const dot = token.lastIndexOf('.');
  if (dot < 1) throw invalid();
  const body = token.slice(0, dot);
  if (sum(body) !== token.slice(dot + 1)) throw invalid();
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
  } catch {
    throw invalid();
  }
}

/**
 * Pages a list that is already sorted by `keyOf` (ascending, unique keys): items after the token's
 * key, at most `max` of them, and a token when more remain. O(log n + page) with binary search.
 */
export function pageSorted<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  max: number,
  token: string | undefined,
  invalid: () => ServiceError,
): { page: T[]; nextToken?: string } {
  let start = 0;
  if (token !== undefined) {
    const after = decodeToken<{ k: string }>(token, invalid).k;
    if (typeof after !== 'string') throw invalid();
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyOf(items[mid]) <= after) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const page = items.slice(start, start + max);
  const more = start + max < items.length;
  return more ? { page, nextToken: encodeToken({ k: keyOf(page[page.length - 1]) }) } : { page };
}
