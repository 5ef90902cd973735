/**
 * A sorted set of strings kept in blocks of at most 2 * LOAD entries (the layout of Python's
 * sortedcontainers): finding a position is a binary search over the block maxima and then inside one
 * block, so an insert or a delete costs O(log n + LOAD) instead of the O(n) of a flat sorted array or
 * the O(n log n) of re-sorting, and reading a page from any key costs O(log n + page).
 *
 * Parameter Store uses it for its name index (every parameter, for recursive path listing and
 * DescribeParameters) and for the direct children of every path (OneLevel listing), so a page never
 * scans parameters outside the range it returns. Keys compare by JavaScript string order (UTF-16 code
 * units), which for parameter names (ASCII) is byte order.
 */
import { lowerBound } from '../../core/sorted.js';
const LOAD = 256;

export class SortedNames {
  private blocks: string[][] = [];
  private maxes: string[] = [];
  private count = 0;

  /** Builds from keys that are already sorted and unique (bulk load). */
  static fromSorted(keys: readonly string[]): SortedNames {
    const s = new SortedNames();
    for (let i = 0; i < keys.length; i += LOAD) {
      const block = keys.slice(i, i + LOAD);
      s.blocks.push(block);
      s.maxes.push(block[block.length - 1]);
    }
    s.count = keys.length;
    return s;
  }

  get size(): number {
    return this.count;
  }

  /** Index of the first block whose max is >= key (blocks.length when key is past the end). */
  private blockFor(key: string): number {
    let lo = 0;
    let hi = this.maxes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.maxes[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }



  has(key: string): boolean {
    const b = this.blockFor(key);
    if (b === this.blocks.length) return false;
    const block = this.blocks[b];
    return block[lowerBound(block, key)] === key;
  }

  /** Adds a key; returns false when it was already present. */
  add(key: string): boolean {
    if (!this.blocks.length) {
      this.blocks.push([key]);
      this.maxes.push(key);
      this.count = 1;
      return true;
    }
    let b = this.blockFor(key);
    if (b === this.blocks.length) b--; // larger than everything: append to the last block
    const block = this.blocks[b];
    const i = lowerBound(block, key);
    if (block[i] === key) return false;
    block.splice(i, 0, key);
    this.maxes[b] = block[block.length - 1];
    this.count++;
    if (block.length > 2 * LOAD) {
      const tail = block.splice(LOAD);
      this.blocks.splice(b + 1, 0, tail);
      this.maxes.splice(b, 1, block[block.length - 1], tail[tail.length - 1]);
    }
    return true;
  }

  /** Removes a key; returns false when it was not present. */
  delete(key: string): boolean {
    const b = this.blockFor(key);
    if (b === this.blocks.length) return false;
    const block = this.blocks[b];
    const i = lowerBound(block, key);
    if (block[i] !== key) return false;
    block.splice(i, 1);
    this.count--;
    if (!block.length) {
      this.blocks.splice(b, 1);
      this.maxes.splice(b, 1);
    } else {
      this.maxes[b] = block[block.length - 1];
      // Merge small neighbours so the number of blocks stays ~ n / LOAD.
      if (block.length < LOAD / 4 && b + 1 < this.blocks.length && block.length + this.blocks[b + 1].length <= 2 * LOAD) {
        const next = this.blocks[b + 1];
        block.push(...next);
        this.blocks.splice(b + 1, 1);
        this.maxes.splice(b, 2, block[block.length - 1]);
      }
    }
    return true;
  }

  /**
   * Keys in order, starting at the first key > `after` (or >= `from`). Iteration reflects the set
   * at the time each key is read; callers do not mutate while iterating.
   */
  *iterate(start: { after?: string; from?: string } = {}): Generator<string, void, undefined> {
    let b = 0;
    let i = 0;
    const key = start.after ?? start.from;
    if (key !== undefined) {
      b = this.blockFor(key);
      if (b === this.blocks.length) return;
      const block = this.blocks[b];
      i = lowerBound(block, key);
      if (start.after !== undefined && block[i] === key) i++;
    }
    for (; b < this.blocks.length; b++, i = 0) {
      const block = this.blocks[b];
      for (; i < block.length; i++) yield block[i];
    }
  }

  /** Every key, in order (tests, snapshots of small sets). */
  toArray(): string[] {
    return this.blocks.flat();
  }
}
