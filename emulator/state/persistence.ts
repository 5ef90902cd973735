/**
 * Persistence under --data-dir DIR: a lowdb snapshot plus a write-ahead journal.
 *
 *   DIR/state.json          the last checkpoint: {formatVersion, clock, store, journal: n}, written
 *                           atomically by lowdb (temp file + rename), compact JSON
 *   DIR/journal-<k>.jsonl   every state-changing request since, one JSON line each
 *
 * Why a journal: writing the whole state for every request costs O(state), far too slow with 100,000
 * parameters. Handlers are deterministic (virtual time read once per request, seeded ids kept in the
 * state), so a request replayed on the same state with the same `now` makes the same change. A
 * mutating request is appended (one write(2) of one line) BEFORE its response is sent, so every write
 * acknowledged to a client is in the OS's page cache and survives kill -9 of the emulator. Scheduler
 * runs between requests (real and scaled clocks) are journaled as ticks. Control API changes (clock,
 * reset, fleet, state) take a checkpoint before they answer. Every `compactEvery` entries, a
 * checkpoint folds the journal into state.json.
 *
 * Start-up: load state.json (refused, never half-loaded, when corrupt or of another format version),
 * replay journals newer than it in order (a torn last line, from a crash mid-write, was never
 * acknowledged and is dropped), then checkpoint.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DataFile } from 'lowdb/node';
import type { Snapshot } from './snapshot.js';
import type { ServiceId } from '../core/operation.js';
import type { Caller, ResetScope } from '../core/runtime.js';
import type { Clock, ClockState } from '../time/clock.js';
import type { Scheduler } from '../time/scheduler.js';

export type JournalEntry =
  | { t: 'op'; svc: ServiceId; op: string; in: unknown; a: string; r: string; now: number }
  | { t: 'tick'; until: number }
  | { t: 'clock'; state: ClockState }
  | { t: 'reset'; scope?: { account?: string; region?: string } };

interface StateFile extends Snapshot {
  /** Journals numbered up to this one are folded into this snapshot. */
  journal: number;
}

export class PersistenceError extends Error {}

/** What persistence needs of an emulator (emulator.ts implements it). */
export interface Persistable {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  journal: ((entry: JournalEntry) => void) | undefined;
  checkpoint: (() => Promise<void>) | undefined;
  snapshot(opts?: { copy?: boolean }): Snapshot;
  restore(snapshot: unknown): void;
  reset(scope?: ResetScope): void;
  request(service: ServiceId, operation: string, input: Record<string, unknown>, caller: Caller, now?: number): unknown;
}

const JOURNAL = /^journal-(\d+)\.jsonl$/;

export class Persistence {
  private fd: number | undefined;
  private journalNo = 0;
  private entries = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly file: DataFile<StateFile>;
  private replaying = false;

  constructor(
    private readonly emu: Persistable,
    private readonly dir: string,
    private readonly compactEvery = 20_000,
  ) {
    this.file = new DataFile<StateFile>(join(dir, 'state.json'), { parse: JSON.parse, stringify: JSON.stringify });
  }

  /** Restores what DIR holds (if anything), starts journaling, and returns whether state was restored. */
  async open(): Promise<{ restored: boolean; replayed: number }> {
    mkdirSync(this.dir, { recursive: true });
    let snapshot: StateFile | null = null;
    try {
      snapshot = await this.file.read();
    } catch (err) {
      throw new PersistenceError(`${join(this.dir, 'state.json')} is not valid JSON (${(err as Error).message}); refusing to start rather than lose it.`);
    }
    if (snapshot) {
      try {
        this.emu.restore(snapshot);
      } catch (err) {
        throw new PersistenceError(`${join(this.dir, 'state.json')} cannot be restored: ${(err as Error).message}`);
      }
    }
    const folded = snapshot?.journal ?? 0;
    const journals = this.journalNumbers().filter((n) => n > folded);
    let replayed = 0;
    this.replaying = true;
    try {
      for (const n of journals) replayed += this.replay(n);
    } finally {
      this.replaying = false;
    }
    this.journalNo = Math.max(folded, ...journals, 0);
    this.emu.journal = (entry) => this.record(entry);
    this.emu.checkpoint = () => this.checkpoint();
    await this.checkpoint();
    return { restored: snapshot !== null || journals.length > 0, replayed };
  }

  private journalNumbers(): number[] {
    return readdirSync(this.dir)
      .map((f) => JOURNAL.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  private replay(n: number): number {
    const text = readFileSync(join(this.dir, `journal-${n}.jsonl`), 'utf8');
    const lines = text.split('\n');
    let count = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line) continue;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        // Only the very last line can be torn by a crash mid-write; it was never acknowledged.
        if (lines.slice(i + 1).every((l) => l === '')) break;
        throw new PersistenceError(`journal-${n}.jsonl line ${i + 1} is corrupt; refusing to start rather than lose state.`);
      }
      this.apply(entry);
      count++;
    }
    return count;
  }

  private apply(entry: JournalEntry): void {
    if (entry.t === 'tick') {
      this.emu.scheduler.runDue(entry.until);
      return;
    }
    if (entry.t === 'clock') {
      this.emu.clock.restore(entry.state);
      return;
    }
    if (entry.t === 'reset') {
      this.emu.reset(entry.scope);
      return;
    }
    try {
      this.emu.request(entry.svc, entry.op, entry.in as Record<string, unknown>, { account: entry.a, region: entry.r }, entry.now);
    } catch {
      // The request failed the first time too; replaying the failure changes what it changed then.
    }
  }

  /** Appends one entry; synchronous, so the caller answers only after the line is written. */
  record(entry: JournalEntry): void {
    if (this.replaying || this.fd === undefined) return;
    writeSync(this.fd, JSON.stringify(entry) + '\n');
    if (++this.entries >= this.compactEvery) void this.checkpoint();
  }

  /**
   * Folds everything into state.json. The state is serialised synchronously (a consistent cut, since
   * handlers are synchronous), then written atomically; new requests journal into the next file
   * meanwhile. Resolves when the snapshot is on disk.
   */
  checkpoint(): Promise<void> {
    const run = async () => {
      const folded = this.journalNo;
      if (this.fd !== undefined) closeSync(this.fd);
      this.journalNo = folded + 1;
      this.fd = openSync(join(this.dir, `journal-${this.journalNo}.jsonl`), 'a');
      this.entries = 0;
      await this.file.write({ ...this.emu.snapshot({ copy: false }), journal: folded });
      for (const n of this.journalNumbers()) if (n <= folded) rmSync(join(this.dir, `journal-${n}.jsonl`), { force: true });
    };
    this.chain = this.chain.then(run, run);
    return this.chain;
  }

  async close(): Promise<void> {
    await this.checkpoint();
    this.emu.journal = undefined;
    this.emu.checkpoint = undefined;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** True when DIR already holds persisted state (the default fleet is then not loaded again). */
export function hasPersistedState(dir: string): boolean {
  return existsSync(join(dir, 'state.json')) || (existsSync(dir) && readdirSync(dir).some((f) => JOURNAL.test(f)));
}
