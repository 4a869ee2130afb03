import { notFound } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { WorkloadDetail } from '@/components/workloads/detail/workload-detail';
import { isNamespaceName } from '@/lib/mesh/namespace-name';

interface WorkloadPageProps {
  readonly params: Promise<{ namespace: string; name: string }>;
}

/** /workloads/{namespace}/{name}: one workload's golden metrics over any window and its policies. */
export default async function WorkloadPage({ params }: WorkloadPageProps): Promise<ReactNode> {
  const { namespace, name } = await params;
  if (!isNamespaceName(namespace) || !isNamespaceName(name)) notFound();
  return (
    <Suspense>
      <WorkloadDetail namespace={namespace} name={name} />
    </Suspense>
  );
}
