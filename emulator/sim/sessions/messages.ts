/**
 * Session Manager's texts: API errors, what the data channel tells a client when it ends, and why a
 * WebSocket is refused.
 *
 * Sources:
 * - targetNotConnected: AWS's answer as the CLI prints it ("An error occurred (TargetNotConnected)
 *   when calling the StartSession operation: i-0123 is not connected."), seen in many public logs.
 * - wrongDocumentType: the Session Manager troubleshooting guide ("An error occurred
 *   (InvalidDocument) when calling the StartSession operation: Document type: 'Command' is not
 *   supported. Only type: 'Session' is supported for Session Manager.").
 * - Everything marked [unverified] is the emulator's wording: AWS does not document it.
 */

export const targetNotConnected = (target: string) => `${target} is not connected.`;

export const wrongDocumentType = (type: string) =>
  `Document type: '${type}' is not supported. Only type: 'Session' is supported for Session Manager.`;

/** [unverified] */
export const sessionDoesNotExist = (id: string) => `Session with id ${id} does not exist.`;

/** [unverified] A value of the Session Manager preferences document that is out of range. */
export const badPreference = (name: string, value: unknown, range: string) =>
  `Invalid session preference ${name}: ${JSON.stringify(value)} (expected ${range}).`;

/** [unverified] */
export const accessRequestNotFound = (id: string) => `Access request ${id} not found.`;

/** [unverified] StartAccessRequest names exactly one node. */
export const accessRequestOneTarget = () => 'Targets must name exactly one managed node: Key=InstanceIds with one value.';

/** [unverified] */
export const accessRequestTargetNotFound = (target: string) => `Managed node ${target} not found.`;

// ───────────────────────────── the data channel (channel_closed Output, close reasons) ─────────────

/** [unverified] The channel_closed Output when the idle timeout ends a session. */
export const idleTimeout = (minutes: number) => `Your session timed out due to inactivity (${minutes} minutes) and has been terminated.`;

/** [unverified] */
export const maxDurationReached = (minutes: number) => `Your session reached the maximum session duration (${minutes} minutes) and has been terminated.`;

/** [unverified] */
export const agentStopped = (target: string) => `The SSM Agent on ${target} stopped; the session has been terminated.`;

/** [unverified] */
export const nodeRemoved = (target: string) => `${target} is no longer a managed node; the session has been terminated.`;

/** [unverified] */
export const accessRevoked = (target: string) => `Just-in-time access to ${target} was revoked; the session has been terminated.`;

/**
 * What the agent's basic port forwarding answers when it cannot dial the port (amazon-ssm-agent
 * agent/session/plugins/port basicport.go InitializeSession: "Unable to connect to specified port: %v").
 */
export const unableToConnect = (detail: string) => `Unable to connect to specified port: ${detail}`;

/** [unverified] The detail for a port the node's fixture does not map. */
export const portNotMapped = (where: string, target: string) =>
  `nothing listens on ${where} on ${target} (the emulator forwards only ports its fleet fixture maps: PortForwards)`;

/** [unverified] Sessions that had a data channel when the emulator's state was restored (or it restarted). */
export const channelLost = () => 'The session ended: the emulator restarted or its state was restored, and the data channel is gone.';

/** [unverified] WebSocket close reasons (at most 123 bytes). */
export const wsNoSuchSession = (id: string) => `Session ${id} does not exist`.slice(0, 123);
export const wsSessionEnded = (id: string, status: string) => `Session ${id} has ended (${status})`.slice(0, 123);
export const wsBadToken = () => 'Invalid TokenValue: call ResumeSession for a new token';
export const wsNoToken = () => 'The first message must be the OpenDataChannel JSON with TokenValue';
export const wsReplaced = () => 'Another connection opened this session';
export const wsReset = () => 'The emulator was reset';
