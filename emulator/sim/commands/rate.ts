/**
 * Rate controls: MaxConcurrency and MaxErrors as AWS accepts them (a number, or a percentage of the
 * target count; the model's patterns are checked before the handler runs).
 *
 * AWS documents the values but not the rounding of percentages. The emulator rounds down (10% of 15
 * targets = 1), with at least one invocation in flight for MaxConcurrency (a command always makes
 * progress); for MaxErrors a percentage may round down to 0 (the first error stops the command). The
 * documented example, 10% of 50 targets stopping at the sixth error, holds.
 */

/** How many invocations may be in flight at once. */
export function resolveConcurrency(value: string, targets: number): number {
  const n = value.endsWith('%') ? Math.floor((Number(value.slice(0, -1)) * targets) / 100) : Number(value);
  return Math.max(1, n);
}

/** How many errors are allowed; the command stops sending to new targets when errors exceed it. */
export function resolveMaxErrors(value: string, targets: number): number {
  return value.endsWith('%') ? Math.floor((Number(value.slice(0, -1)) * targets) / 100) : Number(value);
}
