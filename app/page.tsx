import { Suspense, type ReactNode } from 'react';
import { Overview } from '@/components/overview/overview';

export default function OverviewPage(): ReactNode {
  // The overview reads its window and end from the URL.
  return (
    <Suspense>
      <Overview />
    </Suspense>
  );
}
