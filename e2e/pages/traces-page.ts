import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The /traces page: a search over an edge's traces and the trace opened from it. */
export class TracesPage {
  constructor(private readonly page: Page) {}

  async open(query: string): Promise<void> {
    await this.page.goto(`/traces?${query}`);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get table(): Locator {
    return this.page.getByTestId('traces-table');
  }

  get scatter(): Locator {
    return this.page.getByTestId('traces-scatter');
  }

  get panel(): Locator {
    return this.page.getByTestId('trace-panel');
  }

  get tree(): Locator {
    return this.page.getByRole('tree', { name: 'Spans of the trace' });
  }

  /** The links that open each listed trace, in list order. */
  get traceLinks(): Locator {
    return this.table.getByRole('link', { name: /^Open trace/ });
  }

  async sortBy(order: 'Newest first' | 'Slowest first'): Promise<void> {
    await this.page.getByLabel('Order').selectOption({ label: order });
  }

  /** Durations of the listed traces in milliseconds, as the table shows them. */
  async listedDurationsMs(): Promise<number[]> {
    const cells = await this.table.locator('tbody tr td:nth-child(2)').allTextContents();
    return cells.map((c) => {
      const [value, unit] = c.trim().split(' ');
      return Number(value) * (unit === 's' ? 1000 : 1);
    });
  }

  highlightedRows(service: string): Locator {
    return this.tree.locator(`[role="treeitem"][data-highlighted="1"][data-service="${service}"]`);
  }

  async waitForList(): Promise<void> {
    await expect(this.traceLinks.first()).toBeVisible();
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const isDark = await this.page.evaluate(() =>
      document.documentElement.classList.contains('dark'),
    );
    if (isDark !== (theme === 'dark'))
      await this.page.getByRole('button', { name: /theme/ }).click();
  }
}
