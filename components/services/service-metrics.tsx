'use client';

import type { ReactNode } from 'react';
import { GoldenMetrics } from '@/components/ui/golden/golden-metrics';
import { serviceId } from '@/lib/mesh/graph/node-ids';
import { CanaryCompare } from './canary-compare';

/** The service page's charts: its versions compared, then its inbound golden metrics. */
export function ServiceMetrics(props: {
  readonly namespace: string;
  readonly service: string;
}): ReactNode {
  return (
    <GoldenMetrics
      node={serviceId(props.namespace, props.service)}
      outbound={false}
      before={(range, refetchInterval) => (
        <CanaryCompare {...props} range={range} refetchInterval={refetchInterval} />
      )}
    />
  );
}
