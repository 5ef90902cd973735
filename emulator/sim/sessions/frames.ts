/**
 * The binary frame of Session Manager's data channel (the plugin's ClientMessage, the agent's
 * AgentMessage), all integers big-endian:
 *
 *   offset  bytes  field
 *        0      4  HeaderLength       116 (the offset of PayloadLength)
 *        4     32  MessageType        ASCII; the plugin pads with spaces, ssm-session with leading NULs
 *       36      4  SchemaVersion      1
 *       40      8  CreatedDate        epoch milliseconds (the plugin refuses 0)
 *       48      8  SequenceNumber     per direction, from 0
 *       56      8  Flags              bit 0 SYN, bit 1 FIN
 *       64     16  MessageId          a UUID with its halves swapped: bytes 8-15, then 0-7
 *       80     32  PayloadDigest      SHA-256 of the payload (the plugin refuses a wrong one)
 *      112      4  PayloadType        see PayloadType
 *      116      4  PayloadLength
 *      120      n  Payload            the plugin reads everything after the header as the payload
 *
 * Sources: session-manager-plugin src/message/clientmessage.go, messageparser.go (SerializeClientMessage,
 * DeserializeClientMessage, putUuid/getUuid, Validate); amazon-ssm-agent agent/session/contracts.
 *
 * decodeFrame never throws: a frame it cannot read is `undefined`, so a hostile client cannot take
 * the server down. Incoming digests are not checked: ssm-session sends the first 32 hex characters
 * of the digest instead of its bytes.
 */
import { createHash, randomUUID } from 'node:crypto';

export const HEADER_LENGTH = 116;
export const PAYLOAD_OFFSET = 120;

export const MessageType = {
  Input: 'input_stream_data',
  Output: 'output_stream_data',
  Acknowledge: 'acknowledge',
  ChannelClosed: 'channel_closed',
  StartPublication: 'start_publication',
  PausePublication: 'pause_publication',
} as const;

/** PayloadType (session-manager-plugin message.PayloadType). */
export const PayloadType = {
  Output: 1,
  Error: 2,
  Size: 3,
  Parameter: 4,
  HandshakeRequest: 5,
  HandshakeResponse: 6,
  HandshakeComplete: 7,
  EncChallengeRequest: 8,
  EncChallengeResponse: 9,
  Flag: 10,
  StdErr: 11,
  ExitCode: 12,
} as const;

/** The 4-byte payload of a Flag message. */
export const Flag = { DisconnectToPort: 1, TerminateSession: 2, ConnectToPortError: 3 } as const;

/** Flags bits. */
export const SYN = 1;
export const FIN = 2;

export interface Frame {
  messageType: string;
  schemaVersion: number;
  createdDate: number;
  sequenceNumber: number;
  flags: number;
  /** The UUID in its usual text form (halves put back in order). */
  messageId: string;
  payloadType: number;
  payload: Buffer;
}

/** Bytes 0-15 of a UUID from its text form. */
function uuidBytes(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  return /^[0-9a-fA-F]{32}$/.test(hex) ? Buffer.from(hex, 'hex') : Buffer.alloc(16);
}

function uuidText(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function encodeFrame(f: {
  messageType: string;
  sequenceNumber?: number;
  flags?: number;
  payloadType?: number;
  payload?: Buffer | string;
  createdDate: number;
  messageId?: string;
}): Buffer {
  const payload = typeof f.payload === 'string' ? Buffer.from(f.payload, 'utf8') : (f.payload ?? Buffer.alloc(0));
  const buf = Buffer.alloc(PAYLOAD_OFFSET + payload.length);
  buf.writeUInt32BE(HEADER_LENGTH, 0);
  // Right-padded with spaces, as the plugin writes it (both clients trim spaces).
  buf.write(f.messageType.padEnd(32, ' ').slice(0, 32), 4, 32, 'latin1');
  buf.writeUInt32BE(1, 36);
  buf.writeBigUInt64BE(BigInt(Math.max(1, Math.floor(f.createdDate))), 40);
  buf.writeBigInt64BE(BigInt(f.sequenceNumber ?? 0), 48);
  buf.writeBigUInt64BE(BigInt(f.flags ?? 0), 56);
  const id = uuidBytes(f.messageId ?? randomUUID());
  id.copy(buf, 64, 8, 16);
  id.copy(buf, 72, 0, 8);
  createHash('sha256').update(payload).digest().copy(buf, 80);
  buf.writeUInt32BE(f.payloadType ?? 0, 112);
  buf.writeUInt32BE(payload.length, 116);
  payload.copy(buf, PAYLOAD_OFFSET);
  return buf;
}

/** Reads a frame; undefined for anything too short or with a header length it cannot follow. */
export function decodeFrame(data: Buffer): Frame | undefined {
  if (data.length < PAYLOAD_OFFSET) return undefined;
  const headerLength = data.readUInt32BE(0);
  if (headerLength < 112 || headerLength + 4 > data.length) return undefined;
  const id = Buffer.alloc(16);
  data.copy(id, 8, 64, 72);
  data.copy(id, 0, 72, 80);
  const seq = data.readBigInt64BE(48);
  return {
    messageType: data.toString('latin1', 4, 36).replace(/^[\0 ]+|[\0 ]+$/g, ''),
    schemaVersion: data.readUInt32BE(36),
    createdDate: Number(data.readBigUInt64BE(40)),
    sequenceNumber: seq > BigInt(Number.MAX_SAFE_INTEGER) || seq < 0n ? -1 : Number(seq),
    flags: Number(data.readBigUInt64BE(56) & 0xffffn),
    messageId: uuidText(id),
    payloadType: headerLength >= 116 ? data.readUInt32BE(112) : 0,
    payload: data.subarray(headerLength + 4),
  };
}

/** The 4-byte big-endian payload of a Flag message. */
export const flagPayload = (flag: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(flag, 0);
  return b;
};
