import type { ReactNode } from 'react';

export interface Stat {
  readonly label: string;
  readonly value: ReactNode;
  /** For end-to-end tests that read one value. */
  readonly testId?: string;
}

/** Label/value pairs in two columns; values are tabular so refreshing numbers do not jitter. */
export function StatList({ stats }: { stats: readonly Stat[] }): ReactNode {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
      {stats.map((s) => (
        <div key={s.label} className="flex flex-col" data-testid={s.testId}>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{s.label}</dt>
          <dd className="font-medium tabular-nums">{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}
