'use client';

import { useState, type ReactNode } from 'react';
import { signOut, useSessionQuery } from '@/lib/client/use-session';

/** "Signed in as <user>" (groups in the tooltip) and, with the token strategy, Sign out. */
export function UserIndicator(): ReactNode {
  const { data } = useSessionQuery();
  const [error, setError] = useState<string | undefined>();
  if (!data || data.strategy === 'anonymous') return null;
  const groups = data.groups.length > 0 ? `Groups: ${data.groups.join(', ')}` : 'No groups';
  const out = async (): Promise<void> => {
    try {
      await signOut();
      // A full load, so that nothing of the signed-out user's data stays in the page's caches.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign('/sign-in');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="flex items-center gap-2 text-xs">
      <span
        title={groups}
        data-testid="signed-in-user"
        className="text-slate-700 dark:text-slate-300"
      >
        Signed in as <strong className="font-semibold">{data.user}</strong>
      </span>
      {data.strategy === 'token' ? (
        <button
          type="button"
          onClick={() => void out()}
          title={error}
          className="rounded-md border border-slate-300 px-2 py-1 font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Sign out
        </button>
      ) : null}
    </div>
  );
}
