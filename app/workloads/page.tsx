import type { ReactNode } from 'react';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export default function WorkloadsPage(): ReactNode {
  return (
    <NotBuiltYet
      title="Workloads"
      what="It will list workloads with their health and sidecar state."
    />
  );
}
