/**
 * What the dashboard (/_emulator/ui) needs besides the SSM operations and the other control routes:
 *
 *   GET /live    server-sent events: `hello` on connect, then `change` whenever state changed (at
 *                most every 250 ms wall time, so a bulk load or a year-long advance sends a handful,
 *                not thousands), with the clock, a change generation and the newest event's seq.
 *                A view re-reads what it shows when it hears one; it never polls.
 *   GET /scopes  the accounts and regions that hold state (the dashboard's account/region picker).
 *
 * Both only read; neither is a private path to state (a test could call them just the same).
 */
import type { Emulator } from '../emulator.js';
import { component, defineControlRoute, EventStream, type ControlRoute } from '../core/control.js';
import { ClockSchema } from './clock.js';

/** The shortest wall-time gap between two `change` events of one stream. */
export const LIVE_THROTTLE_MS = 250;
/** A comment line this often keeps proxies and browsers from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

const LiveSchema = component('LiveChange', {
  type: 'object',
  required: ['generation', 'clock', 'eventSeq'],
  properties: {
    generation: { type: 'integer', description: 'counts state changes since the emulator started' },
    clock: ClockSchema,
    eventSeq: { type: 'integer', description: 'seq of the newest recorded event' },
  },
});

const snapshot = (emu: Emulator) => ({
  generation: emu.changes.generation,
  clock: emu.clock.describe(),
  eventSeq: emu.store.data.eventSeq,
});

const live = defineControlRoute<undefined, Record<string, never>, Emulator>({
  method: 'GET',
  path: '/live',
  operationId: 'liveChanges',
  summary: 'Server-sent events telling live views that state changed',
  description: `A text/event-stream: "hello" on connect, then "change" after state changed (at most every ${LIVE_THROTTLE_MS} ms), each with the clock, a change generation and the newest event's seq.`,
  responses: { 200: { description: 'The event stream', contentType: 'text/event-stream', schema: LiveSchema } },
  handle: (_req, emu) =>
    new EventStream((send) => {
      // The first change after a quiet spell arms one timer; changes until it fires ride along.
      let timer: NodeJS.Timeout | undefined;
      const flush = () => {
        timer = undefined;
        send('change', snapshot(emu));
      };
      const unsubscribe = emu.changes.subscribe(() => {
        timer ??= setTimeout(flush, LIVE_THROTTLE_MS);
      });
      const heartbeat = setInterval(() => send('ping', {}), HEARTBEAT_MS);
      heartbeat.unref();
      send('hello', snapshot(emu));
      return () => {
        unsubscribe();
        clearInterval(heartbeat);
        if (timer) clearTimeout(timer);
      };
    }),
});

const scopes = defineControlRoute<undefined, Record<string, never>, Emulator>({
  method: 'GET',
  path: '/scopes',
  operationId: 'listScopes',
  summary: 'The accounts and regions that hold state',
  responses: {
    200: {
      description: 'Account and region pairs',
      schema: {
        type: 'object',
        properties: { scopes: { type: 'array', items: { type: 'object', properties: { account: { type: 'string' }, region: { type: 'string' } } } } },
      },
    },
  },
  handle: (_req, emu) => ({ scopes: emu.store.scopesIn().map((s) => ({ account: s.account, region: s.region })) }),
});

export const liveRoutes: readonly ControlRoute<any, any, Emulator>[] = [live, scopes];
