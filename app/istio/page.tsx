import { Suspense, type ReactNode } from 'react';
import { ConfigList } from '@/components/istio-config/config-list';

export default function IstioConfigPage(): ReactNode {
  return (
    <Suspense>
      <ConfigList />
    </Suspense>
  );
}
