/**
 * The live side of sessions: what happens on the WebSocket at StreamUrl, with the emulator in the
 * agent's seat (and the Session Manager service's: token check, channel_closed).
 *
 *   1. The client opens ws://host:port/v1/data-channel/<SessionId> and sends, as a TEXT message,
 *      {"MessageSchemaVersion":"1.0","RequestId","TokenValue"[,"ClientId","ClientVersion"]}.
 *      An unknown or ended session, a wrong token, or anything else first, closes the socket with
 *      code 1008 and a reason that says which (nothing else is sent).
 *   2. The session is Connected. Standard_Stream and InteractiveCommands start at once (the agent
 *      does no handshake for them: its shell plugins' RequireHandshake is false); Port and
 *      NonInteractiveCommands first send a HandshakeRequest (AgentVersion 3.0.161.0, which keeps the
 *      plugin on basic port forwarding, and the SessionType action with the document's properties)
 *      and start when the client's HandshakeResponse accepts it (HandshakeComplete).
 *   3. Binary frames both ways (channel.ts). Client input counts as activity for the idle timeout;
 *      Flag TerminateSession ends the session like TerminateSession.
 *   4. The socket dropping leaves the session Disconnected; ResumeSession's token reconnects it to
 *      the same channel (sequence numbers, unacknowledged output, the same shell).
 *   5. When the session ends (exit, the command finishing, TerminateSession, a timeout), the
 *      output still unacknowledged is given up to 2 s to be acknowledged, then channel_closed (its
 *      Output: why, or "" for a normal end) and a close 1000.
 *
 * Nothing a client sends can throw out of here: unreadable frames are ignored, and the plugins
 * run the simulated shell, which never throws.
 *
 * What arrives from outside (a WebSocket message or close, a port's connection ending, a plugin
 * going on after a worker computed a line) changes sessions in the store, so it runs as requests do
 * (Runtime.serve, without the auto clock's jump): at once when the emulator is idle, otherwise after
 * a sliced scheduler run under way, in arrival order, never between two of its tasks.
 *
 * Live sessions are in memory only, per emulator. After a reset they are closed; after a restored
 * snapshot (or a restart under --data-dir) sessions that had a data channel are terminated: their
 * shell and the channel's sequence numbers are gone, so a client could not resume them.
 */
import type { WebSocket } from 'ws';
import type { Runtime, ResetScope } from '../../core/runtime.js';
import type { Ctx } from '../../core/context.js';
import { agentConnected, getInstance } from '../fleet/index.js';
import { factsOf } from '../commands/runner.js';
import { DataChannel, type Transport } from './channel.js';
import { Flag, PayloadType, type Frame } from './frames.js';
import { endSession, markActivity, markConnected, markDisconnected, onSessionEnd, terminateSession } from './lifecycle.js';
import { CommandsPlugin, PortPlugin, sessionUser, ShellPlugin, type PluginHost, type SessionPlugin } from './plugins.js';
import { getSession, isActive, sessionsSlice, type SessionRecord } from './state.js';
import * as messages from './messages.js';

/** The agent version the emulator reports in handshakes: after 2.3.722.0 (TerminateSession flag), before 3.0.196.0 (smux). */
export const DATA_CHANNEL_AGENT_VERSION = '3.0.161.0';
/** How long a socket may take to send its token (real time). */
export const TOKEN_TIMEOUT_MS = 30_000;
/** How long a session's last output may take to be acknowledged before channel_closed (real time). */
export const DRAIN_TIMEOUT_MS = 2_000;
/** WebSocket close code for a refused data channel (policy violation). */
export const CLOSE_REFUSED = 1008;

type Phase = 'new' | 'handshake' | 'running' | 'ending' | 'ended';

class LiveSession {
  readonly channel: DataChannel;
  phase: Phase = 'new';
  plugin: SessionPlugin | undefined;
  socket: { ws: WebSocket; transport: Transport } | undefined;
  private handshakeAt = 0;

  constructor(
    readonly emu: Runtime,
    readonly account: string,
    readonly region: string,
    readonly id: string,
    readonly target: string,
    private readonly forget: () => void,
  ) {
    this.channel = new DataChannel(
      () => emu.clock.now(),
      (f) => this.input(f),
    );
  }

