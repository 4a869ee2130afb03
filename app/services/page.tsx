import type { ReactNode } from 'react';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export default function ServicesPage(): ReactNode {
  return (
    <NotBuiltYet
      title="Services"
      what="It will list services with their golden metrics and traffic splits."
    />
  );
}
