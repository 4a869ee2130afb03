import { Suspense, type ReactNode } from 'react';
import { NewObjectPage } from '@/components/istio-config/new-object';

export default function NewIstioObjectPage(): ReactNode {
  return (
    <Suspense>
      <NewObjectPage />
    </Suspense>
  );
}
