import Link from 'next/link';
import type { ReactNode } from 'react';

/** "Services / bookinfo" above a detail page: the list, then the list filtered to the namespace. */
export function ListBreadcrumb({
  list,
  href,
  namespace,
}: {
  list: string;
  href: string;
  namespace: string;
}): ReactNode {
  return (
    <span className="text-slate-500 dark:text-slate-400">
      <Link href={href} className="hover:underline">
        {list}
      </Link>
      {' / '}
      <Link
        href={`${href}?namespaces=${encodeURIComponent(namespace)}`}
        className="hover:underline"
      >
        {namespace}
      </Link>
    </span>
  );
}
