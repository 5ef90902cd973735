/**
 * Maps keyed by names users choose, kept as plain JSON objects in the state (they snapshot, persist
 * and replay as JSON). `constructor`, `__proto__`, `toString` are valid document, parameter and group
 * names, so such a map is never read with `map[name]` (which finds Object.prototype's members) nor
 * written with `map[name] = v` (which, for `__proto__`, replaces the prototype instead of adding a
 * key). These helpers read and write own properties only; a JSON round trip keeps an own
 * `__proto__` key as a key.
 */

/** The value stored under `key`, or undefined (never an inherited member). */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Stores `value` under `key` as an own, enumerable property (`__proto__` included). */
export function setOwn<T>(map: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

/** Removes `key` if it is an own property. */
export function deleteOwn(map: Record<string, unknown>, key: string): void {
  if (Object.hasOwn(map, key)) delete map[key];
}
