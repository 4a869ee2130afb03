import { chromium } from 'playwright-core';

export type BrowserResult =
  | {
      readonly firstDrawnMs: number;
      /** From the refresh's /api/graph response arriving to the next frame cytoscape drew. */
      readonly refreshAppliedMs: readonly number[];
      readonly elements: number;
    }
  | { readonly skipped: string };

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface CyLike {
  elements(): { length: number };
  one(event: string, handler: () => void): void;
}

/**
 * Opens /graph in Chromium: time from navigation to the first laid-out graph (the canvas sets
 * data-ready="1"), then the time each refresh takes to reach the screen. Figures only.
 */
export async function timeBrowserGraph(
  appUrl: string,
  namespaces: readonly string[],
): Promise<BrowserResult> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
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
    for (let i = 0; i < 3; i++) {
      const applied = page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const cy = (window as unknown as { __cy?: CyLike }).__cy;
            const observer = new PerformanceObserver((list) => {
              const entry = list.getEntries().find((e) => e.name.includes('/api/graph?'));
              if (entry === undefined || cy === undefined) return;
              observer.disconnect();
              const arrived = (entry as PerformanceResourceTiming).responseEnd;
              cy.one('render', () => resolve(performance.now() - arrived));
            });
            observer.observe({ type: 'resource' });
          }),
      );
      refreshAppliedMs.push(await applied);
    }
    return { firstDrawnMs, refreshAppliedMs, elements };
  } finally {
    await browser.close();
  }
}
