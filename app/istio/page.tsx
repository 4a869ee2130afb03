import type { ReactNode } from 'react';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export default function IstioconfigPage(): ReactNode {
  return (
    <NotBuiltYet
      title="Istio config"
      what="It will list and validate VirtualServices, DestinationRules and the other Istio objects."
    />
  );
}
