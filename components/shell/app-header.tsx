import Link from 'next/link';
import type { ReactNode } from 'react';
import { KubeStaleNotice } from './kube-stale-notice';
import { MeshMtlsLock } from './mesh-mtls-lock';
import { NavLinks } from './nav-links';
import { RefreshControl } from './refresh-control';
import { SignedInOnly } from './signed-in-only';
import { SourceStatus } from './source-status';
import { ThemeToggle } from './theme-toggle';
import { UserIndicator } from './user-indicator';

interface AppHeaderProps {
  readonly meshName: string;
  readonly readOnly: boolean;
}

export function AppHeader({ meshName, readOnly }: AppHeaderProps): ReactNode {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/" className="flex items-baseline gap-2 font-semibold">
          <span className="text-sky-700 dark:text-sky-400">Meshlens</span>
          <span
            className="text-sm font-normal text-slate-500 dark:text-slate-400"
            data-testid="mesh-name"
          >
            {meshName}
          </span>
        </Link>
        <NavLinks />
        <div className="ml-auto flex flex-wrap items-center gap-4">
          {readOnly ? (
            <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium dark:bg-slate-700">
              Read-only
            </span>
          ) : null}
          <SignedInOnly>
            <MeshMtlsLock />
            <SourceStatus />
            <RefreshControl />
            <UserIndicator />
          </SignedInOnly>
          <ThemeToggle />
        </div>
      </div>
      <SignedInOnly>
        <KubeStaleNotice />
      </SignedInOnly>
    </header>
  );
}
