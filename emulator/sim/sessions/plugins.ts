/**
 * The agent's session plugins, as the emulator plays them on a simulated node:
 *
 * - Standard_Stream (ShellPlugin): a terminal on the node's simulated shell (openShell: sh, or
 *   PowerShell on Windows). The pty's part is played here: input is echoed, Enter runs the line,
 *   Backspace erases, Ctrl-C abandons the line (^C), Ctrl-D on an empty line ends the shell, escape
 *   sequences (arrow keys) are swallowed, output gets "\r\n" line ends. The shell profile of the
 *   preferences runs first, each line shown after a prompt as if typed (the agent writes it to the
 *   pty). Lines run instantly in wall time; in virtual time each starts at the later of the clock and
 *   the end of the previous line, so `sleep 5; date` shows five seconds more.
 *   A line that a short inline probe cannot finish (a fork bomb, an endless loop) runs on a worker
 *   thread, and the shell with it from then on (sim/shell/offload.ts). Meanwhile the terminal is
 *   busy, as a real one is while a command runs: what the client sends (keys, Ctrl-C, a new size)
 *   waits, in order, and is processed once the line is done, exactly as if the line had run inline.
 * - InteractiveCommands / NonInteractiveCommands (CommandsPlugin): the document's command, as
 *   `sh -c` (PowerShell on Windows) as ssm-user; output streamed, then the session ends. With
 *   separateOutputStream, NonInteractiveCommands sends stdout as Output and stderr as StdErr, each
 *   piece after a line end led by its prefix, then "EXIT_CODE: <n>" (PayloadType ExitCode), as the
 *   agent's processCommandsWithOutputStreamSeparate does. Without it, the exit code is not sent (the
 *   agent does not either). A runaway command runs on a worker thread (shell/pool.ts), with the same
 *   output.
 *
 * Long output (megabytes of a fork bomb's messages) goes out in slices, one per turn of the event
 * loop (Outbox); the session ends only once all of it is out.
 * - Port (PortPlugin): basic port forwarding (one connection at a time, as the agent does for
 *   clients that see an agent older than 3.0.196.0, the version smux multiplexing needs): the
 *   node's port (or host:port) reaches the real address its fleet fixture maps (PortForwards), with
 *   node:net. A port that is not mapped, or a mapped address that refuses the connection, answers
 *   Flag ConnectToPortError and the session fails. DisconnectToPort closes the connection; the next
 *   data opens a new one.
 */
