import type { ReactNode } from 'react';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export default function GraphPage(): ReactNode {
  return <NotBuiltYet title="Graph" what="It will show the live topology of the mesh." />;
}
