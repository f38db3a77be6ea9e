import { useCallback, useEffect, useRef, useState } from 'react';

/** What {@link useLoad} returns. */
export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data when `key` changes, optionally polling every `pollMs` while the tab is visible.
 * A poll that fails keeps the last data and shows the error; the next success clears it.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, pollMs?: number): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef(key);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` forces a reload
  useEffect(() => {
    let cancelled = false;
    if (lastKey.current !== key) {
      lastKey.current = key;
      setData(undefined);
    }
    setLoading(true);
    const run = () =>
      loadRef.current().then(
        (value) => {
          if (cancelled) return;
          setData(value);
          setError(undefined);
          setLoading(false);
        },
        (err: unknown) => {
          if (cancelled) return;
          setError(err instanceof Error ? err : new Error(String(err)));
          setLoading(false);
        },
      );
    void run();
    let timer: ReturnType<typeof setInterval> | undefined;
    if (pollMs) {
      timer = setInterval(() => {
        if (document.visibilityState === 'visible') void run();
      }, pollMs);
    }
    return () => {
      cancelled = true;
      if (timer) clearInterval(timer);
    };
  }, [key, tick, pollMs]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
