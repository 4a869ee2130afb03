import type { ReactNode } from 'react';
import { ServicePicker } from '@/components/istio-config/forms/service-picker';

export default function RoutingFormsPage(): ReactNode {
  return <ServicePicker />;
}
