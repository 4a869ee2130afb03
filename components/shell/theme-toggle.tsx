'use client';

import { useSyncExternalStore, type ReactNode } from 'react';

const STORAGE_KEY = 'meshlens.theme';
const listeners = new Set<() => void>();

function isDark(): boolean {
  return document.documentElement.classList.contains('dark');
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function ThemeToggle(): ReactNode {
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  const toggle = (): void => {
    const next = !isDark();
    document.documentElement.classList.toggle('dark', next);
    localStorage.setItem(STORAGE_KEY, next ? 'dark' : 'light');
    listeners.forEach((l) => l());
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      {dark ? 'Light theme' : 'Dark theme'}
    </button>
  );
}
