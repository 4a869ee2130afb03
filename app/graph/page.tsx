import { Suspense, type ReactNode } from 'react';
import { GraphView } from '@/components/graph/graph-view';

// useSearchParams in the view needs a Suspense boundary, or Next renders the whole page on the client.
export default function GraphPage(): ReactNode {
  return (
    <Suspense fallback={<p className="text-sm text-slate-500">Loading graph…</p>}>
      <GraphView />
    </Suspense>
  );
}
