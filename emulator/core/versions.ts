/**
 * Version strings as SSM compares them (agent versions 3.3.1957.0, platform versions): segment by
 * segment, numerically where both segments are numbers. Used by the filter engine's 'version' type
 * and by the fleet (is an agent the latest, is an update a downgrade).
 */

/** Dotted version comparison (3.3.1957.0 vs 3.2.582.0): negative, zero or positive. Non-numeric segments compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isFinite(nx) && Number.isFinite(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}