import { connect, type Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import type { NodeFacts, RunScriptResult } from '../shell/index.js';
import { OffloadedShell } from '../shell/offload.js';
import { probeScript, scriptPool } from '../shell/pool.js';
import type { ShellReply } from '../shell/session.js';
import type { FleetInstance } from '../fleet/index.js';
import { Flag, flagPayload, PayloadType } from './frames.js';
import type { SessionRecord } from './state.js';
import * as messages from './messages.js';

export interface PluginHost {
  /** Virtual epoch ms. */
  now(): number;
  send(payloadType: number, data: Buffer | string): void;
  /** The session's work is over: it ends (Terminated), or fails. */
  finish(how: { failed?: boolean; output?: string }): void;
  /**
   * Runs `work` later as input to the plugin runs (under the emulator's lock, after a sliced
   * scheduler run under way): how a plugin goes on once a worker has computed a line or a command.
   */
  resume(work: () => void): void;
}

/** What a shell or commands plugin runs with: the node as the shell sees it, and the session user's environment. */
export interface PluginRun {
  host: PluginHost;
  facts: NodeFacts;
  session: SessionRecord;
  node: FleetInstance;
  env: Record<string, string>;
}

export interface SessionPlugin {
  start(): void;
  /** Sequenced input: Output (keystrokes, port data), Size, Flag. */
  input(payloadType: number, payload: Buffer): void;
  /** Release what the plugin holds (sockets); no more output after this. */
  stop(): void;
}

/** Who the session runs as, and its environment (the agent's ssm-user, or runAsDefaultUser). */
export function sessionUser(node: FleetInstance, session: SessionRecord): { facts: Pick<NodeFacts, 'User'>; env: Record<string, string> } {
  if (node.PlatformType === 'Windows') {
    return { facts: { User: `${node.ComputerName.toLowerCase().split('.')[0]}\\ssm-user` }, env: { USERPROFILE: 'C:\\Users\\ssm-user', HOMEPATH: '\\Users\\ssm-user', USERNAME: 'ssm-user' } };
  }
  const user = session.Preferences.runAsUser ?? 'ssm-user';
  const home = node.PlatformType === 'MacOS' ? `/Users/${user}` : `/home/${user}`;
  return { facts: { User: user }, env: { HOME: home, USER: user, LOGNAME: user } };
}

const tty = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** The node's platform key in a Session document's properties (linux, windows, macos). */
const platformKey = (node: FleetInstance) => (node.PlatformType === 'Windows' ? 'windows' : node.PlatformType === 'MacOS' ? 'macos' : 'linux');

const WINDOWS_BANNER = 'Windows PowerShell\r\nCopyright (C) Microsoft Corporation. All rights reserved.\r\n\r\n';

// ───────────────────────────────────────────── output ─────────────────────────────────────────────

/** Output beyond this many characters goes out in slices, one per turn of the event loop (framing and sending 16 Ki characters takes about 1 ms, 5-8 ms on a loaded machine). */
export const OUTPUT_SLICE_CHARS = 16 * 1024;

interface OutItem {
  type: number;
  text: string;
  /** Shell output: gets the terminal's "\r\n" line ends as it goes. */
  raw: boolean;
  /** One message as it is (a separated-stream piece, the exit code): never merged or cut. */
  whole: boolean;
}

/**
 * What a plugin sends, in order. What fits in OUTPUT_SLICE_CHARS goes out at once, as one message
 * per payload type in a row (the channel cuts it into 1,024-byte frames); longer output goes out a
 * slice per turn of the event loop, so that framing and hashing a fork bomb's megabytes of
 * messages never holds it.
 */
export class Outbox {
  private items: OutItem[] = [];
  private sending = false;
  private idle: (() => void)[] = [];

  constructor(private readonly send: (type: number, text: string) => void) {}

  push(type: number, text: string, opts: { raw?: boolean; whole?: boolean } = {}): void {
    if (text) this.items.push({ type, text, raw: opts.raw ?? false, whole: opts.whole ?? false });
  }

  /** Sends a slice now, and the rest on later turns. */
  flush(): void {
    if (this.sending) return; // the slices under way take what was added
    this.sendSlice();
  }

  /** `then` once everything pushed so far (and flushed) is out: never synchronously. */
  whenEmpty(then: () => void): void {
    this.idle.push(then);
    queueMicrotask(() => this.checkIdle());
  }

  clear(): void {
    this.items = [];
    this.idle = [];
  }

  private sendSlice(): void {
    let budget = OUTPUT_SLICE_CHARS;
    let type = -1;
    let text = '';
    const out = () => {
      if (text) this.send(type, text);
      text = '';
    };
    while (this.items.length && budget > 0) {
      const item = this.items[0]!;
      if (item.type !== type || item.whole) out();
      type = item.type;
      let n = item.whole ? item.text.length : Math.min(item.text.length, budget);
      // Never between the halves of a surrogate pair, or between "\r" and "\n".
      const last = item.text.charCodeAt(n - 1);
      if (n < item.text.length && ((last >= 0xd800 && last <= 0xdbff) || last === 13)) n++;
      const piece = item.text.slice(0, n);
      text += item.raw ? tty(piece) : piece;
      budget -= n;
      if (n === item.text.length) this.items.shift();
      else item.text = item.text.slice(n);
      if (item.whole) out();
    }
    out();
    this.sending = this.items.length > 0;
    if (this.sending) setImmediate(() => this.sendSlice());
    else this.checkIdle();
  }

  private checkIdle(): void {
    if (this.sending || this.items.length) return;
    for (const then of this.idle.splice(0)) then();
  }
}

// ───────────────────────────────────────────── shell ─────────────────────────────────────────────

/** Input not processed yet, in order: keys, a terminal size, and at the start, the profile's lines and the first prompt. */
type Pending = { keys: string } | { size: { cols: number; rows: number } } | { profile: string } | { prompt: true };

export class ShellPlugin implements SessionPlugin {
  private shell: OffloadedShell | undefined;
  private line = '';
  private pending: string | undefined;
  private readonly decoder = new StringDecoder('utf8');
  private afterCR = false;
  /** Inside an escape sequence: 'esc' after ESC, 'csi' after ESC [ (or ESC O), until its final byte. */
  private escape: '' | 'esc' | 'csi' = '';
  /** Virtual instant the previous line finished. */
  private shellClock = 0;
  /** The shell has ended (exit, Ctrl-D): the rest of the input is dropped. */
  private exited = false;
  private stopped = false;
  /** A line runs on a worker: input waits in `queue`. */
  private busy = false;
  private readonly queue: Pending[] = [];
  private readonly windows: boolean;
  private readonly out: Outbox;

  constructor(private readonly run: PluginRun) {
    this.windows = run.facts.PlatformType === 'Windows';
    this.out = new Outbox((type, text) => run.host.send(type, text));
  }

  start(): void {
    this.shell = new OffloadedShell({
      dialect: this.windows ? 'powershell' : 'sh',
      node: this.run.facts,
      startTime: this.run.host.now(),
      env: this.run.env,
      commandStubs: this.run.node.Behaviors.filter((b) => b.Scope !== 'script'),
    });
    if (this.windows) this.show(WINDOWS_BANNER);
    const profile = this.windows ? this.run.session.Preferences.shellProfile.windows : this.run.session.Preferences.shellProfile.linux;
    for (const cmd of profile.split(/\r?\n/).filter((l) => l.trim() !== '')) this.queue.push({ profile: cmd });
    this.queue.push({ prompt: true });
    this.pump();
  }

  input(payloadType: number, payload: Buffer): void {
    if (this.exited || this.stopped || !this.shell) return;
    if (payloadType === PayloadType.Size) {
      const size = parseSize(payload);
      if (size) this.queue.push({ size });
    } else if (payloadType === PayloadType.Output) {
      this.queue.push({ keys: this.decoder.write(payload) });
    } else return;
    this.pump();
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.out.clear();
    this.shell?.close();
  }

  /** Processes the input that waits, until it is done or a line runs on a worker; then sends what the terminal shows. */
  private pump(): void {
    while (!this.busy && !this.exited && !this.stopped && this.queue.length) this.next();
    this.out.flush();
  }

  private next(): void {
    const item = this.queue[0]!;
    if (!('keys' in item)) {
      this.queue.shift();
      if ('prompt' in item) this.show(this.shell!.prompt());
      else if ('size' in item) this.shell!.resize(item.size.cols, item.size.rows);
      else {
        this.show(this.shell!.prompt() + item.profile + '\r\n');
        this.execute(item.profile, () => undefined);
      }
      return;
    }
    // One character at a time: a line that goes to a worker leaves the rest waiting.
    let i = 0;
    while (i < item.keys.length && !this.busy && !this.exited) {
      const ch = String.fromCodePoint(item.keys.codePointAt(i)!);
      i += ch.length;
      this.key(ch);
    }
    item.keys = item.keys.slice(i);
    if (!item.keys) this.queue.shift();
  }

  private show(text: string): void {
    this.out.push(PayloadType.Output, text);
  }

  /** One character typed: the terminal shows its echo, and Enter runs the line. */
  private key(ch: string): void {
    if (this.escape) {
      if (this.escape === 'esc') this.escape = ch === '[' || ch === 'O' ? 'csi' : '';
      else if (ch >= '@' && ch <= '~') this.escape = '';
      return;
    }
    const cr = this.afterCR;
    this.afterCR = ch === '\r';
    switch (ch) {
      case '\n':
        // the \n of a \r\n; a lone \n is Enter too (a client that sends lines)
        if (!cr) this.submit();
        return;
      case '\r':
        return this.submit();
      case '\x7f':
      case '\b':
        if (!this.line) return;
        this.line = [...this.line].slice(0, -1).join('');
        return this.show('\b \b');
      case '\x03':
        this.line = '';
        this.pending = undefined;
        return this.show('^C\r\n' + this.shell!.prompt());
      case '\x04':
        if (this.line || this.pending !== undefined) return;
        return this.exitShell(this.windows ? '' : 'exit\r\n');
      case '\x15': {
        const n = [...this.line].length;
        this.line = '';
        return this.show('\b \b'.repeat(n));
      }
      case '\x1b':
        this.escape = 'esc';
        return;
      default:
        if (ch < ' ') return; // Tab and other control characters: no completion, no effect
        this.line += ch;
        return this.show(ch);
    }
  }

  /** Enter: runs the line (or asks for the rest of a statement). */
  private submit(): void {
    this.show('\r\n');
    const text = this.pending !== undefined ? `${this.pending}\n${this.line}` : this.line;
    this.line = '';
    this.pending = undefined;
    if (text.trim() === '') return this.show(this.shell!.prompt());
    this.execute(text, (r) => {
      if (r.incomplete) {
        this.pending = text;
        this.show(r.continuationPrompt);
      } else if (!this.exited) this.show(r.prompt);
    });
  }

  /**
   * Runs text in the shell and shows its output, then `then(reply)`: at once, or once a worker has
   * run the line (input waits meanwhile).
   */
  private execute(text: string, then: (r: ShellReply) => void): void {
    const start = Math.max(this.run.host.now(), this.shellClock);
    const done = (r: ShellReply) => {
      this.shellClock = start + r.durationMs;
      if (!r.incomplete) {
        this.out.push(PayloadType.Output, r.output, { raw: true });
        if (r.exited !== undefined) this.exitShell('');
      }
      then(r);
    };
    const reply = this.shell!.run(text, start);
    if (!(reply instanceof Promise)) return done(reply);
    this.busy = true;
    void reply.then((r) =>
      this.run.host.resume(() => {
        this.busy = false;
        if (this.stopped) return;
        done(r);
        this.pump();
      }),
    );
  }

  private exitShell(say: string): void {
    this.exited = true;
    this.show(say);
    // Once everything shown so far has gone out.
    this.out.whenEmpty(() => {
      if (!this.stopped) this.run.host.finish({});
    });
  }
}

function parseSize(payload: Buffer): { cols: number; rows: number } | undefined {
  try {
    const v = JSON.parse(payload.toString('utf8')) as { cols?: unknown; rows?: unknown };
    if (Number.isInteger(v.cols) && Number.isInteger(v.rows) && (v.cols as number) > 0 && (v.rows as number) > 0) {
      return { cols: Math.min(v.cols as number, 10_000), rows: Math.min(v.rows as number, 10_000) };
    }
  } catch {
    // not JSON: ignored, as the agent ignores a size it cannot read
  }
  return undefined;
}

// ──────────────────────────────────────────── commands ────────────────────────────────────────────

/** The agent's separateOutputStream prefix rule (amazon-ssm-agent shell.go separateOutputStreamPrefixRegex). */
const PREFIX_RE = /^[0-9a-zA-Z\r\n_:-]{0,30}$/;

export class CommandsPlugin implements SessionPlugin {
  private stopped = false;
  private readonly out: Outbox;

  constructor(private readonly run: PluginRun) {
    this.out = new Outbox((type, text) => run.host.send(type, text));
  }

  start(): void {
    const props = (this.run.session.Properties?.[platformKey(this.run.node)] ?? {}) as Record<string, unknown>;
    const command = typeof props.commands === 'string' ? props.commands : '';
    const windows = this.run.node.PlatformType === 'Windows';
    const interactive = this.run.session.SessionType === 'InteractiveCommands';
    const separate = !interactive && String(props.separateOutputStream ?? 'false').toLowerCase() === 'true';
    const outPrefix = typeof props.stdOutSeparatorPrefix === 'string' ? props.stdOutSeparatorPrefix : '';
    const errPrefix = typeof props.stdErrSeparatorPrefix === 'string' ? props.stdErrSeparatorPrefix : '';
    if (separate) {
      for (const [name, p] of [['stdoutSeparatorPrefix', outPrefix], ['stderrSeparatorPrefix', errPrefix]] as const) {
        if (!PREFIX_RE.test(p)) return this.run.host.finish({ failed: true, output: `invalid ${name} ${p}` });
      }
    }
    // `sh -c <command>` (powershell <command> on Windows): script-style messages ("sh: line 1: ...").
    const input = {
      dialect: windows ? ('powershell' as const) : ('sh' as const),
      script: command,
      node: this.run.facts,
      startTime: this.run.host.now(),
      env: this.run.env,
      scriptPath: windows ? 'line' : 'sh',
      commandStubs: this.run.node.Behaviors.filter((b) => b.Scope !== 'script'),
      mergeStreams: !separate,
    };
    const show = (r: RunScriptResult) => {
      if (this.stopped) return;
      if (separate) {
        this.sendPrefixed(PayloadType.Output, r.stdout, outPrefix);
        this.sendPrefixed(PayloadType.StdErr, r.stderr, errPrefix);
        this.out.push(PayloadType.ExitCode, `EXIT_CODE: ${r.exitCode}`, { whole: true });
      } else {
        this.out.push(PayloadType.Output, r.stdout, { raw: interactive });
      }
      this.out.flush();
      this.out.whenEmpty(() => {
        if (!this.stopped) this.run.host.finish({});
      });
    };
    // A command that a short probe cannot finish runs on a worker (the same result).
    const done = probeScript(input);
    if (done) show(done);
    else void scriptPool.run(input).then((r) => this.run.host.resume(() => show(r)));
  }

  /** Pieces of at most 1,024 bytes, ending at line ends where they can; a prefix leads each piece that starts a line. */
  private sendPrefixed(type: number, text: string, prefix: string): void {
    if (!text) return;
    const room = 1024 - Buffer.byteLength(prefix);
    let lineStart = true;
    for (const piece of linePieces(text, room)) {
      this.out.push(type, (lineStart ? prefix : '') + piece, { whole: true });
      lineStart = piece.endsWith('\n');
    }
  }

  input(): void {
    // The command has already run: there is no stdin to feed.
  }

  stop(): void {
    this.stopped = true;
    this.out.clear();
  }
}

/** Splits text into pieces of at most `max` UTF-8 bytes, cutting after a "\n" where one is in reach. */
function linePieces(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest) {
    // Halve the rest until it fits; a string has at least as many bytes as characters, so the halving
    // down to `max` characters needs no counting (counting megabytes for every piece would not end).
    let n = rest.length;
    while (n > max) n = Math.max(1, Math.floor(n / 2));
    let piece = rest.slice(0, n);
    while (Buffer.byteLength(piece) > max) piece = piece.slice(0, Math.max(1, Math.floor(piece.length / 2)));
    const nl = piece.lastIndexOf('\n');
    if (piece.length < rest.length && nl >= 0) piece = piece.slice(0, nl + 1);
    out.push(piece);
    rest = rest.slice(piece.length);
  }
  return out;
}

