import { Suspense, type ReactNode } from 'react';
import { preload } from 'react-dom';
import { GraphView } from '@/components/graph/graph-view';
import { parseGraphViewState } from '@/components/graph/url-state';
import { graphPath } from '@/lib/client/graph-path';

type SearchParams = Record<string, string | string[] | undefined>;

function firstValues(params: SearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out.set(name, first);
  }
  return out;
}

/**
 * The graph's answer is the slowest thing on the page (Prometheus): a preload in the document's head
 * starts it while the scripts load and hydrate, and the client's fetch of the same URL takes it over.
 * Without namespaces in the URL the client first needs the namespace list to pick the default ones.
 */
function preloadFirstRequest(params: SearchParams): void {
  const view = parseGraphViewState(firstValues(params));
  const href =
    view.namespaces.length > 0
      ? graphPath({
          namespaces: view.namespaces,
          type: view.type,
          window: view.window,
          ...(view.end !== null && { end: view.end }),
          idle: view.idle,
          ambient: view.ambient,
        })
      : '/api/namespaces';
  preload(href, { as: 'fetch', crossOrigin: 'anonymous' });
}

// useSearchParams in the view needs a Suspense boundary, or Next renders the whole page on the client.
export default async function GraphPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}): Promise<ReactNode> {
  preloadFirstRequest(await searchParams);
  return (
    <Suspense fallback={<p className="text-sm text-slate-500">Loading graph…</p>}>
      <GraphView />
    </Suspense>
  );
}
