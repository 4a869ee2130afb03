import { Suspense, type ReactNode } from 'react';
import { ServiceList } from '@/components/services/service-list';

// The namespace filter reads useSearchParams, which needs a Suspense boundary.
export default function ServicesPage(): ReactNode {
  return (
    <Suspense fallback={<p className="text-sm text-slate-500">Loading services…</p>}>
      <ServiceList />
    </Suspense>
  );
}
