import type { ReactNode } from 'react';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export default function TracesPage(): ReactNode {
  return <NotBuiltYet title="Traces" what="It will search Jaeger traces across graph edges." />;
}
