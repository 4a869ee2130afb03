import { expect, type Locator, type Page } from '@playwright/test';

/** The Istio config list and the YAML editor. */
export class IstioPage {
  constructor(private readonly page: Page) {}

  async openList(query = ''): Promise<void> {
    await this.page.goto(`/istio${query}`);
    // Rows come from a client-side fetch, so once one shows the page is hydrated and its filters answer.
    await expect(this.page.locator('[data-testid="istio-row"]').first()).toBeVisible();
  }

  row(kind: string, namespace: string, name: string): Locator {
    return this.page.locator(
      `[data-testid="istio-row"][data-kind="${kind}"][data-namespace="${namespace}"][data-name="${name}"]`,
    );
  }

  async openInEditor(kind: string, namespace: string, name: string): Promise<void> {
    await this.row(kind, namespace, name).getByRole('link', { name }).click();
  }

  editor(): Locator {
    return this.page.getByTestId('yaml-editor');
  }

  /** The editor line that carries an inline error marker (CodeMirror's lint range). */
  linesWithError(): Locator {
    return this.editor().locator('.cm-line', { has: this.page.locator('.cm-lintRange-error') });
  }

  /** Replaces the text of the first editor line that contains `find` (its indentation kept). */
  async replaceLine(find: string, text: string): Promise<void> {
    await this.editor().locator('.cm-line', { hasText: find }).first().click();
    await this.page.keyboard.press('Home');
    await this.page.keyboard.press('Shift+End');
    await this.page.keyboard.type(text);
  }

  applyAnyway(): Locator {
    return this.page.getByRole('group', { name: /Not applied: the analyzers report/ });
  }

  validationList(): Locator {
    return this.page.getByTestId('validation-list');
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const isDark = await this.page.evaluate(() =>
      document.documentElement.classList.contains('dark'),
    );
    if (isDark !== (theme === 'dark'))
      await this.page.getByRole('button', { name: /theme/ }).click();
  }
}
