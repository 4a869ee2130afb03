import type { ReactNode } from 'react';
import { LockIcon } from '@/components/ui/lock-icon';
import { PanelFrame } from './panel-frame';

/** The side panel of the restricted node: what it stands for, and nothing about what is behind it. */
export function RestrictedPanel({ onClose }: { onClose: () => void }): ReactNode {
  return (
    <PanelFrame
      title={
        <>
          <LockIcon /> Restricted
        </>
      }
      titleClassName="flex items-center gap-2 text-base font-semibold"
      onClose={onClose}
    >
      <p className="text-sm text-slate-700 dark:text-slate-200">You may not see this namespace.</p>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        It stands for every service in namespaces your Kubernetes permissions do not let you list;
        its edges show that traffic flows, without names, rates or errors.
      </p>
    </PanelFrame>
  );
}
