/**
 * The reliable stream of a data channel, as the SSM Agent keeps it (the emulator plays the agent):
 *
 * - Output: every sequenced message (output_stream_data) gets the next sequence number (the first
 *   carries SYN) and stays in an outgoing buffer until the client acknowledges its sequence number.
 *   The oldest unacknowledged message is sent again every RESEND_TICK_MS once it has waited
 *   RESEND_AFTER_TICKS ticks (the plugin does the same: ResendStreamDataMessageScheduler, 100 ms
 *   ticks, a 200 ms first timeout), and everything unacknowledged goes out again at once when a
 *   client reconnects. Output payloads are cut into StreamDataPayloadSize (1,024-byte) pieces at
 *   UTF-8 character boundaries, as the agent's processStdoutData does.
 * - Input: input_stream_data is processed in sequence order only. Every sequenced input message is
 *   acknowledged (even a duplicate or an early one); a message ahead of the expected number waits
 *   in the incoming buffer (at most 10,000 messages and 16 MiB); one already processed (a resend)
 *   is dropped.
 * - acknowledge and channel_closed are not sequenced.
 *
 * The channel outlives sockets: a client that drops and comes back (ResumeSession) continues with
 * the same sequence numbers, as the plugin does. No wall clock is read: resend timing counts ticks.
 */
import { randomUUID } from 'node:crypto';
import { decodeFrame, encodeFrame, MessageType, PayloadType, SYN, type Frame } from './frames.js';

/** What the channel writes to (a WebSocket). */
export interface Transport {
  send(frame: Buffer): void;
  close(code: number, reason: string): void;
}

export const STREAM_DATA_PAYLOAD_SIZE = 1024;
export const RESEND_TICK_MS = 100;
export const RESEND_AFTER_TICKS = 2;
/** The plugin gives up after 3,000 resends (5 minutes); so does the emulator. */
export const RESEND_MAX_ATTEMPTS = 3000;
export const INCOMING_BUFFER_CAPACITY = 10_000;
/** And at most this many bytes of early input waiting (a client cannot make the server hold more). */
export const INCOMING_BUFFER_BYTES = 16 * 1024 * 1024;
export const OUTGOING_BUFFER_CAPACITY = 10_000;

interface Outgoing {
  seq: number;
  frame: Buffer;
  ticks: number;
  attempts: number;
}

/** Cuts UTF-8 text into pieces of at most `max` bytes without splitting a character. */
export function utf8Pieces(data: Buffer, max = STREAM_DATA_PAYLOAD_SIZE): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  while (i < data.length) {
    let end = Math.min(i + max, data.length);
    if (end < data.length) {
      // Back off continuation bytes (10xxxxxx) so the next piece starts on a character.
      let j = end;
      while (j > i && (data[j]! & 0xc0) === 0x80) j--;
      if (j > i) end = j;
    }
    out.push(data.subarray(i, end));
    i = end;
  }
  return out;
}

export class DataChannel {
  private outSeq = 0;
  private expectedIn = 0;
  private readonly incoming = new Map<number, Frame>();
  private incomingBytes = 0;
  private readonly outgoing: Outgoing[] = [];
  private transport: Transport | undefined;
  private timer: NodeJS.Timeout | undefined;
  private drainWaiters: (() => void)[] = [];

  constructor(
    /** Virtual epoch ms, for CreatedDate. */
    private readonly now: () => number,
    /** Sequenced input, in order, once each. */
    private readonly onInput: (frame: Frame) => void,
  ) {}

  get attached(): boolean {
    return this.transport !== undefined;
  }

  /** Unacknowledged output messages. */
  get unacknowledged(): number {
    return this.outgoing.length;
  }

  /** A socket takes over the channel: whatever the client has not acknowledged goes out again. */
  attach(t: Transport): void {
    this.transport = t;
    for (const m of this.outgoing) {
      m.ticks = 0;
      t.send(m.frame);
    }
    this.arm();
  }

  detach(t: Transport): void {
    if (this.transport !== t) return;
    this.transport = undefined;
    this.disarm();
  }

