import type { Health } from '@/lib/mesh/types';

export type Theme = 'light' | 'dark';

export interface HealthColours {
  readonly border: string;
  readonly fill: string;
  readonly edge: string;
}

export interface Palette {
  readonly health: Readonly<Record<Health, HealthColours>>;
  readonly text: string;
  readonly textBackground: string;
  readonly namespaceFill: string;
  readonly namespaceBorder: string;
  readonly namespaceText: string;
  readonly boxFill: string;
  readonly tcpEdge: string;
  readonly selected: string;
  readonly found: string;
  /** The authorization overlay: edges the policies deny, and edges that depend on the request. */
  readonly authzDeny: string;
  readonly authzDepends: string;
}

/** Tailwind's emerald/amber/red/slate, so the canvas speaks the same colours as the health badges. */
export const PALETTES: Readonly<Record<Theme, Palette>> = {
  light: {
    health: {
      healthy: { border: '#059669', fill: '#ecfdf5', edge: '#94a3b8' },
      degraded: { border: '#d97706', fill: '#fef3c7', edge: '#f59e0b' },
      failing: { border: '#dc2626', fill: '#fee2e2', edge: '#dc2626' },
      idle: { border: '#94a3b8', fill: '#f8fafc', edge: '#cbd5e1' },
      unknown: { border: '#64748b', fill: '#e2e8f0', edge: '#94a3b8' },
    },
    text: '#0f172a',
    textBackground: '#ffffff',
    namespaceFill: '#f1f5f9',
    namespaceBorder: '#cbd5e1',
    namespaceText: '#334155',
    boxFill: '#ffffff',
    tcpEdge: '#6366f1',
    selected: '#0ea5e9',
    found: '#a855f7',
    authzDeny: '#b91c1c',
    authzDepends: '#b45309',
  },
  dark: {
    health: {
      healthy: { border: '#34d399', fill: '#064e3b', edge: '#64748b' },
      degraded: { border: '#fbbf24', fill: '#78350f', edge: '#fbbf24' },
      failing: { border: '#f87171', fill: '#7f1d1d', edge: '#f87171' },
      idle: { border: '#64748b', fill: '#0f172a', edge: '#475569' },
      unknown: { border: '#94a3b8', fill: '#334155', edge: '#64748b' },
    },
    text: '#e2e8f0',
    textBackground: '#0f172a',
    namespaceFill: '#1e293b',
    namespaceBorder: '#475569',
    namespaceText: '#cbd5e1',
    boxFill: '#0f172a',
    tcpEdge: '#818cf8',
    selected: '#38bdf8',
    found: '#c084fc',
    authzDeny: '#f87171',
    authzDepends: '#fbbf24',
  },
};

export function currentTheme(): Theme {
  return document.documentElement.classList.contains('dark') ? 'dark' : 'light';
}
