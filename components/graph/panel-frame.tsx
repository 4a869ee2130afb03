import type { ReactNode, Ref } from 'react';

export interface PanelFrameProps {
  readonly title: ReactNode;
  readonly titleClassName: string;
  readonly titleRef?: Ref<HTMLHeadingElement>;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/**
 * The frame every side panel of the graph shares: one `side-panel` landmark named by its heading, so
 * tests and e2e find the node, edge and restricted panels alike, and one close button.
 */
export function PanelFrame(props: PanelFrameProps): ReactNode {
  const { title, titleClassName, titleRef, onClose, children } = props;
  return (
    <aside
      aria-labelledby="side-panel-title"
      data-testid="side-panel"
      className="flex max-h-[calc(100vh-15rem)] min-h-[28rem] w-[24rem] shrink-0 flex-col gap-3 overflow-y-auto rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 ref={titleRef} id="side-panel-title" className={titleClassName}>
          {title}
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
      {children}
    </aside>
  );
}
