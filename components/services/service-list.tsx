'use client';

import type { ReactNode } from 'react';
import { ListFrame } from '@/components/ui/list-frame';
import { useListView } from '@/components/ui/use-list-view';
import { useServicesQuery } from '@/lib/client/use-services';
import { ServiceTable } from './service-table';
import { SERVICE_COLUMNS } from './sort-services';

export function ServiceList(): ReactNode {
  const { frame, sort, onSort } = useListView(SERVICE_COLUMNS);
  const { data, error } = useServicesQuery(frame.selected, frame.range);
  return (
    <ListFrame title="Services" {...frame} error={error} notes={data} rows={data?.services.length}>
      {data ? (
        <ServiceTable services={data.services} sort={sort} onSort={onSort} range={frame.range} />
      ) : null}
    </ListFrame>
  );
}
