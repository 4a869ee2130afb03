'use client';

import type { ReactNode } from 'react';
import type { AuthzVerdict } from '@/lib/api/security';
import type { MeshGraph } from '@/lib/mesh/types';
import { displayName } from './display-name';
import { matchesFilter, type ParsedFilter } from './filter-expr';

export interface ElementListProps {
  readonly graph: MeshGraph | undefined;
  readonly hide: ParsedFilter;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
  /** The authorization overlay's marks, read out with each edge while the overlay is on. */
  readonly authz?: ReadonlyMap<string, AuthzVerdict>;
}

const AUTHZ_WORDS: Readonly<Record<AuthzVerdict, string>> = {
  allow: ', allowed',
  deny: ', denied by policy',
  depends: ', authorization depends on the request',
};

const verdictWords = (v: AuthzVerdict | undefined): string => (v ? AUTHZ_WORDS[v] : '');

const ITEM =
  'w-full rounded px-2 py-1 text-left text-xs hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none aria-pressed:bg-sky-100 dark:hover:bg-slate-800 dark:aria-pressed:bg-sky-900';

/**
 * The canvas is pixels, so keyboard and screen-reader users reach nodes and edges through this list;
 * it stays out of sight until something in it has focus, and selecting here selects on the canvas.
 */
export function ElementList({
  graph,
  hide,
  selected,
  onSelect,
  authz,
}: ElementListProps): ReactNode {
  if (graph === undefined) return null;
  const nodes = graph.nodes
    .filter((n) => !matchesFilter(hide, n))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const names = new Map(graph.nodes.map((n) => [n.id, displayName(n)]));
  const visible = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => visible.has(e.source) && visible.has(e.target));
  const item = (id: string, label: string): ReactNode => (
    <li key={id}>
      <button
        type="button"
        className={ITEM}
        aria-pressed={selected === id}
        onClick={() => onSelect(id)}
      >
        {label}
      </button>
    </li>
  );
  return (
    <nav
      aria-label="Graph elements"
      className="sr-only z-20 max-h-full overflow-auto rounded-md border border-slate-300 bg-white p-2 shadow-lg focus-within:not-sr-only focus-within:absolute focus-within:top-2 focus-within:left-2 focus-within:w-72 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="px-2 text-xs font-semibold">Nodes</h2>
      <ul>
        {nodes.map((n) =>
          item(n.id, `${names.get(n.id) ?? n.name} (${n.kind}, ${n.namespace}, ${n.health})`),
        )}
      </ul>
      <h2 className="mt-2 px-2 text-xs font-semibold">Edges</h2>
      <ul>
        {edges.map((e) =>
          item(
            e.id,
            `${names.get(e.source) ?? e.source} → ${names.get(e.target) ?? e.target} (${e.protocol}, ${e.health}${verdictWords(authz?.get(e.id))})`,
          ),
        )}
      </ul>
    </nav>
  );
}
