import type { ReactNode } from 'react';

export interface PageHeaderProps {
  readonly title: ReactNode;
  /** For the page's `aria-labelledby`, so the landmark is named after its heading. */
  readonly titleId?: string;
  /** Links back up the hierarchy, rendered as the page's breadcrumb navigation. */
  readonly breadcrumb?: ReactNode;
  /** What sits at the heading's right: a namespace picker, the last update, links to act on the page. */
  readonly actions?: ReactNode;
}

/** Every page's breadcrumb, heading and header actions, so pages line up with one another. */
export function PageHeader({ title, titleId, breadcrumb, actions }: PageHeaderProps): ReactNode {
  return (
    <>
      {breadcrumb ? (
        <nav aria-label="Breadcrumb" className="text-sm">
          {breadcrumb}
        </nav>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id={titleId} className="text-xl font-semibold">
          {title}
        </h1>
        {actions}
      </div>
    </>
  );
}
