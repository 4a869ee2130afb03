'use client';

import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';

export const REFRESH_CHOICES = [
  { ms: 0, label: 'Paused' },
  { ms: 5_000, label: '5 s' },
  { ms: 10_000, label: '10 s' },
  { ms: 30_000, label: '30 s' },
  { ms: 60_000, label: '1 min' },
] as const;

const STORAGE_KEY = 'meshlens.refreshMs';
const DEFAULT_MS = 10_000;
const listeners = new Set<() => void>();

function read(): number {
  const stored = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
  return REFRESH_CHOICES.some((c) => c.ms === stored) && localStorage.getItem(STORAGE_KEY) !== null
    ? stored
    : DEFAULT_MS;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface RefreshContextValue {
  /** Milliseconds between live refreshes; 0 means paused. */
  readonly intervalMs: number;
  readonly setIntervalMs: (ms: number) => void;
}

const RefreshContext = createContext<RefreshContextValue>({
  intervalMs: DEFAULT_MS,
  setIntervalMs: () => {},
});

/** The user's refresh interval, a preference kept in localStorage and shared by every live view. */
export function RefreshProvider({ children }: { children: ReactNode }): ReactNode {
  const intervalMs = useSyncExternalStore(subscribe, read, () => DEFAULT_MS);
  const setIntervalMs = useCallback((ms: number) => {
    localStorage.setItem(STORAGE_KEY, String(ms));
    listeners.forEach((l) => l());
  }, []);
  const value = useMemo(() => ({ intervalMs, setIntervalMs }), [intervalMs, setIntervalMs]);
  return <RefreshContext.Provider value={value}>{children}</RefreshContext.Provider>;
}

export function useRefreshInterval(): RefreshContextValue {
  return useContext(RefreshContext);
}

/** react-query's refetchInterval for the current preference (false when paused). */
export function useRefetchInterval(): number | false {
  const { intervalMs } = useRefreshInterval();
  return intervalMs > 0 ? intervalMs : false;
}
