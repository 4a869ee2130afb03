import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../scripts/stack/chromium';

export type BrowserResult =
  | {
      readonly firstDrawnMs: number;
      /** From the refresh's /api/graph response arriving to the next frame cytoscape drew. */
      readonly refreshAppliedMs: readonly number[];
      /** Refreshes that changed nothing drawn, so no frame followed (not in refreshAppliedMs). */
      readonly refreshesWithoutFrame: number;
      readonly elements: number;
    }
  | { readonly skipped: string };

interface CyLike {
  elements(): { length: number };
  one(event: string, handler: () => void): void;
}

/** A refresh whose data changed nothing drawn needs no frame: give up waiting for one after this. */
const NO_FRAME_MS = 3_000;

/**
 * Waits for the next /api/graph response, then for the frame cytoscape draws after it: ms between, or
 * null when no frame came (nothing drawn had changed).
 */
export function waitForRefreshApplied(page: Page): Promise<number | null> {
  return page.evaluate(
    (noFrameMs) =>
      new Promise<number | null>((resolve) => {
        const cy = (window as unknown as { __cy?: CyLike }).__cy;
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name.includes('/api/graph?'));
          if (entry === undefined || cy === undefined) return;
          observer.disconnect();
          const arrived = (entry as PerformanceResourceTiming).responseEnd;
          const timer = setTimeout(() => resolve(null), noFrameMs);
          cy.one('render', () => {
            clearTimeout(timer);
            resolve(performance.now() - arrived);
          });
        });
        observer.observe({ type: 'resource' });
      }),
    NO_FRAME_MS,
  );
}

/**
 * Opens /graph in Chromium: time from navigation to the first laid-out graph (the canvas sets
 * data-ready="1"), then the time each refresh takes to reach the screen. Figures only.
 */
export async function timeBrowserGraph(
  appUrl: string,
  namespaces: readonly string[],
): Promise<BrowserResult> {
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const url = `${appUrl}/graph?namespaces=${namespaces.join(',')}&refresh=10s`;
    await page.goto(url, { waitUntil: 'commit' });
    const ready = await page
      .waitForSelector('[data-ready="1"]', { timeout: 60_000 })
      .then(() => true)
      .catch(() => false);
    if (!ready) return { skipped: 'the graph page never set data-ready="1" within 60 s' };
    const firstDrawnMs = await page.evaluate(() => performance.now());
    const elements = await page.evaluate(
      () => (window as unknown as { __cy?: CyLike }).__cy?.elements().length ?? 0,
    );
    const refreshAppliedMs: number[] = [];
    let refreshesWithoutFrame = 0;
    for (let i = 0; i < 6 && refreshAppliedMs.length < 3; i++) {
      const ms = await waitForRefreshApplied(page);
      if (ms === null) refreshesWithoutFrame++;
      else refreshAppliedMs.push(ms);
    }
    return { firstDrawnMs, refreshAppliedMs, refreshesWithoutFrame, elements };
  } finally {
    await browser.close();
  }
}
