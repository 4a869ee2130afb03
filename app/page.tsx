import type { ReactNode } from 'react';
import { Overview } from '@/components/overview/overview';

export default function OverviewPage(): ReactNode {
  return <Overview />;
}