  ctx(): Ctx {
    return this.emu.context(this.account, this.region);
  }

  record(ctx = this.ctx()): SessionRecord | undefined {
    return getSession(ctx, this.id);
  }

  attach(ws: WebSocket): void {
    const previous = this.socket;
    const transport: Transport = {
      send: (frame) => {
        if (ws.readyState === ws.OPEN) ws.send(frame, { binary: true });
      },
      close: (code, reason) => ws.close(code, reason),
    };
    this.socket = { ws, transport };
    if (previous) {
      this.channel.detach(previous.transport);
      previous.transport.close(1000, messages.wsReplaced());
    }
    const ctx = this.ctx();
    const rec = this.record(ctx)!;
    markConnected(ctx, rec);
    checkpoint(this.emu);
    this.channel.attach(transport);
    if (this.phase === 'new') this.begin(ctx, rec);
  }

  detach(ws: WebSocket): void {
    if (this.socket?.ws !== ws) return;
    this.channel.detach(this.socket.transport);
    this.socket = undefined;
    if (this.phase === 'ending' || this.phase === 'ended') return;
    const rec = this.record();
    if (rec && isActive(rec)) {
      markDisconnected(rec);
      checkpoint(this.emu);
    }
  }

  private begin(ctx: Ctx, rec: SessionRecord): void {
    if (rec.SessionType === 'Port' || rec.SessionType === 'NonInteractiveCommands') {
      this.phase = 'handshake';
      this.handshakeAt = ctx.now;
      const properties = rec.SessionType === 'Port' ? (rec.Properties ?? {}) : null;
      this.channel.send(
        PayloadType.HandshakeRequest,
        Buffer.from(
          JSON.stringify({
            AgentVersion: DATA_CHANNEL_AGENT_VERSION,
            RequestedClientActions: [{ ActionType: 'SessionType', ActionParameters: { SessionType: rec.SessionType, Properties: properties } }],
          }),
        ),
      );
    } else {
      this.startPlugin(ctx, rec);
    }
  }