  /** A binary WebSocket message from the client. Unreadable frames are ignored. */
  receive(data: Buffer): void {
    const f = decodeFrame(data);
    if (!f) return;
    if (f.messageType === MessageType.Acknowledge) return this.acknowledged(f);
    if (f.messageType !== MessageType.Input || f.sequenceNumber < 0) return;
    this.ack(f);
    if (f.sequenceNumber === this.expectedIn) {
      this.expectedIn++;
      this.onInput(f);
      for (let next = this.incoming.get(this.expectedIn); next; next = this.incoming.get(this.expectedIn)) {
        this.incoming.delete(this.expectedIn);
        this.incomingBytes -= next.payload.length;
        this.expectedIn++;
        this.onInput(next);
      }
    } else if (
      f.sequenceNumber > this.expectedIn &&
      !this.incoming.has(f.sequenceNumber) &&
      this.incoming.size < INCOMING_BUFFER_CAPACITY &&
      this.incomingBytes + f.payload.length <= INCOMING_BUFFER_BYTES
    ) {
      // A copy: the frame's payload is a view of the socket's buffer.
      this.incoming.set(f.sequenceNumber, { ...f, payload: Buffer.from(f.payload) });
      this.incomingBytes += f.payload.length;
    }
    // Below the expected number: a resend of what was processed; acknowledged again, dropped.
  }

  /** Sequenced output; Output and StdErr payloads are cut into 1,024-byte pieces. */
  send(payloadType: number, payload: Buffer): void {
    const pieces = (payloadType === PayloadType.Output || payloadType === PayloadType.StdErr) && payload.length > STREAM_DATA_PAYLOAD_SIZE ? utf8Pieces(payload) : [payload];
    for (const p of pieces) {
      const seq = this.outSeq++;
      const frame = encodeFrame({ messageType: MessageType.Output, sequenceNumber: seq, flags: seq === 0 ? SYN : 0, payloadType, payload: p, createdDate: this.now() });
      if (this.outgoing.length >= OUTGOING_BUFFER_CAPACITY) this.outgoing.shift();
      this.outgoing.push({ seq, frame, ticks: 0, attempts: 0 });
      this.transport?.send(frame);
    }
    this.arm();
  }

  /** channel_closed: the session is over; a non-empty `output` is what the plugin prints. */
  sendChannelClosed(sessionId: string, target: string, output: string): void {
    const now = this.now();
    const payload = JSON.stringify({
      MessageId: randomUUID(),
      CreatedDate: new Date(now).toISOString(),
      DestinationId: target,
      SessionId: sessionId,
      MessageType: MessageType.ChannelClosed,
      SchemaVersion: 1,
      Output: output,
    });
    this.transport?.send(encodeFrame({ messageType: MessageType.ChannelClosed, payload, createdDate: now }));
  }

  /** Resolves when every output message is acknowledged, or after `timeoutMs` (real time), or at once without a client. */
  drained(timeoutMs: number): Promise<void> {
    if (!this.outgoing.length || !this.transport) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      const waiters = this.drainWaiters;
      function done() {
        clearTimeout(timer);
        const i = waiters.indexOf(done);
        if (i >= 0) waiters.splice(i, 1);
        resolve();
      }
      waiters.push(done);
    });
  }

  /** Stops the resend timer for good. */
  dispose(): void {
    this.disarm();
    this.transport = undefined;
    this.outgoing.length = 0;
    this.incoming.clear();
    this.incomingBytes = 0;
    for (const w of this.drainWaiters.splice(0)) w();
  }

  private ack(f: Frame): void {
    const payload = JSON.stringify({
      AcknowledgedMessageType: f.messageType,
      AcknowledgedMessageId: f.messageId,
      AcknowledgedMessageSequenceNumber: f.sequenceNumber,
      IsSequentialMessage: true,
    });
    this.transport?.send(encodeFrame({ messageType: MessageType.Acknowledge, flags: 3, payload, createdDate: this.now() }));
  }

  private acknowledged(f: Frame): void {
    let seq: unknown;
    try {
      seq = (JSON.parse(f.payload.toString('utf8')) as { AcknowledgedMessageSequenceNumber?: unknown }).AcknowledgedMessageSequenceNumber;
    } catch {
      return;
    }
    if (typeof seq !== 'number') return;
    const i = this.outgoing.findIndex((m) => m.seq === seq);
    if (i < 0) return;
    this.outgoing.splice(i, 1);
    if (!this.outgoing.length) {
      this.disarm();
      for (const w of this.drainWaiters.splice(0)) w();
    }
  }

  private arm(): void {
    if (this.timer || !this.transport || !this.outgoing.length) return;
    this.timer = setInterval(() => this.tick(), RESEND_TICK_MS);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const oldest = this.outgoing[0];
    if (!oldest || !this.transport) return this.disarm();
    if (oldest.attempts >= RESEND_MAX_ATTEMPTS || ++oldest.ticks < RESEND_AFTER_TICKS) return;
    oldest.ticks = 0;
    oldest.attempts++;
    this.transport.send(oldest.frame);
  }
}
