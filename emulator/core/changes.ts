/**
 * A change counter for live views (the dashboard's event stream, GET /_emulator/live): bumped when
 * a request that can change state ran, when scheduled tasks ran, when the clock was set or moved,
 * and after every state-changing control request. Listeners are told the new generation; they
 * decide how often to pass it on (the stream throttles), so a bulk load or a long advance never
 * floods a browser. It carries no state: a view that hears of a change reads what it shows through
 * the control API and the SSM operations, like any other client.
 */
export type ChangeListener = (generation: number) => void;

export class ChangeFeed {
  private gen = 0;
  private readonly listeners = new Set<ChangeListener>();

  get generation(): number {
    return this.gen;
  }

  bump(): void {
    this.gen++;
    for (const listener of this.listeners) listener(this.gen);
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }
}