  private startPlugin(ctx: Ctx, rec: SessionRecord): void {
    const node = getInstance(ctx, rec.Target);
    if (!node || !agentConnected(node)) {
      endSession(ctx, rec, 'Terminated', messages.agentStopped(rec.Target));
      return;
    }
    this.phase = 'running';
    const user = sessionUser(node, rec);
    const facts = { ...factsOf(node, this.region), ...user.facts };
    const host: PluginHost = {
      now: () => this.emu.clock.now(),
      send: (type, data) => {
        if (this.phase === 'running') this.channel.send(type, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      },
      finish: ({ failed, output }) => serialized(this.emu, 'ending a session failed', () => this.finish(failed ?? false, output ?? ''), { sessionId: this.id }),
      resume: (work) =>
        serialized(
          this.emu,
          'a session plugin failed',
          () => {
            if (this.phase === 'running') work();
          },
          { sessionId: this.id },
        ),
    };
    this.plugin =
      rec.SessionType === 'Port'
        ? new PortPlugin(host, rec, node)
        : rec.SessionType === 'Standard_Stream'
          ? new ShellPlugin({ host, facts, session: rec, node, env: user.env })
          : new CommandsPlugin({ host, facts, session: rec, node, env: user.env });
    this.plugin.start();
  }

  /** The plugin is done (exit, the command finished, the port failed). */
  private finish(failed: boolean, output: string): void {
    if (this.phase !== 'running' && this.phase !== 'handshake') return;
    const ctx = this.ctx();
    const rec = this.record(ctx);
    if (!rec) return void this.end(output);
    if (failed) endSession(ctx, rec, 'Failed', output);
    else terminateSession(ctx, this.id, output);
    checkpoint(this.emu);
  }

  /** Sequenced input from the client, in order. */
  private input(f: Frame): void {
    if (this.phase === 'ending' || this.phase === 'ended') return;
    const ctx = this.ctx();
    const rec = this.record(ctx);
    if (!rec || !isActive(rec)) return;
    markActivity(ctx, rec);
    if (f.payloadType === PayloadType.Flag && f.payload.length >= 4 && f.payload.readUInt32BE(0) === Flag.TerminateSession) {
      terminateSession(ctx, this.id);
      checkpoint(this.emu);
      return;
    }
    if (f.payloadType === PayloadType.HandshakeResponse) {
      if (this.phase === 'handshake') this.handshaken(ctx, rec, f.payload);
      return; // a second response (a client resending it under a new number) changes nothing
    }
    if (this.phase === 'running') this.plugin?.input(f.payloadType, f.payload);
  }

  private handshaken(ctx: Ctx, rec: SessionRecord, payload: Buffer): void {
    let refused: string | undefined;
    try {
      const r = JSON.parse(payload.toString('utf8')) as { ProcessedClientActions?: { ActionType?: string; ActionStatus?: number; Error?: string }[]; Errors?: string[] };
      const action = r.ProcessedClientActions?.find((a) => a.ActionType === 'SessionType');
      if (!action || action.ActionStatus !== 1) refused = action?.Error || (r.Errors ?? []).join('; ') || 'the client did not accept the session type';
    } catch {
      refused = 'the handshake response is not JSON';
    }
    if (refused) {
      // amazon-ssm-agent sessionplugin: "Encountered error while initiating handshake. <error>"
      endSession(ctx, rec, 'Failed', `Encountered error while initiating handshake. ${refused}`);
      checkpoint(this.emu);
      return;
    }
    this.channel.send(
      PayloadType.HandshakeComplete,
      Buffer.from(JSON.stringify({ HandshakeTimeToComplete: Math.max(0, ctx.now - this.handshakeAt) * 1_000_000, CustomerMessage: '' })),
    );
    this.startPlugin(ctx, rec);
  }

  /** The session ended: let the last output be acknowledged, then channel_closed and close. */
  async end(output: string): Promise<void> {
    if (this.phase === 'ending' || this.phase === 'ended') return;
    this.phase = 'ending';
    this.plugin?.stop();
    try {
      await this.channel.drained(DRAIN_TIMEOUT_MS);
      this.channel.sendChannelClosed(this.id, this.target, output);
      this.socket?.transport.close(1000, 'Session terminated');
    } finally {
      this.close();
    }
  }

  /**
   * Cuts the client's connection as a network failure would (no close frame): the session is
   * Disconnected and a client resumes it with ResumeSession, as the plugin does on its own.
   */
  dropConnection(): boolean {
    if (!this.socket || this.phase === 'ending' || this.phase === 'ended') return false;
    this.socket.ws.terminate();
    return true;
  }

  /** Drops the session without a word to the client beyond a close (reset, restore). */
  close(code?: number, reason?: string): void {
    this.phase = 'ended';
    this.plugin?.stop();
    if (code !== undefined) this.socket?.transport.close(code, reason ?? '');
    this.channel.dispose();
    this.socket = undefined;
    this.forget();
  }
}

/**
 * Runs `work` as a request would run (Runtime.serve, no auto-clock jump): now when the emulator is
 * idle, else after the lock's holder (a sliced scheduler run), in call order. A failure is logged:
 * nothing reaches a socket's event handlers.
 */
function serialized(emu: Runtime, failure: string, work: () => void, fields: Record<string, unknown> = {}): void {
  const log = (err: unknown) => emu.log.log('error', failure, { ...fields, error: String((err as Error)?.stack ?? err) });
  try {
    const done = emu.serve(work, { jump: false });
    if (done instanceof Promise) done.catch(log);
  } catch (err) {
    log(err);
  }
}

function checkpoint(emu: Runtime): void {
  emu.checkpoint?.().catch((err: unknown) => emu.log.log('error', 'checkpoint after a data channel change failed', { error: String(err) }));
}

/** The live sessions of one emulator, keyed account/region/id. */
class LiveSessions {
  readonly sessions = new Map<string, LiveSession>();

  constructor(private readonly emu: Runtime) {}

  get(account: string, region: string, id: string, target: string): LiveSession {
    const key = `${account}/${region}/${id}`;
    let live = this.sessions.get(key);
    if (!live) {
      live = new LiveSession(this.emu, account, region, id, target, () => {
        if (this.sessions.get(key) === live) this.sessions.delete(key);
      });
      this.sessions.set(key, live);
    }
    return live;
  }

