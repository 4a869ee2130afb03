import { notFound } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { AppliedConfig } from '@/components/ui/applied-config';
import { GoldenMetrics } from '@/components/ui/golden/golden-metrics';
import { serviceId } from '@/lib/mesh/graph/node-ids';
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
      <TrafficSplitPanel namespace={namespace} service={service} />
      <Suspense>
        <GoldenMetrics node={serviceId(namespace, service)} outbound={false} />
      </Suspense>
      <AppliedConfig subject={{ kind: 'service', namespace, name: service }} />
    </div>
  );
}
