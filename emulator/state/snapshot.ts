/**
 * A snapshot: all emulator state as one JSON value (GET/POST /_emulator/state, persistence's
 * state.json), and the check a snapshot passes before it replaces anything.
 */
import { STATE_FORMAT_VERSION, type StoreData } from './store.js';
import { CLOCK_MODES, MAX_INSTANT, MIN_INSTANT, type ClockMode, type ClockState } from '../time/clock.js';

export interface Snapshot {
  formatVersion: number;
  emulatorVersion: string;
  savedAt: string;
  clock: ClockState;
  store: StoreData;
}

export class SnapshotError extends Error {}

export function checkSnapshot(value: unknown): Snapshot {
  const s = value as Partial<Snapshot> | null;
  if (!s || typeof s !== 'object') throw new SnapshotError('A snapshot must be a JSON object.');
  if (s.formatVersion !== STATE_FORMAT_VERSION) {
    throw new SnapshotError(
      `Snapshot format version ${String(s.formatVersion)} is not supported by this emulator (it reads version ${STATE_FORMAT_VERSION}).`,
    );
  }
  const c = s.clock as Partial<ClockState> | undefined;
  if (!c || !CLOCK_MODES.includes(c.mode as ClockMode) || typeof c.rate !== 'number' || typeof c.anchorVirtual !== 'number' || typeof c.anchorWall !== 'number') {
    throw new SnapshotError('The snapshot has no valid clock.');
  }
  if (!(c.anchorVirtual >= MIN_INSTANT && c.anchorVirtual <= MAX_INSTANT) || !(c.rate > 0 && c.rate <= 1e9)) {
    throw new SnapshotError('The snapshot\'s clock is out of range (1970-01-01 to 9999-12-31, rate above 0 and at most 1e9).');
  }
  const st = s.store as Partial<StoreData> | undefined;
  if (
    !st ||
    typeof st.regions !== 'object' ||
    st.regions === null ||
    !st.scheduler ||
    !Array.isArray(st.scheduler.tasks) ||
    typeof st.scheduler.seq !== 'number' ||
    !Array.isArray(st.rng) ||
    st.rng.length !== 4 ||
    !Array.isArray(st.events) ||
    typeof st.eventSeq !== 'number'
  ) {
    throw new SnapshotError('The snapshot has no valid store (regions, scheduler, rng, events).');
  }
  return s as Snapshot;
}
