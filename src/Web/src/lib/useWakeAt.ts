import { useEffect, useRef } from 'react';

/** Calls `callback` once the clock reaches `at` (ms since the epoch); null sleeps. Re-arms when `at` changes. */
export function useWakeAt(at: number | null, callback: (now: number) => void): void {
  const saved = useRef(callback);
  useEffect(() => {
    saved.current = callback;
  }, [callback]);

  useEffect(() => {
    if (at === null) {
      return;
    }
    const timer = setTimeout(() => saved.current(Date.now()), Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  }, [at]);
}
