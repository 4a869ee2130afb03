import { Suspense, type ReactNode } from 'react';
import { AppList } from '@/components/apps/app-list';

// The namespace filter, sort and time controls read useSearchParams, which needs a Suspense boundary.
export default function AppsPage(): ReactNode {
  return (
    <Suspense fallback={<p className="text-sm text-slate-500">Loading apps…</p>}>
      <AppList />
    </Suspense>
  );
}
