import Link from 'next/link';
import type { ReactNode } from 'react';

const LINK = 'text-sky-700 hover:underline dark:text-sky-400';

/** A detail page's way out: the graph centred on it and its traces. */
export function DetailLinks({ graph, traces }: { graph: string; traces: string }): ReactNode {
  return (
    <span className="flex gap-3 text-sm">
      <Link className={LINK} href={graph}>
        Graph →
      </Link>
      <Link className={LINK} href={traces}>
        Traces →
      </Link>
    </span>
  );
}
