'use client';

import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  // The theme toggle flips a class on <html>; watching it keeps every view in step without a context.
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

export function useDarkMode(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.classList.contains('dark'),
    () => false,
  );
}
