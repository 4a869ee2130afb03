'use client';

import type { Core } from 'cytoscape';
import { useEffect } from 'react';

const FRAME_MS = 50;
const DASH_PERIOD = 14;

/** Pixels per second a dash travels: faster on busier edges, but bounded so nothing blurs. */
function speed(rate: number): number {
  return 8 + 12 * Math.log10(1 + Math.max(0, rate));
}

/**
 * Moves the dashes the stylesheet draws when animation is on, faster on busier edges. It repaints
 * every edge 20 times a second, so it is off unless asked for.
 */
export function useTrafficAnimation(cy: Core | null, enabled: boolean): void {
  useEffect(() => {
    if (cy === null || !enabled) return;
    let frame = 0;
    let last = 0;
    const start = performance.now();
    const tick = (now: number): void => {
      frame = requestAnimationFrame(tick);
      if (now - last < FRAME_MS) return;
      last = now;
      const seconds = (now - start) / 1000;
      cy.batch(() => {
        cy.edges().forEach((e) => {
          const offset = -((seconds * speed(Number(e.data('rate')))) % DASH_PERIOD);
          e.style('line-dash-offset', offset);
        });
      });
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      if (cy.destroyed()) return;
      cy.edges().removeStyle('line-dash-offset');
    };
  }, [cy, enabled]);
}
