import { Suspense, type ReactNode } from 'react';
import { WorkloadList } from '@/components/workloads/workload-list';

// The namespace filter and sort read useSearchParams, which needs a Suspense boundary.
export default function WorkloadsPage(): ReactNode {
  return (
    <Suspense fallback={<p className="text-sm text-slate-500">Loading workloads…</p>}>
      <WorkloadList />
    </Suspense>
  );
}
