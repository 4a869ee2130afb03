import type { ReactNode } from 'react';

/** Says plainly that a page is not there yet, rather than showing something that looks like data. */
export function NotBuiltYet({ title, what }: { title: string; what: string }): ReactNode {
  return (
    <section className="flex flex-col gap-2">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="max-w-prose text-slate-600 dark:text-slate-300">
        This page is not built yet. {what}
      </p>
    </section>
  );
}
