import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The /graph page. Cytoscape draws on a canvas, so elements are found through window.__cy. */
export class GraphPage {
  constructor(private readonly page: Page) {}

  get canvas(): Locator {
    return this.page.getByTestId('graph');
  }

  get panel(): Locator {
    return this.page.getByTestId('side-panel');
  }

  get elementList(): Locator {
    return this.page.getByRole('navigation', { name: 'Graph elements' });
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/graph${query}`);
    await expect(this.canvas).toHaveAttribute('data-ready', '1');
    await expect(this.canvas.locator('canvas').first()).toBeVisible();
  }

  async nodeIds(): Promise<string[]> {
    return this.page.evaluate(() => window.__cy?.nodes().map((n) => n.id()) ?? []);
  }

  /** The first edge from `source` to a node whose id starts with `targetPrefix`. */
  async edgeId(source: string, targetPrefix: string): Promise<string> {
    const id = await this.page.evaluate(
      ([s, t]) =>
        window.__cy
          ?.edges()
          .filter(
            (e) =>
              e.source().id() === s &&
              e
                .target()
                .id()
                .startsWith(t ?? ''),
          )
          .first()
          .id(),
      [source, targetPrefix],
    );
    if (!id) throw new Error(`no edge ${source} → ${targetPrefix}*`);
    return id;
  }

  /**
   * A real mouse click on the edge, at its midpoint unless a node sits there (an edge may pass behind
   * a node it does not touch), then at points nearer either end.
   */
  async clickEdge(id: string): Promise<void> {
    const point = await this.page.evaluate((edge) => {
      const cy = window.__cy;
      const e = cy?.getElementById(edge);
      if (!cy || !e || e.empty()) return undefined;
      const a = e.renderedSourceEndpoint();
      const b = e.renderedTargetEndpoint();
      const nodes = cy.nodes().filter((n) => !n.isParent());
      const candidates = [
        e.renderedMidpoint(),
        ...[0.4, 0.6, 0.3, 0.7].map((t) => ({
          x: a.x + (b.x - a.x) * t,
          y: a.y + (b.y - a.y) * t,
        })),
      ];
      for (const p of candidates) {
        const covered = nodes.some((n) => {
          const bb = n.renderedBoundingBox({ includeLabels: true });
          return p.x >= bb.x1 && p.x <= bb.x2 && p.y >= bb.y1 && p.y <= bb.y2;
        });
        if (!covered) return p;
      }
      return e.renderedMidpoint();
    }, id);
    const box = await this.canvas.boundingBox();
    if (!point || !box) throw new Error(`edge ${id} is not on screen`);
    await this.page.mouse.click(box.x + point.x, box.y + point.y);
  }

  async edgeLabel(id: string): Promise<string> {
    return this.page.evaluate(
      (edge) => String(window.__cy?.getElementById(edge).style('label') ?? ''),
      id,
    );
  }

  /** Model positions of the nodes that are not boxes (a box's position follows its children). */
  async positions(): Promise<Record<string, { x: number; y: number }>> {
    return this.page.evaluate(() =>
      Object.fromEntries(window.__cy?.nodes(':childless').map((n) => [n.id(), n.position()]) ?? []),
    );
  }

  async idsWithClass(className: string): Promise<string[]> {
    return this.page.evaluate((c) => window.__cy?.$(`.${c}`).map((e) => e.id()) ?? [], className);
  }

  async selectedIds(): Promise<string[]> {
    return this.page.evaluate(() => window.__cy?.$(':selected').map((e) => e.id()) ?? []);
  }

  async setEdgeLabels(name: string): Promise<void> {
    await this.page.getByLabel('Edge labels').selectOption({ label: name });
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const isDark = await this.page.evaluate(() =>
      document.documentElement.classList.contains('dark'),
    );
    if (isDark !== (theme === 'dark'))
      await this.page.getByRole('button', { name: /theme/ }).click();
  }
}
