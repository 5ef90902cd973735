import { describe, expect, it } from 'vitest';
import { SortedNames } from './sorted-names.js';

describe('SortedNames (the name index)', () => {
  it('keeps keys sorted and unique through random inserts and deletes, across block splits and merges', () => {
    const s = new SortedNames();
    const ref = new Set<string>();
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 20_000; i++) {
      const k = `/k/${Math.floor(rand() * 5000)}`;
      if (rand() < 0.65) expect(s.add(k)).toBe(!ref.has(k)), ref.add(k);
      else expect(s.delete(k)).toBe(ref.has(k)), ref.delete(k);
    }
    const sorted = [...ref].sort();
    expect(s.toArray()).toEqual(sorted);
    expect(s.size).toBe(sorted.length);
    for (const k of sorted.slice(0, 50)) expect(s.has(k)).toBe(true);
    expect(s.has('/k/nope')).toBe(false);
  });

  it('iterates from a key (inclusive) or after a key (exclusive), present or not', () => {
    const s = SortedNames.fromSorted(['a', 'c', 'e', 'g']);
    expect([...s.iterate({ from: 'c' })]).toEqual(['c', 'e', 'g']);
    expect([...s.iterate({ after: 'c' })]).toEqual(['e', 'g']);
    expect([...s.iterate({ after: 'd' })]).toEqual(['e', 'g']);
    expect([...s.iterate({ from: 'h' })]).toEqual([]);
    expect([...s.iterate()]).toEqual(['a', 'c', 'e', 'g']);
  });
});
