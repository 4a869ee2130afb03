import type { Locator, Page } from '@playwright/test';

export class OverviewPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  card(namespace: string): Locator {
    return this.page.locator(`[data-testid="namespace-card"][data-namespace="${namespace}"]`);
  }

  stat(namespace: string, label: string): Locator {
    return this.card(namespace)
      .locator('div', { has: this.page.locator('dt', { hasText: label }) })
      .locator('dd');
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const isDark = await this.page.evaluate(() =>
      document.documentElement.classList.contains('dark'),
    );
    if (isDark !== (theme === 'dark'))
      await this.page.getByRole('button', { name: /theme/ }).click();
  }
}
