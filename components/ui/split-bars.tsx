import type { ReactNode } from 'react';
import { formatPercent } from '@/components/ui/format';
import type { TrafficRoute } from '@/lib/mesh/traffic/route-weights';

export interface SplitBarsProps {
  readonly route: TrafficRoute;
  /** Observed share per subset, 0..1; undefined when metrics are unavailable. */
  readonly observed: Readonly<Record<string, number>> | undefined;
}

function Bar({
  share,
  className,
  label,
}: {
  share: number;
  className: string;
  label: string;
}): ReactNode {
  return (
    <div className="flex items-center gap-2">
      <div
        role="img"
        aria-label={label}
        className="h-3 flex-1 overflow-hidden rounded-sm bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full ${className}`}
          style={{ width: `${Math.min(100, Math.max(0, share * 100))}%` }}
        />
      </div>
      <span className="w-12 text-right text-xs tabular-nums">{formatPercent(share)}</span>
    </div>
  );
}

/** Configured weight beside observed share, one row per destination of the route. */
export function SplitBars({ route, observed }: SplitBarsProps): ReactNode {
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
          <th scope="col" className="w-32 py-1 font-medium">
            Destination
          </th>
          <th scope="col" className="py-1 font-medium">
            <span
              className="mr-1 inline-block size-2 rounded-sm bg-sky-600 dark:bg-sky-400"
              aria-hidden
            />
            Configured
          </th>
          <th scope="col" className="py-1 pl-4 font-medium">
            <span
              className="mr-1 inline-block size-2 rounded-sm bg-violet-600 dark:bg-violet-400"
              aria-hidden
            />
            Observed
          </th>
        </tr>
      </thead>
      <tbody>
        {route.destinations.map((d, i) => {
          const name = d.subset ?? d.host;
          // A Gateway API route's backends are keyed by host; a VirtualService's shares by subset.
          const share = observed?.[d.subset ?? d.host];
          return (
            <tr key={`${d.host}/${name}/${i}`} data-testid="split-row" data-subset={name}>
              <th scope="row" className="py-1 pr-2 text-left font-medium">
                {name}
                {d.subset !== undefined && d.host !== route.destinations[0]?.host ? (
                  <span className="block text-xs font-normal text-slate-500">{d.host}</span>
                ) : null}
              </th>
              <td className="py-1" data-testid="configured">
                <Bar
                  share={d.share}
                  className="bg-sky-600 dark:bg-sky-400"
                  label={`${name} configured ${formatPercent(d.share)} (weight ${d.weight})`}
                />
              </td>
              <td className="py-1 pl-4" data-testid="observed" data-share={share ?? ''}>
                {share === undefined ? (
                  <span className="text-xs text-slate-500 dark:text-slate-400">—</span>
                ) : (
                  <Bar
                    share={share}
                    className="bg-violet-600 dark:bg-violet-400"
                    label={`${name} observed ${formatPercent(share)}`}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
