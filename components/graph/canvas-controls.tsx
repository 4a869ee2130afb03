'use client';

import type { Core } from 'cytoscape';
import type { ReactNode } from 'react';
import { fitGraph } from './apply-elements';

const ZOOM_STEP = 1.25;

function zoomBy(cy: Core, factor: number): void {
  cy.zoom({
    level: cy.zoom() * factor,
    renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
  });
}

const BUTTON =
  'flex size-8 items-center justify-center rounded-md border border-slate-300 bg-white text-sm font-semibold text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800';

/** Zoom and fit, over the canvas's corner as maps place them. */
export function CanvasControls({ cy }: { cy: Core | null }): ReactNode {
  return (
    <div role="group" aria-label="Zoom" className="absolute right-2 bottom-2 flex gap-1">
      <button
        type="button"
        aria-label="Zoom in"
        title="Zoom in"
        className={BUTTON}
        disabled={!cy}
        onClick={() => cy && zoomBy(cy, ZOOM_STEP)}
      >
        +
      </button>
      <button
        type="button"
        aria-label="Zoom out"
        title="Zoom out"
        className={BUTTON}
        disabled={!cy}
        onClick={() => cy && zoomBy(cy, 1 / ZOOM_STEP)}
      >
        −
      </button>
      <button
        type="button"
        title="Fit the graph to the view"
        className={`${BUTTON} w-auto px-2 text-xs`}
        disabled={!cy}
        onClick={() => cy && fitGraph(cy)}
      >
        Fit
      </button>
    </div>
  );
}
