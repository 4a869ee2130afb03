'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useServicesQuery } from '@/lib/client/use-services';
import { LINK } from '../styles';
import { ErrorText } from '@/components/ui/problem-alert';
import { PageHeader } from '@/components/ui/page-header';

/** /istio/wizard: choose the service whose routing to set up. */
export function ServicePicker(): ReactNode {
  const services = useServicesQuery([]);
  const list = services.data?.services ?? [];
  return (
    <section className="flex flex-col gap-4">
      <PageHeader title="Routing forms" />
      <p className="max-w-prose text-slate-700 dark:text-slate-300">
        Create or replace a service’s DestinationRule (subsets from its workloads’ versions, traffic
        policy) and VirtualService (header routes, timeouts, retries, fault injection). Each form
        shows the YAML it writes and checks it before writing.
      </p>
      {services.error && <ErrorText>{services.error.detail}</ErrorText>}
      <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        {list.map((s) => (
          <li key={`${s.namespace}/${s.name}`}>
            <Link className={LINK} href={`/istio/wizard/${s.namespace}/${s.name}`}>
              {s.namespace}/{s.name}
            </Link>{' '}
            <span className="text-sm text-slate-600 dark:text-slate-400">
              {s.virtualService ? `routed by ${s.virtualService}` : 'no VirtualService'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
