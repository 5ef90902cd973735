/**
 * A Session Manager data channel client for tests and the bench: the plugin's side of the protocol
 * (token message, sequenced input, acknowledgements, in-order processing of output, the handshake),
 * with the knobs a test needs to misbehave on purpose: send frames out of order or twice, hold back
 * acknowledgements, answer the handshake twice or refuse it.
 *
 *   const c = await DataChannelClient.open(StreamUrl, TokenValue);
 *   c.type('echo hi\r');
 *   await c.waitForOutput('hi\r\n');
 *   await c.closed;                       // { code, reason } once the server closes
 */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { decodeFrame, encodeFrame, MessageType, PayloadType, type Frame } from '../sim/sessions/frames.js';

export interface ClientOptions {
  /** ClientVersion in the token message (the plugin sends one; ssm-session does not). Default "1.2.0.0". */
  clientVersion?: string | false;
  /** Acknowledge output as it arrives (default true). */
  autoAck?: boolean;
  /** Answer a HandshakeRequest: accept (default), refuse, or ignore. */
  handshake?: 'accept' | 'refuse' | 'ignore';
  /** The token message as raw text instead (for refusals). */
  rawFirstMessage?: string | Buffer;
  /**
   * A reconnection (after ResumeSession): go on with this client's sequence numbers and the output
   * it has processed, as the plugin does when it reconnects.
   */
  continueFrom?: DataChannelClient;
}

const OUTPUT_TAIL = 4096;

export class DataChannelClient {
  readonly ws: WebSocket;
  /** Every frame received, in arrival order. */
  readonly frames: Frame[] = [];
  /** Output frames processed in sequence order, once each. */
  readonly processed: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private expected = 0;
  private readonly early = new Map<number, Frame>();
  private seq = 0;
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  private readonly opts: Required<Omit<ClientOptions, 'rawFirstMessage' | 'continueFrom'>>;
  /** Sent input frames by sequence number (for resends). */
  readonly sent = new Map<number, Buffer>();
  /** Sequence numbers the server acknowledged. */
  readonly acked = new Set<number>();

