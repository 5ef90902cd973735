/**
 * The Session Manager capability area: StartSession, ResumeSession, TerminateSession,
 * DescribeSessions, and just-in-time node access (StartAccessRequest, GetAccessToken), over the
 * domain in emulator/sim/sessions/; the data channel WebSocket on the emulator's own port
 * (/v1/data-channel/{SessionId}, the StreamUrl StartSession hands out); the scheduler task kinds of
 * session timeouts and access windows; control routes for sessions and access approvals; and a
 * fleet listener that ends the sessions of a node that goes away or whose agent stops.
 */
import type { Area } from '../../core/operation.js';
import type { Runtime } from '../../core/runtime.js';
import { onFleetChange } from '../../sim/fleet/index.js';
import { tasks, targetGone } from '../../sim/sessions/lifecycle.js';
import { accessTasks } from '../../sim/sessions/access.js';
import { acceptDataChannel, initLiveSessions } from '../../sim/sessions/live.js';
import startSession from './startSession.js';
import resumeSession from './resumeSession.js';
import terminateSession from './terminateSession.js';
import describeSessions from './describeSessions.js';
import getAccessToken from './getAccessToken.js';
import startAccessRequest from './startAccessRequest.js';
import { sessionsControlRoutes } from './control.js';

function init(emu: Runtime): void {
  initLiveSessions(emu);
  onFleetChange(emu, (ctx, change) => {
    if (change.type === 'removed' || change.type === 'agent-stopped') targetGone(ctx, change.instanceId, change.type);
  });
}

export const sessionsArea: Area = {
  name: 'sessions',
  operations: [startSession, resumeSession, terminateSession, describeSessions, getAccessToken, startAccessRequest],
  tasks: { ...tasks, ...accessTasks } as Area['tasks'],
  init,
  controlRoutes: sessionsControlRoutes,
  upgrades: [{ path: '/v1/data-channel/{id}', handle: (ws, _req, params, runtime) => acceptDataChannel(runtime, ws, params.id!) }],
};
