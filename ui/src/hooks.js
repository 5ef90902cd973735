import { useEffect, useRef, useState, useCallback } from 'preact/hooks';

/**
 * The live feed: one EventSource on /_emulator/live. The server sends "change" (throttled) when
 * state changed; views re-read what they show then. Between changes a running clock is extrapolated
 * from its rate, so the time shown moves without any request.
 */
export function useLive() {
  const [live, setLive] = useState({ generation: 0, clock: undefined, eventSeq: 0, connected: false, at: 0 });
  useEffect(() => {
    const source = new EventSource('/_emulator/live');
    const on = (e) => setLive({ ...JSON.parse(e.data), connected: true, at: performance.now() });
    source.addEventListener('hello', on);
    source.addEventListener('change', on);
    source.onerror = () => setLive((l) => ({ ...l, connected: false }));
    return () => source.close();
  }, []);
  return live;
}

/** Virtual now (epoch ms) from the last clock the feed sent; re-renders each second while the clock runs. */
export function useNow(live) {
  const [, tick] = useState(0);
  const running = live.clock && live.clock.mode !== 'frozen';
  useEffect(() => {
    if (!running) return undefined;
    const id = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [running]);
  if (!live.clock) return undefined;
  const base = Date.parse(live.clock.now);
  return running ? base + (performance.now() - live.at) * live.clock.rate : base;
}

/**
 * Loads data with `load()` when the deps or the live generation change. At most one load runs at a
 * time; changes that arrive meanwhile cause one more load when it ends (never a storm).
 */
export function useData(load, deps, generation) {
  const [state, setState] = useState({ data: undefined, error: undefined, loading: true });
  const busy = useRef(false);
  const again = useRef(false);
  const latest = useRef(load);
  latest.current = load;
  const run = useCallback(async () => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    try {
      do {
        again.current = false;
        try {
          const data = await latest.current();
          setState({ data, error: undefined, loading: false });
        } catch (error) {
          setState((s) => ({ data: s.data, error, loading: false }));
        }
      } while (again.current);
    } finally {
      busy.current = false;
    }
  }, []);
  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    run();
  }, deps);
  useEffect(() => {
    if (generation) run();
  }, [generation]);
  return { ...state, reload: run };
}
