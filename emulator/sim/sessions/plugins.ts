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
 * - InteractiveCommands / NonInteractiveCommands (CommandsPlugin): the document's command, as
 *   `sh -c` (PowerShell on Windows) as ssm-user; output streamed, then the session ends. With
 *   separateOutputStream, NonInteractiveCommands sends stdout as Output and stderr as StdErr, each
 *   piece after a line end led by its prefix, then "EXIT_CODE: <n>" (PayloadType ExitCode), as the
 *   agent's processCommandsWithOutputStreamSeparate does. Without it, the exit code is not sent (the
 *   agent does not either).
 * - Port (PortPlugin): basic port forwarding (one connection at a time, as the agent does for
 *   clients that see an agent older than 3.0.196.0, the version smux multiplexing needs): the
 *   node's port (or host:port) reaches the real address its fleet fixture maps (PortForwards), with
 *   node:net. A port that is not mapped, or a mapped address that refuses the connection, answers
 *   Flag ConnectToPortError and the session fails. DisconnectToPort closes the connection; the next
 *   data opens a new one.
 */
import { connect, type Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { openShell, runScript, type NodeFacts, type ShellSession } from '../shell/index.js';
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

// ───────────────────────────────────────────── shell ─────────────────────────────────────────────

export class ShellPlugin implements SessionPlugin {
  private shell: ShellSession | undefined;
  private line = '';
  private pending: string | undefined;
  private readonly decoder = new StringDecoder('utf8');
  private afterCR = false;
  /** Inside an escape sequence: 'esc' after ESC, 'csi' after ESC [ (or ESC O), until its final byte. */
  private escape: '' | 'esc' | 'csi' = '';
  /** Virtual instant the previous line finished. */
  private shellClock = 0;
  private ended = false;
  private readonly windows: boolean;

  constructor(private readonly run: PluginRun) {
    this.windows = run.facts.PlatformType === 'Windows';
  }

  start(): void {
    this.shell = openShell({
      dialect: this.windows ? 'powershell' : 'sh',
      node: this.run.facts,
      startTime: this.run.host.now(),
      env: this.run.env,
      commandStubs: this.run.node.Behaviors.filter((b) => b.Scope !== 'script'),
    });
    let out = this.windows ? WINDOWS_BANNER : '';
    const profile = this.windows ? this.run.session.Preferences.shellProfile.windows : this.run.session.Preferences.shellProfile.linux;
    for (const cmd of profile.split(/\r?\n/).filter((l) => l.trim() !== '')) {
      if (this.ended) break;
      out += this.shell.prompt() + cmd + '\r\n' + this.execute(cmd).out;
    }
    if (!this.ended) out += this.shell.prompt();
    this.run.host.send(PayloadType.Output, out);
  }

  input(payloadType: number, payload: Buffer): void {
    if (this.ended || !this.shell) return;
    if (payloadType === PayloadType.Size) {
      const size = parseSize(payload);
      if (size) this.shell.resize(size.cols, size.rows);
      return;
    }
    if (payloadType !== PayloadType.Output) return;
    let echo = '';
    for (const ch of this.decoder.write(payload)) {
      echo += this.key(ch);
      if (this.ended) break;
    }
    if (echo) this.run.host.send(PayloadType.Output, echo);
  }

  stop(): void {
    this.ended = true;
  }

  /** One character typed; returns what the terminal shows for it. */
  private key(ch: string): string {
    if (this.escape) {
      if (this.escape === 'esc') this.escape = ch === '[' || ch === 'O' ? 'csi' : '';
      else if (ch >= '@' && ch <= '~') this.escape = '';
      return '';
    }
    const cr = this.afterCR;
    this.afterCR = ch === '\r';
    switch (ch) {
      case '\n':
        // the \n of a \r\n; a lone \n is Enter too (a client that sends lines)
        return cr ? '' : '\r\n' + this.submit();
      case '\r':
        return '\r\n' + this.submit();
      case '\x7f':
      case '\b':
        if (!this.line) return '';
        this.line = [...this.line].slice(0, -1).join('');
        return '\b \b';
      case '\x03':
        this.line = '';
        this.pending = undefined;
        return '^C\r\n' + this.shell!.prompt();
      case '\x04':
        if (this.line || this.pending !== undefined) return '';
        return this.exitShell(this.windows ? '' : 'exit\r\n');
      case '\x15': {
        const n = [...this.line].length;
        this.line = '';
        return '\b \b'.repeat(n);
      }
      case '\x1b':
        this.escape = 'esc';
        return '';
      default:
        if (ch < ' ') return ''; // Tab and other control characters: no completion, no effect
        this.line += ch;
        return ch;
    }
  }

  /** Enter: runs the line (or asks for the rest of a statement). */
  private submit(): string {
    const text = this.pending !== undefined ? `${this.pending}\n${this.line}` : this.line;
    this.line = '';
    this.pending = undefined;
    if (text.trim() === '') return this.shell!.prompt();
    const r = this.execute(text);
    if (this.ended) return r.out;
    if (r.incomplete) {
      this.pending = text;
      return this.shell!.continuationPrompt();
    }
    return r.out + this.shell!.prompt();
  }

  /** Runs text in the shell: its output for the terminal, or incomplete (nothing ran). */
  private execute(text: string): { out: string; incomplete?: boolean } {
    const start = Math.max(this.run.host.now(), this.shellClock);
    const r = this.shell!.run(text, start);
    this.shellClock = start + r.durationMs;
    if (r.incomplete) return { out: '', incomplete: true };
    const out = tty(r.output);
    return { out: r.exited !== undefined ? out + this.exitShell('') : out };
  }

  private exitShell(say: string): string {
    this.ended = true;
    // After this key's echo has gone out.
    queueMicrotask(() => this.run.host.finish({}));
    return say;
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

  constructor(private readonly run: PluginRun) {}

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
    const r = runScript({
      dialect: windows ? 'powershell' : 'sh',
      script: command,
      node: this.run.facts,
      startTime: this.run.host.now(),
      env: this.run.env,
      scriptPath: windows ? 'line' : 'sh',
      commandStubs: this.run.node.Behaviors.filter((b) => b.Scope !== 'script'),
      mergeStreams: !separate,
    });
    if (separate) {
      this.sendPrefixed(PayloadType.Output, r.stdout, outPrefix);
      this.sendPrefixed(PayloadType.StdErr, r.stderr, errPrefix);
      this.run.host.send(PayloadType.ExitCode, `EXIT_CODE: ${r.exitCode}`);
    } else if (r.stdout) {
      this.run.host.send(PayloadType.Output, interactive ? tty(r.stdout) : r.stdout);
    }
    if (!this.stopped) this.run.host.finish({});
  }

  /** Pieces of at most 1,024 bytes, ending at line ends where they can; a prefix leads each piece that starts a line. */
  private sendPrefixed(type: number, text: string, prefix: string): void {
    if (!text) return;
    const room = 1024 - Buffer.byteLength(prefix);
    let lineStart = true;
    for (const piece of linePieces(text, room)) {
      this.run.host.send(type, (lineStart ? prefix : '') + piece);
      lineStart = piece.endsWith('\n');
    }
  }

  input(): void {
    // The command has already run: there is no stdin to feed.
  }

  stop(): void {
    this.stopped = true;
  }
}

/** Splits text into pieces of at most `max` UTF-8 bytes, cutting after a "\n" where one is in reach. */
function linePieces(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest) {
    let piece = rest;
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
