import { notFound } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { AppDetail } from '@/components/apps/app-detail';
import { isNamespaceName } from '@/lib/mesh/namespace-name';

interface AppPageProps {
  readonly params: Promise<{ namespace: string; app: string }>;
}

/** An app label value as Kubernetes allows it (63 characters, alphanumerics, '-', '_', '.'). */
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** /apps/{namespace}/{app}: an app's workloads and golden metrics over any window. */
export default async function AppPage({ params }: AppPageProps): Promise<ReactNode> {
  const { namespace, app } = await params;
  if (!isNamespaceName(namespace) || !LABEL_VALUE.test(app)) notFound();
  return (
    <Suspense>
      <AppDetail namespace={namespace} app={app} />
    </Suspense>
  );
}
