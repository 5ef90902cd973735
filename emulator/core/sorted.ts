/** Lists sorted ascending (by < on strings or numbers): binary search, insertion, removal, intersection. */

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

/** Inserts key into an ascending list, unless it is there already. */
export function insertSorted<T extends string | number>(list: T[], key: T): void {
  const i = lowerBound(list, key);
  if (list[i] !== key) list.splice(i, 0, key);
}

/** Removes key from an ascending list, if it is there. */
export function removeSorted<T extends string | number>(list: T[], key: T): void {
  const i = lowerBound(list, key);
  if (list[i] === key) list.splice(i, 1);
}

/** The ascending intersection of two ascending lists without repeats. */
export function intersectSorted<T extends string | number>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}
