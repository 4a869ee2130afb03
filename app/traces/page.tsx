import { Suspense, type ReactNode } from 'react';
import { TracesView } from '@/components/traces/traces-view';

export default function TracesPage(): ReactNode {
  return (
    <Suspense>
      <TracesView />
    </Suspense>
  );
}
