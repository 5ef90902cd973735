/** Binary search over a list sorted ascending (by < on strings or numbers). */

/** The index of the first element >= key: its position when present, or where it would be inserted. */
export function lowerBound<T extends string | number>(list: readonly T[], key: T): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
