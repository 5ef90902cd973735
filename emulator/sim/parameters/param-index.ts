/**
 * Derived indexes over a region's parameters, rebuilt from the slice on first use after a restore or
 * reset (they live in a WeakMap keyed by the slice object, never in the store):
 *
 *   all       every canonical name, sorted: recursive path listing, DescribeParameters;
 *   children  parent path -> its direct children, sorted: OneLevel listing that never scans the
 *             descendants of other children;
 *   tiers     how many current versions are Standard / Advanced (the per-Region quotas);
 *   shared    names that carry resource policies (DescribeParameters Shared, cross-account reads).
 *
 * Every change to byName goes through addName / removeName / setTier here, so the indexes never drift.
 */
import { SortedNames } from './sorted-names.js';
import { current, type ParametersState, type StoredTier } from './state.js';
import { parentOf } from './names.js';

export interface ParamIndex {
  all: SortedNames;
  children: Map<string, SortedNames>;
  tiers: Record<StoredTier, number>;
  shared: Set<string>;
}

const indexes = new WeakMap<ParametersState, ParamIndex>();

export function indexOf(state: ParametersState): ParamIndex {
  let ix = indexes.get(state);
  if (ix) return ix;
  const keys = Object.keys(state.byName).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byParent = new Map<string, string[]>();
  const tiers: Record<StoredTier, number> = { Standard: 0, Advanced: 0 };
  const shared = new Set<string>();
  for (const k of keys) {
    const parent = parentOf(k);
    let list = byParent.get(parent);
    if (!list) byParent.set(parent, (list = []));
    list.push(k); // keys are sorted, so each child list is too
    const rec = state.byName[k];
    tiers[current(rec).Tier]++;
    if (rec.ResourcePolicies.length) shared.add(k);
  }
  const children = new Map<string, SortedNames>();
  for (const [parent, list] of byParent) children.set(parent, SortedNames.fromSorted(list));
  ix = { all: SortedNames.fromSorted(keys), children, tiers, shared };
  indexes.set(state, ix);
  return ix;
}

/** Records a new canonical name (the record must already be in byName). */
export function addName(state: ParametersState, key: string): void {
  const ix = indexOf(state);
  if (!ix.all.add(key)) return;
  const parent = parentOf(key);
  let kids = ix.children.get(parent);
  if (!kids) ix.children.set(parent, (kids = new SortedNames()));
  kids.add(key);
  ix.tiers[current(state.byName[key]).Tier]++;
}

/** Forgets a canonical name (call before deleting the record from byName). */
export function removeName(state: ParametersState, key: string): void {
  const ix = indexOf(state);
  if (!ix.all.delete(key)) return;
  const parent = parentOf(key);
  const kids = ix.children.get(parent);
  if (kids) {
    kids.delete(key);
    if (!kids.size) ix.children.delete(parent);
  }
  const rec = state.byName[key];
  if (rec) ix.tiers[current(rec).Tier]--;
  ix.shared.delete(key);
}

/** A parameter moved from one tier to another (Standard -> Advanced is the only direction AWS allows). */
export function changeTier(state: ParametersState, from: StoredTier, to: StoredTier): void {
  if (from === to) return;
  const ix = indexOf(state);
  ix.tiers[from]--;
  ix.tiers[to]++;
}

export function markShared(state: ParametersState, key: string, isShared: boolean): void {
  const ix = indexOf(state);
  if (isShared) ix.shared.add(key);
  else ix.shared.delete(key);
}
