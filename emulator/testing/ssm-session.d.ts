/** The npm client `ssm-session` (1.0.6) ships no types: what the tests use of it. */
declare module 'ssm-session' {
  interface AgentMessage {
    headerLength: number;
    messageType: string;
    schemaVersion: number;
    createdDate: number;
    sequenceNumber: number;
    flags: number;
    messageId: string;
    payloadDigest: string;
    payloadType: number;
    payloadLength: number;
    payload: Uint8Array;
  }
  interface Connection {
    send(data: unknown): void;
  }
  export const ssm: {
    init(connection: Connection, data: { token: string; termOptions: { cols: number; rows: number } }): void;
    decode(data: ArrayBuffer | Uint8Array): AgentMessage;
    sendACK(connection: Connection, message: AgentMessage): void;
    sendText(connection: Connection, text: Uint8Array, sequenceNumber?: number): void;
    sendInitMessage(connection: Connection, termOptions: { cols: number; rows: number }): void;
  };
}
