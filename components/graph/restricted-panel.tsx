import type { ReactNode } from 'react';
import { LockIcon } from '@/components/ui/lock-icon';

/** The side panel of the restricted node: what it stands for, and nothing about what is behind it. */
export function RestrictedPanel({ onClose }: { onClose: () => void }): ReactNode {
  return (
    <aside
      aria-labelledby="side-panel-title"
      data-testid="side-panel"
      className="flex min-h-[28rem] w-[24rem] shrink-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id="side-panel-title" className="flex items-center gap-2 text-base font-semibold">
          <LockIcon /> Restricted
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close details"
          title="Close (Escape)"
          className="rounded-md px-2 py-0.5 text-lg leading-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:hover:bg-slate-800"
        >
          ×
        </button>
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-200">You may not see this namespace.</p>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        It stands for every service in namespaces your Kubernetes permissions do not let you list;
        its edges show that traffic flows, without names, rates or errors.
      </p>
    </aside>
  );
}
