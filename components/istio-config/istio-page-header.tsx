import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { LINK } from './styles';

export interface IstioPageHeaderProps {
  readonly title: ReactNode;
  /** What follows "Istio config" in the breadcrumb, from its first " / " on. */
  readonly trail: ReactNode;
}

/** The header of a page under /istio: its breadcrumb always starts from the config list. */
export function IstioPageHeader({ title, trail }: IstioPageHeaderProps): ReactNode {
  return (
    <PageHeader
      breadcrumb={
        <>
          <Link className={LINK} href="/istio">
            Istio config
          </Link>{' '}
          {trail}
        </>
      }
      title={title}
    />
  );
}
