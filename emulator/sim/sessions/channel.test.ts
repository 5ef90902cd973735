import { describe, expect, it } from 'vitest';
import { DataChannel, INCOMING_BUFFER_BYTES, utf8Pieces, type Transport } from './channel.js';
import { decodeFrame, encodeFrame, MessageType, PayloadType, type Frame } from './frames.js';

const input = (seq: number, text: string | Buffer, payloadType: number = PayloadType.Output) =>
  encodeFrame({ messageType: MessageType.Input, sequenceNumber: seq, payloadType, payload: text, createdDate: 1 });

function channel() {
  const sent: Frame[] = [];
  const got: string[] = [];
  const transport: Transport = { send: (b) => sent.push(decodeFrame(b)!), close: () => {} };
  const ch = new DataChannel(() => 1_735_689_600_000, (f) => got.push(f.payload.toString()));
  ch.attach(transport);
  return { ch, sent, got, transport };
}

describe('DataChannel', () => {
  it('cuts output into 1,024-byte pieces without splitting a character', () => {
    const text = Buffer.from('é'.repeat(1000)); // 2,000 bytes of 2-byte characters
    const pieces = utf8Pieces(Buffer.concat([Buffer.from('a'), text]));
    expect(pieces.map((p) => p.length)).toEqual([1023, 978]);
    expect(Buffer.concat(pieces).toString()).toBe('a' + 'é'.repeat(1000));
    const { ch, sent } = channel();
    ch.send(PayloadType.Output, Buffer.from('x'.repeat(2500)));
    expect(sent.map((f) => [f.sequenceNumber, f.payload.length, f.flags])).toEqual([[0, 1024, 1], [1, 1024, 0], [2, 452, 0]]);
  });

  it('acknowledges input, processes it in order once, and keeps early input within its byte budget', () => {
    const { ch, sent, got } = channel();
    ch.receive(input(1, 'b'));
    ch.receive(input(0, 'a'));
    ch.receive(input(0, 'a'));
    expect(got).toEqual(['a', 'b']);
    expect(sent.filter((f) => f.messageType === MessageType.Acknowledge).map((f) => JSON.parse(f.payload.toString()).AcknowledgedMessageSequenceNumber)).toEqual([1, 0, 0]);
    // An early frame beyond the byte budget is acknowledged but not kept: the client sends it again.
    ch.receive(input(3, Buffer.alloc(INCOMING_BUFFER_BYTES + 1)));
    ch.receive(input(2, 'c'));
    expect(got).toEqual(['a', 'b', 'c']);
    ch.receive(input(3, 'd'));
    expect(got).toEqual(['a', 'b', 'c', 'd']);
  });

  it('forgets acknowledged output and sends the rest again on a new attach', () => {
    const { ch, sent, transport } = channel();
    ch.send(PayloadType.Output, Buffer.from('one'));
    ch.send(PayloadType.Output, Buffer.from('two'));
    const ack = (seq: number) =>
      encodeFrame({ messageType: MessageType.Acknowledge, payload: JSON.stringify({ AcknowledgedMessageSequenceNumber: seq }), createdDate: 1 });
    ch.receive(ack(0));
    expect(ch.unacknowledged).toBe(1);
    ch.detach(transport);
    const again: Frame[] = [];
    ch.attach({ send: (b) => again.push(decodeFrame(b)!), close: () => {} });
    expect(again.map((f) => f.payload.toString())).toEqual(['two']);
    ch.receive(ack(1));
    expect(ch.unacknowledged).toBe(0);
    expect(sent).toHaveLength(2);
    ch.dispose();
  });

  it('ignores unreadable acknowledgements and frames', () => {
    const { ch, got } = channel();
    ch.receive(Buffer.from('short'));
    ch.receive(encodeFrame({ messageType: MessageType.Acknowledge, payload: '{not json', createdDate: 1 }));
    ch.receive(encodeFrame({ messageType: 'something_else', sequenceNumber: 0, payload: 'x', createdDate: 1 }));
    expect(got).toEqual([]);
  });
});