  find(account: string, region: string, id: string): LiveSession | undefined {
    return this.sessions.get(`${account}/${region}/${id}`);
  }

  reset(scope: ResetScope, reason: 'reset' | 'restore'): void {
    for (const live of [...this.sessions.values()]) {
      if (reason === 'restore' || ((scope?.account === undefined || scope.account === live.account) && (scope?.region === undefined || scope.region === live.region))) {
        live.close(1012, messages.wsReset());
      }
    }
    if (reason === 'restore') {
      // The channels of the restored sessions are gone with the process or the replaced state.
      for (const scope of this.emu.store.scopesIn()) {
        const ctx = this.emu.context(scope.account, scope.region);
        for (const rec of Object.values(sessionsSlice.peek(scope)?.sessions ?? {})) {
          if (rec.Status === 'Connected' || rec.Status === 'Disconnected') endSession(ctx, rec, 'Terminated', messages.channelLost());
        }
      }
    }
  }
}

const registries = new WeakMap<Runtime, LiveSessions>();

export function liveSessions(emu: Runtime): LiveSessions {
  let r = registries.get(emu);
  if (!r) registries.set(emu, (r = new LiveSessions(emu)));
  return r;
}

/** Wires the live side into an emulator (the area's init). */
export function initLiveSessions(emu: Runtime): void {
  const live = liveSessions(emu);
  onSessionEnd(emu, (ctx, rec, output) => void live.find(ctx.account, ctx.region, rec.SessionId)?.end(output));
  emu.onReset((scope, reason) => live.reset(scope, reason));
}

/** Which account and region hold a session id (the StreamUrl names only the id). */
function locate(emu: Runtime, id: string): { ctx: Ctx; rec: SessionRecord } | undefined {
  for (const scope of emu.store.scopesIn()) {
    const sessions = sessionsSlice.peek(scope)?.sessions ?? {};
    if (Object.hasOwn(sessions, id)) return { ctx: emu.context(scope.account, scope.region), rec: sessions[id]! };
  }
  return undefined;
}

/** A WebSocket opened at /v1/data-channel/<id>: the token first, then the channel. */
export function acceptDataChannel(emu: Runtime, ws: WebSocket, sessionId: string): void {
  let live: LiveSession | undefined;
  const refuse = (reason: string) => {
    clearTimeout(timer);
    ws.close(CLOSE_REFUSED, reason);
  };
  const timer = setTimeout(() => refuse(messages.wsNoToken()), TOKEN_TIMEOUT_MS);
  timer.unref();
  ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    // A copy: the message may be handled later (after the lock's holder), and ws does not promise
    // to leave its buffer alone until then.
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
    serialized(emu, 'data channel message failed', () => {
      if (live) {
        if (isBinary) live.channel.receive(buf);
        return; // a text message after the token: nothing to do
      }
      if (ws.readyState !== ws.OPEN) return; // refused meanwhile, or gone
      if (isBinary) return refuse(messages.wsNoToken());
      let token: unknown;
      try {
        token = (JSON.parse(buf.toString('utf8')) as { TokenValue?: unknown }).TokenValue;
      } catch {
        return refuse(messages.wsNoToken());
      }
      const found = locate(emu, sessionId);
      if (!found) return refuse(messages.wsNoSuchSession(sessionId));
      if (!isActive(found.rec) || found.rec.Status === 'Terminating') return refuse(messages.wsSessionEnded(sessionId, found.rec.Status));
      if (typeof token !== 'string' || token !== found.rec.Token) return refuse(messages.wsBadToken());
      clearTimeout(timer);
      live = liveSessions(emu).get(found.ctx.account, found.ctx.region, sessionId, found.rec.Target);
      live.attach(ws);
    }, { sessionId });
  });
  ws.on('close', () => {
    clearTimeout(timer);
    serialized(emu, 'data channel close failed', () => live?.detach(ws), { sessionId });
  });
  ws.on('error', () => {
    // 'close' follows; a client that vanishes is a disconnect, not a fault
  });
}
