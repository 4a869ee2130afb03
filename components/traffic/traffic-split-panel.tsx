'use client';

import type { ReactNode } from 'react';
import { useSessionQuery } from '@/lib/client/use-session';
import { objectWriteDecision } from '@/lib/mesh/access/write-permission';
import { CARD, TrafficSplitView } from '@/components/ui/traffic-split-view';
import { useTimeRange } from '@/components/ui/golden/use-time-range';
import { WeightEditor } from './weight-editor';

export interface TrafficSplitPanelProps {
  readonly namespace: string;
  readonly service: string;
}

/** The service page's split: the shared configured-vs-observed view with the canary slider under it. */
export function TrafficSplitPanel({ namespace, service }: TrafficSplitPanelProps): ReactNode {
  const session = useSessionQuery().data;
  const [{ end }] = useTimeRange();
  return (
    <TrafficSplitView
      namespace={namespace}
      service={service}
      end={end ?? undefined}
      renderEditor={(data) => {
        const router = data.gatewayRoute ?? data.virtualService;
        if (!router) return null;
        if (end !== null)
          return (
            <p data-testid="write-past" className="text-xs text-slate-500 dark:text-slate-400">
              This page shows a past moment; return to now to change the weights against the traffic
              of now.
            </p>
          );
        if (!data.readOnly && data.access.update) {
          return (
            <div className={CARD}>
              <WeightEditor namespace={namespace} service={service} traffic={data} />
            </div>
          );
        }
        const decision =
          session &&
          objectWriteDecision(
            session,
            {
              verb: 'update',
              kind: data.gatewayRoute?.kind ?? 'VirtualService',
              namespace: router.namespace,
              name: router.name,
            },
            false,
          );
        if (!decision || decision.allowed) return null;
        return (
          <p data-testid="write-denied" className="text-xs text-slate-500 dark:text-slate-400">
            {decision.reason} The weights cannot be changed here.
          </p>
        );
      }}
    />
  );
}
