import { notFound } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { ServiceMetrics } from '@/components/services/service-metrics';
import { AppliedConfig } from '@/components/ui/applied-config';
import { TrafficSplitPanel } from '@/components/traffic/traffic-split-panel';
import { TracesLink } from '@/components/ui/traces-link';
import { isNamespaceName } from '@/lib/mesh/namespace-name';
import { ListBreadcrumb } from '@/components/ui/list-breadcrumb';
import { PageHeader } from '@/components/ui/page-header';

interface ServicePageProps {
  readonly params: Promise<{ namespace: string; service: string }>;
}

export default async function ServicePage({ params }: ServicePageProps): Promise<ReactNode> {
  const { namespace, service } = await params;
  if (!isNamespaceName(namespace) || !isNamespaceName(service)) notFound();
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        breadcrumb={<ListBreadcrumb list="Services" href="/services" namespace={namespace} />}
        title={service}
        actions={
          <TracesLink scope={{ namespace, target: service }}>Traces into {service} →</TracesLink>
        }
      />
      <Suspense>
        <TrafficSplitPanel namespace={namespace} service={service} />
      </Suspense>
      <Suspense>
        <ServiceMetrics namespace={namespace} service={service} />
      </Suspense>
      <AppliedConfig subject={{ kind: 'service', namespace, name: service }} />
    </div>
  );
}
