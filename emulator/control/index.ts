/**
 * The /_emulator control API's routes: the core ones (clock, tasks, reset, events, state, health,
 * the OpenAPI documents, the dashboard's live stream) and those the areas declare. app.ts mounts this list (control/mount.ts) and
 * scripts/codegen writes openapi/control.openapi.json from it.
 */
import type { Emulator } from '../emulator.js';
import type { Area } from '../core/operation.js';
import type { ControlRoute } from '../core/control.js';
import { clockRoutes } from './clock.js';
import { stateRoutes } from './state.js';
import { healthRoute } from './health.js';
import { liveRoutes } from './live.js';

export const coreControlRoutes: readonly ControlRoute<any, any, Emulator>[] = [healthRoute, ...clockRoutes, ...stateRoutes, ...liveRoutes];

export function controlRoutesOf(areas: readonly Area[]): ControlRoute<any, any, Emulator>[] {
  return [...coreControlRoutes, ...areas.flatMap((a) => a.controlRoutes ?? [])];
}