// ────────────────────────────────────────────── port ──────────────────────────────────────────────

/** Parses "host:port" / "[v6]:port". */
function hostPort(s: string): { host: string; port: number } {
  const i = s.lastIndexOf(':');
  return { host: s.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(s.slice(i + 1)) };
}

export class PortPlugin implements SessionPlugin {
  private socket: Socket | undefined;
  private connected = false;
  private queue: Buffer[] = [];
  private stopped = false;
  private readonly target: { host: string; port: number } | undefined;
  private readonly where: string;
  private readonly nodeId: string;
  /** Forwarding to a local port survives the remote end closing (reconnect on the next data); SSH-style forwarding ends with it. */
  private readonly local: boolean;

  constructor(
    private readonly host: PluginHost,
    session: SessionRecord,
    node: FleetInstance,
  ) {
    const props = session.Properties ?? {};
    const port = String(props.portNumber ?? '');
    const remote = typeof props.host === 'string' && props.host !== '' ? props.host : undefined;
    this.where = remote ? `${remote}:${port}` : `port ${port}`;
    this.local = props.type === 'LocalPortForwarding';
    const map = node.PortForwards ?? {};
    // A remote host that is the node itself reaches the node's own ports.
    const keys = remote === undefined ? [port] : [`${remote}:${port}`, ...(remote === 'localhost' || remote === '127.0.0.1' ? [port] : [])];
    const key = keys.find((k) => Object.hasOwn(map, k));
    this.target = key === undefined ? undefined : hostPort(map[key]!);
    this.nodeId = node.InstanceId;
  }

