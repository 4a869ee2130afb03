import type { ReactNode } from 'react';
import { RoutingWizard } from '@/components/istio-config/forms/routing-wizard';

interface Props {
  readonly params: Promise<{ namespace: string; service: string }>;
}

export default async function ServiceRoutingPage({ params }: Props): Promise<ReactNode> {
  const { namespace, service } = await params;
  return (
    <RoutingWizard
      namespace={decodeURIComponent(namespace)}
      service={decodeURIComponent(service)}
    />
  );
}
