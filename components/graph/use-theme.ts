'use client';

import { useSyncExternalStore } from 'react';
import { currentTheme, type Theme } from './graph-theme';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

/** The theme the shell's toggle set on <html>; the canvas draws its own colours, so it must follow. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, currentTheme, () => 'light');
}
