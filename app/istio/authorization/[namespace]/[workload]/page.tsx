import type { ReactNode } from 'react';
import { LeastPrivilegePage } from '@/components/istio-config/authorization/least-privilege-page';

interface Props {
  readonly params: Promise<{ namespace: string; workload: string }>;
}

export default async function AuthorizationPolicyFormPage({ params }: Props): Promise<ReactNode> {
  const { namespace, workload } = await params;
  return (
    <LeastPrivilegePage
      namespace={decodeURIComponent(namespace)}
      workload={decodeURIComponent(workload)}
    />
  );
}
