/**
 * What a handler or a scheduled task sees: who is calling (account, region), that region's state,
 * and the instant of the request (read once from the virtual clock, so one request has one "now").
 */
import type { Runtime } from './runtime.js';
import type { Scope } from '../state/store.js';

export interface Ctx {
  /** The emulator, as capability code sees it. */
  readonly emu: Runtime;
  readonly account: string;
  readonly region: string;
  readonly scope: Scope;
  /** Virtual epoch milliseconds. */
  readonly now: number;
  /** Set for requests; absent for scheduled tasks. */
  readonly requestId?: string;
  readonly operation?: string;
  /** Set for requests: where the client reached the emulator, for URLs handed back to it (a StreamUrl). */
  readonly endpoint?: Endpoint;
}

/** The host and port a request was addressed to (its Host header); IPv6 hosts in brackets, as in a URL. */
export interface Endpoint {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
}

/** Epoch milliseconds -> the epoch seconds (with a millisecond fraction) that the wire and state use. */
export const toEpochSeconds = (ms: number): number => ms / 1000;

/** Epoch seconds (wire, state) -> epoch milliseconds. */
export const toMillis = (seconds: number): number => Math.round(seconds * 1000);

/** The partition is always "aws" in the emulator. */
export const arn = (ctx: { account: string; region: string }, service: string, resource: string, opts?: { region?: string; account?: string }) =>
  `arn:aws:${service}:${opts?.region ?? ctx.region}:${opts?.account ?? ctx.account}:${resource}`;