  private constructor(ws: WebSocket, opts: ClientOptions) {
    this.ws = ws;
    this.opts = { clientVersion: opts.clientVersion ?? '1.2.0.0', autoAck: opts.autoAck ?? true, handshake: opts.handshake ?? 'accept' };
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return;
      const f = decodeFrame(Buffer.from(data));
      if (f) this.receive(f);
      this.wake();
    });
    ws.on('close', () => this.wake());
  }

  /** Opens the socket and sends the token message. */
  static async open(url: string, token: string, opts: ClientOptions = {}): Promise<DataChannelClient> {
    const ws = new WebSocket(url);
    ws.on('error', () => {});
    const c = new DataChannelClient(ws, opts);
    if (opts.continueFrom) {
      c.seq = opts.continueFrom.seq;
      c.expected = opts.continueFrom.expected;
      c.processed.push(...opts.continueFrom.processed);
      c.outputText = opts.continueFrom.outputText;
      c.tail = opts.continueFrom.tail;
    }
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('close', () => reject(new Error('closed before open')));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    const first =
      opts.rawFirstMessage ??
      JSON.stringify({
        MessageSchemaVersion: '1.0',
        RequestId: randomUUID(),
        TokenValue: token,
        ...(c.opts.clientVersion !== false && { ClientId: randomUUID(), ClientVersion: c.opts.clientVersion }),
      });
    ws.send(first, { binary: Buffer.isBuffer(first) });
    return c;
  }

  /** Sends sequenced input (the next number unless `seq` says otherwise); returns its number. */
  input(payloadType: number, data: Buffer | string, opts: { seq?: number; send?: boolean } = {}): number {
    const seq = opts.seq ?? this.seq++;
    const frame = encodeFrame({ messageType: MessageType.Input, sequenceNumber: seq, flags: seq === 0 ? 1 : 0, payloadType, payload: data, createdDate: Date.now() });
    this.sent.set(seq, frame);
    if (opts.send !== false) this.ws.send(frame);
    return seq;
  }

  /** Keystrokes (PayloadType Output). */
  type(text: string): number {
    return this.input(PayloadType.Output, text);
  }

  /** Sends a frame made earlier again (a resend). */
  resend(seq: number): void {
    this.ws.send(this.sent.get(seq)!);
  }

  /** The Output payloads so far, kept as they arrive (the bench reads it after every frame). */
  private outputText = '';
  /** The last OUTPUT_TAIL characters of it: what a test polls on every frame (outputEndsWith) without flattening megabytes. */
  private tail = '';
  private readonly decoder = new TextDecoder();

  /** What the output frames of these payload types said, in order (default: Output). */
  output(types: readonly number[] = [PayloadType.Output]): string {
    if (types.length === 1 && types[0] === PayloadType.Output) return this.outputText;
    return this.processed.filter((f) => types.includes(f.payloadType)).map((f) => f.payload.toString('utf8')).join('');
  }

  /** How many characters of Output have arrived. */
  get outputLength(): number {
    return this.outputText.length;
  }

  /** Whether the Output so far ends with `text` (at most OUTPUT_TAIL characters): cheap enough to test on every frame of megabytes. */
  outputEndsWith(text: string): boolean {
    return this.tail.endsWith(text);
  }

  /** The channel_closed message, once received. */
  get channelClosed(): { Output: string; SessionId: string } | undefined {
    const f = this.frames.find((x) => x.messageType === MessageType.ChannelClosed);
    return f ? JSON.parse(f.payload.toString('utf8')) : undefined;
  }

  async waitFor(test: () => boolean, what = 'a condition', timeoutMs = 5000): Promise<void> {
    if (test()) return;
    await new Promise<void>((resolve, reject) => {
      const w = { test, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error(`timed out waiting for ${what}; output so far: ${JSON.stringify(this.output())}`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  /** Until HandshakeComplete has arrived (Port and NonInteractiveCommands sessions start then). */
  waitForHandshake(timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.processed.some((f) => f.payloadType === PayloadType.HandshakeComplete), 'HandshakeComplete', timeoutMs);
  }

  waitForOutput(text: string, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.output().includes(text), JSON.stringify(text), timeoutMs);
  }

  ack(f: Frame): void {
    const payload = JSON.stringify({ AcknowledgedMessageType: f.messageType, AcknowledgedMessageId: f.messageId, AcknowledgedMessageSequenceNumber: f.sequenceNumber, IsSequentialMessage: true });
    this.ws.send(encodeFrame({ messageType: MessageType.Acknowledge, flags: 3, payload, createdDate: Date.now() }));
  }

  /** Answers the handshake (again, when a test wants a duplicate). */
  answerHandshake(status = 1): number {
    return this.input(
      PayloadType.HandshakeResponse,
      JSON.stringify({ ClientVersion: '1.2.0.0', ProcessedClientActions: [{ ActionType: 'SessionType', ActionStatus: status, ...(status !== 1 && { Error: 'refused by the test' }) }], Errors: status === 1 ? [] : ['refused by the test'] }),
    );
  }

  close(): void {
    this.ws.close();
  }

  private receive(f: Frame): void {
    this.frames.push(f);
    if (f.messageType === MessageType.Acknowledge) {
      const seq = (JSON.parse(f.payload.toString('utf8')) as { AcknowledgedMessageSequenceNumber: number }).AcknowledgedMessageSequenceNumber;
      this.acked.add(seq);
      return;
    }
    if (f.messageType !== MessageType.Output) return;
    if (this.opts.autoAck) this.ack(f);
    if (f.sequenceNumber < this.expected) return; // a resend of what was processed
    if (f.sequenceNumber > this.expected) {
      this.early.set(f.sequenceNumber, f);
      return;
    }
    this.process(f);
    for (let next = this.early.get(this.expected); next; next = this.early.get(this.expected)) {
      this.early.delete(this.expected);
      this.process(next);
    }
  }

  private process(f: Frame): void {
    this.expected++;
    this.processed.push(f);
    if (f.payloadType === PayloadType.Output) {
      const text = this.decoder.decode(f.payload, { stream: true });
      this.outputText += text;
      this.tail = (this.tail + text).slice(-OUTPUT_TAIL);
    }
    if (f.payloadType === PayloadType.HandshakeRequest && this.opts.handshake !== 'ignore') this.answerHandshake(this.opts.handshake === 'accept' ? 1 : 2);
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.test() || this.ws.readyState === WebSocket.CLOSED) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }
}
