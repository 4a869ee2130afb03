import type { ReactNode } from 'react';
import { formatMs, formatPercent, formatRps } from '@/components/ui/format';
import { HealthBadge } from '@/components/ui/health-badge';
import type { SubsetSignals as Signals } from '@/lib/mesh/traffic/split-types';

export interface SubsetSignalsProps {
  readonly subsets: readonly Signals[];
  readonly metricsAvailable: boolean;
  /** What a row is: a VirtualService's subset, or an HTTPRoute's or GRPCRoute's backend Service. */
  readonly splitBy: 'subset' | 'backendService';
}

/** Each subset's golden signals side by side, so a canary can be judged against the stable version. */
export function SubsetSignals({
  subsets,
  metricsAvailable,
  splitBy,
}: SubsetSignalsProps): ReactNode {
  const metric = (value: string): string => (metricsAvailable ? value : '—');
  return (
    <table className="w-full text-sm" aria-label="Golden signals per subset">
      <thead>
        <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
          <th scope="col" className="py-1 font-medium">
            {splitBy === 'backendService' ? 'Backend Service' : 'Subset'}
          </th>
          <th scope="col" className="py-1 font-medium">
            Pods ready
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Requests/s
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Error rate
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            p95
          </th>
          <th scope="col" className="py-1 pl-4 font-medium">
            Health
          </th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {subsets.map((s) => (
          <tr
            key={s.name}
            data-testid="subset-signals"
            data-subset={s.name}
            className="border-t border-slate-200 dark:border-slate-700"
          >
            <th scope="row" className="py-1 text-left font-medium">
              {s.name}
              <span className="ml-2 text-xs font-normal text-slate-500 dark:text-slate-400">
                {Object.entries(s.labels)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ')}
              </span>
            </th>
            <td className="py-1">
              {s.workloads.length === 0 ? (
                <span className="text-amber-800 dark:text-amber-300">no workload</span>
              ) : (
                `${s.readyReplicas}/${s.desiredReplicas}`
              )}
            </td>
            <td className="py-1 text-right">{metric(formatRps(s.rps))}</td>
            <td
              className={`py-1 text-right ${s.errorRate ? 'text-red-700 dark:text-red-400' : ''}`}
            >
              {metric(s.errorRate === null ? '—' : formatPercent(s.errorRate))}
            </td>
            <td className="py-1 text-right">
              {metric(s.p95Ms === null ? '—' : formatMs(s.p95Ms))}
            </td>
            <td className="py-1 pl-4">
              <HealthBadge health={metricsAvailable ? s.health : 'unknown'} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
