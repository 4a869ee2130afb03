import type { ReactNode } from 'react';
import { routeFacts, type RouteFact, type RouteFactKind } from '@/lib/mesh/traffic/route-facts';
import type { TrafficRoute } from '@/lib/mesh/traffic/route-weights';

export interface RouteFactsProps {
  readonly route: TrafficRoute;
  /** How the route is headed ("Route #1"), for the list's accessible name. */
  readonly label: string;
}

/** The word before each fact, so its nature never rests on colour alone. */
const TAG: Readonly<Record<RouteFactKind, string>> = {
  unreachable: 'Unreachable',
  'dead-match': 'Match',
  answer: 'Answer',
  abort: 'Fault',
  delay: 'Fault',
  mirror: 'Mirror',
  timeout: 'Timeout',
  retries: 'Retries',
};

const ALERT =
  'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950/60 dark:text-amber-100';
const NOTE =
  'border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-200';

function Fact({ fact, route }: { fact: RouteFact; route: TrafficRoute }): ReactNode {
  return (
    <li
      data-testid="route-fact"
      data-kind={fact.kind}
      {...(fact.kind === 'unreachable' && {
        'data-shadowed-by': route.unreachable?.shadowedBy,
      })}
      className={`rounded-md border px-2 py-1 text-xs ${fact.alert ? ALERT : NOTE}`}
    >
      <span className="font-semibold">
        {fact.alert ? <span aria-hidden>⚠ </span> : null}
        {TAG[fact.kind]}:
      </span>{' '}
      {fact.text}
    </li>
  );
}

/** Beside a route's split: its faults, mirrors, timeout and retries, and whether it can match at all. */
export function RouteFacts({ route, label }: RouteFactsProps): ReactNode {
  const facts = routeFacts(route);
  if (facts.length === 0) return null;
  return (
    <ul aria-label={`What ${label} does`} className="flex flex-col gap-1">
      {facts.map((f, i) => (
        <Fact key={i} fact={f} route={route} />
      ))}
    </ul>
  );
}
