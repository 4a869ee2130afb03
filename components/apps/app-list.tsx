'use client';

import type { ReactNode } from 'react';
import { ListFrame } from '@/components/ui/list-frame';
import { useListView } from '@/components/ui/use-list-view';
import { useAppsQuery } from '@/lib/client/use-apps';
import { AppTable } from './app-table';
import { APP_COLUMNS } from './sort-apps';

/** Every app label of the selected namespaces, with its versions and golden metrics. */
export function AppList(): ReactNode {
  const { frame, sort, onSort } = useListView(APP_COLUMNS);
  const { data, error } = useAppsQuery(frame.selected, frame.range);
  return (
    <ListFrame
      title="Apps"
      {...frame}
      error={error}
      notes={data}
      withoutMetrics="Health comes from pod readiness alone."
      rows={data?.apps.length}
    >
      {data ? <AppTable apps={data.apps} sort={sort} onSort={onSort} range={frame.range} /> : null}
    </ListFrame>
  );
}
