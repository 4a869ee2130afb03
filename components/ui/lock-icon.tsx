import type { ReactNode } from 'react';

/** An SVG lock: the emoji 🔒 depends on an emoji font the machine may not have. */
export function LockIcon({ isOpen = false }: { isOpen?: boolean }): ReactNode {
  return (
    <svg
      aria-hidden
      width="12"
      height="12"
      viewBox="0 0 16 16"
      className="inline-block align-[-1px]"
    >
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
      <path
        d={isOpen ? 'M5 7V4.5a3 3 0 0 1 5.8-1' : 'M5 7V4.5a3 3 0 0 1 6 0V7'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
    </svg>
  );
}
