'use client';

import type { ReactNode } from 'react';
import { CARD, TrafficSplitView } from '@/components/ui/traffic-split-view';
import { WeightEditor } from './weight-editor';

export interface TrafficSplitPanelProps {
  readonly namespace: string;
  readonly service: string;
}

/** The service page's split: the shared configured-vs-observed view with the canary slider under it. */
export function TrafficSplitPanel({ namespace, service }: TrafficSplitPanelProps): ReactNode {
  return (
    <TrafficSplitView
      namespace={namespace}
      service={service}
      renderEditor={(data) => (
        <>
          {!data.readOnly && data.virtualService && data.access.update ? (
            <div className={CARD}>
              <WeightEditor namespace={namespace} service={service} traffic={data} />
            </div>
          ) : null}
          {data.readOnly ? (
            <p className="text-xs text-slate-500 dark:text-slate-400">
              Meshlens runs read-only: weights cannot be changed here.
            </p>
          ) : null}
          {!data.readOnly && data.virtualService && !data.access.update ? (
            <p data-testid="write-denied" className="text-xs text-slate-500 dark:text-slate-400">
              Your Kubernetes permissions do not let you change VirtualService{' '}
              {data.virtualService.name} in {namespace}: weights cannot be changed here.
            </p>
          ) : null}
        </>
      )}
    />
  );
}
