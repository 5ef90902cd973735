/**
 * What the emulator would have sent to Amazon EventBridge, kept in order (newest last) for
 * GET /_emulator/events. Events are part of the state, so they snapshot and persist.
 */
import type { Store } from '../state/store.js';
import type { Ids } from './ids.js';

export interface EmulatorEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
  /** Emulator extra: a sequence number, so pollers can ask for what is new (`?after=`). */
  seq: number;
}

/** Older events are dropped beyond this many, so a long-running emulator does not grow forever. */
export const MAX_EVENTS = 10_000;

/**
 * The store may hold this many more before the oldest are dropped in one go: dropping one event per
 * emit shifts a 10,000-element array every time (a year of maintenance windows emits ~30,000).
 * list() shows only the newest MAX_EVENTS, so callers never see the slack.
 */
const TRIM_SLACK = 1_000;

/** EventBridge writes times to the second: 2025-01-01T00:00:00Z. */
export const eventTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class Events {
  constructor(
    private readonly store: () => Store,
    private readonly ids: Ids,
  ) {}

  emit(
    where: { account: string; region: string; now: number },
    e: { source: string; detailType: string; resources?: string[]; detail: Record<string, unknown> },
  ): EmulatorEvent {
    const data = this.store().data;
    const event: EmulatorEvent = {
      version: '0',
      id: this.ids.uuid(),
      'detail-type': e.detailType,
      source: e.source,
      account: where.account,
      time: eventTime(where.now),
      region: where.region,
      resources: e.resources ?? [],
      detail: e.detail,
      seq: ++data.eventSeq,
    };
    data.events.push(event);
    if (data.events.length > MAX_EVENTS + TRIM_SLACK) data.events.splice(0, data.events.length - MAX_EVENTS);
    return event;
  }

  /** Forgets every recorded event (DELETE /_emulator/events); sequence numbers keep counting. */
  clear(): void {
    this.store().data.events = [];
  }

  list(filter: { account?: string; region?: string; source?: string; detailType?: string; after?: number } = {}): EmulatorEvent[] {
    const all = this.store().data.events;
    return (all.length > MAX_EVENTS ? all.slice(all.length - MAX_EVENTS) : all).filter(
      (e) =>
        (filter.account === undefined || e.account === filter.account) &&
        (filter.region === undefined || e.region === filter.region) &&
        (filter.source === undefined || e.source === filter.source) &&
        (filter.detailType === undefined || e['detail-type'] === filter.detailType) &&
        (filter.after === undefined || e.seq > filter.after),
    );
  }
}