  start(): void {
    if (!this.target) return this.fail(messages.portNotMapped(this.where, this.nodeId));
    this.dial();
  }

  input(payloadType: number, payload: Buffer): void {
    if (this.stopped) return;
    if (payloadType === PayloadType.Flag && payload.length >= 4) {
      if (payload.readUInt32BE(0) === Flag.DisconnectToPort) this.hangUp();
      return;
    }
    if (payloadType !== PayloadType.Output || !payload.length) return;
    if (this.connected && this.socket) this.socket.write(payload);
    else {
      this.queue.push(Buffer.from(payload));
      if (!this.socket) this.dial();
    }
  }

  stop(): void {
    this.stopped = true;
    this.hangUp();
  }

  private dial(): void {
    const t = this.target!;
    const socket = connect({ host: t.host, port: t.port });
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('connect', () => {
      if (this.socket !== socket) return;
      this.connected = true;
      for (const b of this.queue.splice(0)) socket.write(b);
    });
    socket.on('data', (d: Buffer) => {
      if (this.socket === socket && !this.stopped) this.host.send(PayloadType.Output, d);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (this.socket !== socket || this.stopped) return;
      if (!this.connected) this.fail(`dial tcp ${t.host}:${t.port}: connect: ${err.code === 'ECONNREFUSED' ? 'connection refused' : err.message}`);
    });
    socket.on('close', () => {
      if (this.socket !== socket) return;
      const wasConnected = this.connected;
      this.socket = undefined;
      this.connected = false;
      if (this.stopped || !wasConnected) return;
      if (!this.local) this.host.finish({});
    });
  }

  private hangUp(): void {
    const s = this.socket;
    this.socket = undefined;
    this.connected = false;
    s?.destroy();
  }

  private fail(detail: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.hangUp();
    this.host.send(PayloadType.Flag, flagPayload(Flag.ConnectToPortError));
    this.host.finish({ failed: true, output: messages.unableToConnect(detail) });
  }
}
