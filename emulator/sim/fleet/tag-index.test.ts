import { describe, expect, it } from 'vitest';
import { insertNode, intersect, positionsWithAnyKey, positionsWithTags, removeNode, retagNode, tagIndex, union } from './tag-index.js';
import type { FleetSlice } from './state.js';
import type { FleetInstance } from './instance.js';

const node = (id: string, tags: Record<string, string>) => ({ InstanceId: id, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }) as unknown as FleetInstance;

describe('tag index', () => {
  const records = [node('i-a', { Env: 'prod', Role: 'web' }), node('i-b', { Env: 'dev' }), node('i-c', { Env: 'prod', Role: 'db' }), node('i-d', { Owner: 'x' })];
  const slice = {} as FleetSlice;
  const ix = tagIndex(slice, records);

  it('finds positions by key and values (OR), ANDing conditions', () => {
    expect(positionsWithTags(ix, [{ key: 'Env', values: ['prod'] }])).toEqual([0, 2]);
    expect(positionsWithTags(ix, [{ key: 'Env', values: ['prod', 'dev'] }])).toEqual([0, 1, 2]);
    expect(positionsWithTags(ix, [{ key: 'Env' }])).toEqual([0, 1, 2]);
    expect(positionsWithTags(ix, [{ key: 'Env', values: ['prod'] }, { key: 'Role', values: ['db'] }])).toEqual([2]);
    expect(positionsWithTags(ix, [{ key: 'Nope' }])).toEqual([]);
    expect(positionsWithAnyKey(ix, ['Owner', 'Role'])).toEqual([0, 2, 3]);
  });

  it('is built once per slice until dropped', () => {
    expect(tagIndex(slice, [])).toBe(ix);
  });

  it('re-indexes one node in place when its tags change', () => {
    const recs = [node('i-a', { Env: 'prod' }), node('i-b', { Env: 'dev' }), node('i-c', { Env: 'prod' })];
    const sl = {} as FleetSlice;
    const x = tagIndex(sl, recs);
    recs[1].Tags = [{ Key: 'Env', Value: 'prod' }, { Key: 'New', Value: '1' }];
    retagNode(sl, 1, recs[1]);
    expect(positionsWithTags(x, [{ key: 'Env', values: ['prod'] }])).toEqual([0, 1, 2]);
    expect(positionsWithTags(x, [{ key: 'Env', values: ['dev'] }])).toEqual([]);
    expect(positionsWithTags(x, [{ key: 'New' }])).toEqual([1]);
    recs[0].Tags = [];
    retagNode(sl, 0, recs[0]);
    expect(positionsWithTags(x, [{ key: 'Env' }])).toEqual([1, 2]);
    expect(tagIndex(sl, recs)).toBe(x);
  });

  it('shifts positions when a node is inserted or removed', () => {
    const recs = [node('i-a', { Env: 'prod' }), node('i-c', { Env: 'dev' }), node('i-d', { Env: 'prod' })];
    const sl = {} as FleetSlice;
    const x = tagIndex(sl, recs);
    insertNode(sl, 1, node('i-b', { Env: 'prod', Role: 'x' }));
    expect(positionsWithTags(x, [{ key: 'Env', values: ['prod'] }])).toEqual([0, 1, 3]);
    expect(positionsWithTags(x, [{ key: 'Env', values: ['dev'] }])).toEqual([2]);
    expect(positionsWithTags(x, [{ key: 'Role' }])).toEqual([1]);
    removeNode(sl, 0);
    expect(positionsWithTags(x, [{ key: 'Env', values: ['prod'] }])).toEqual([0, 2]);
    expect(positionsWithTags(x, [{ key: 'Env', values: ['dev'] }])).toEqual([1]);
    removeNode(sl, 0);
    expect(positionsWithTags(x, [{ key: 'Role' }])).toEqual([]);
    expect(positionsWithTags(x, [{ key: 'Env' }])).toEqual([0, 1]);
  });

  it('merges sorted lists', () => {
    expect(union([[1, 4, 9], [], [2, 4, 10]])).toEqual([1, 2, 4, 9, 10]);
    expect(union([[3, 5]])).toEqual([3, 5]);
    expect(union([])).toEqual([]);
    expect(intersect([1, 2, 4, 9], [2, 3, 9, 11])).toEqual([2, 9]);
  });
});
