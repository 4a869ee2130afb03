import type { Locator, Page } from '@playwright/test';

/** A service's page: its traffic split and the canary weight editor. */
export class ServicePage {
  constructor(private readonly page: Page) {}

  async open(namespace: string, service: string): Promise<void> {
    await this.page.goto(`/services/${namespace}/${service}`);
  }

  slider(subset: string): Locator {
    return this.page.getByRole('slider', { name: `Weight for subset ${subset}` });
  }

  lock(subset: string): Locator {
    return this.page.getByRole('button', { name: `Lock subset ${subset}` });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** Drags the slider's thumb with the mouse to `value` percent. */
  async drag(subset: string, value: number): Promise<void> {
    const slider = this.slider(subset);
    const box = await slider.boundingBox();
    if (!box) throw new Error(`slider for ${subset} is not visible`);
    const current = Number(await slider.inputValue());
    const x = (v: number): number => box.x + (box.width * v) / 100;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x(current), y);
    await this.page.mouse.down();
    await this.page.mouse.move(x((current + value) / 2), y, { steps: 5 });
    // Past the end of the track, so the thumb lands on the exact bound.
    await this.page.mouse.move(
      value <= 0 ? box.x - 20 : value >= 100 ? box.x + box.width + 20 : x(value),
      y,
      {
        steps: 5,
      },
    );
    await this.page.mouse.up();
  }

  diff(): Locator {
    return this.page.getByTestId('preview').getByTestId('yaml-diff');
  }

  /** The observed share of a subset on the default route, 0..1 (NaN while metrics are missing). */
  async observedShare(subset: string): Promise<number> {
    const cell = this.page
      .locator('[data-testid="route"]')
      .first()
      .locator(`[data-testid="split-row"][data-subset="${subset}"] [data-testid="observed"]`);
    const share = await cell.getAttribute('data-share');
    return share ? Number(share) : Number.NaN;
  }

  /** What the split says a route does: its faults, mirrors, timeout, retries, unreachable mark. */
  routeFact(route: number, kind: string): Locator {
    return this.page
      .locator(`[data-testid="route"][data-route="${route}"]`)
      .locator(`[data-testid="route-fact"][data-kind="${kind}"]`);
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const isDark = await this.page.evaluate(() =>
      document.documentElement.classList.contains('dark'),
    );
    if (isDark !== (theme === 'dark'))
      await this.page.getByRole('button', { name: /theme/ }).click();
  }
}
