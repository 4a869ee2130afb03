import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures';
import { OverviewPage } from '../pages/overview-page';

/** A p95 cell's text in ms ("412 ms", "1.20 s"); Infinity for a dash, which sorts last. */
function readMs(text: string): number {
  const m = /^([\d.]+) (ms|s)$/.exec(text.trim());
  if (m === null) return Number.POSITIVE_INFINITY;
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}

const sortButton = (table: Locator, column: string): Locator =>
  table.getByRole('columnheader', { name: column }).getByRole('button');

test('the services list sorts by p95 and shows each service its request rate over the window', async ({
  page,
}) => {
  await page.goto('/services?namespaces=bookinfo');
  const table = page.getByRole('table');
  const reviews = page.getByTestId('service-row').filter({ hasText: 'reviews' });
  const p95 = (row: Locator): Locator => row.getByRole('cell').nth(4);
  // Latencies arrive once Prometheus has scraped the duration buckets twice.
  await expect(p95(reviews)).toHaveText(/\d+(\.\d+)? (ms|s)$/);
  await expect(reviews.getByRole('img', { name: /^Requests\/s over the last 1h/ })).toBeVisible();

  await sortButton(table, 'p95').click();
  await expect(page).toHaveURL(/sort=p95/);
  await expect(table.getByRole('columnheader', { name: 'p95' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const slowestFirst = (await p95(page.getByTestId('service-row')).allTextContents()).map(readMs);
  expect(slowestFirst).toEqual([...slowestFirst].sort((a, b) => b - a));
  await sortButton(table, 'p95').click();
  await expect(page).toHaveURL(/order=asc/);

  await page.getByLabel('Window').selectOption('6h');
  await expect(page).toHaveURL(/window=6h/);
  await expect(reviews.getByRole('img', { name: /^Requests\/s over the last 6h/ })).toBeVisible();
  await page.getByLabel('Window').selectOption('1h');

  const overview = new OverviewPage(page);
  await overview.setTheme('light');
  await page.screenshot({ path: 'docs/services-light.png' });
  await overview.setTheme('dark');
  await page.screenshot({ path: 'docs/services-dark.png' });
  await overview.setTheme('light');
});

test('the apps list groups workloads by app label and leads to the app page', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Apps' }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
  await page.getByLabel('Namespace').selectOption('bookinfo');
  await expect(page).toHaveURL(/namespaces=bookinfo/);
  await expect(page.getByTestId('app-row')).toHaveCount(4);

  const reviews = page.locator('[data-testid="app-row"][data-app="bookinfo/reviews"]');
  await expect(reviews).toContainText('v1, v2, v3');
  await expect(reviews.getByRole('cell').nth(1)).toHaveText('3');
  await expect(reviews.getByRole('cell').nth(6)).toHaveText(/\d+(\.\d+)? (ms|s)$/);

  const overview = new OverviewPage(page);
  await overview.setTheme('light');
  await page.screenshot({ path: 'docs/apps-light.png' });
  await overview.setTheme('dark');
  await page.screenshot({ path: 'docs/apps-dark.png' });
  await overview.setTheme('light');

  await reviews.getByRole('link', { name: 'reviews' }).click();
  await expect(page).toHaveURL(/\/apps\/bookinfo\/reviews/);
  await expect(page.getByRole('heading', { name: 'App reviews', level: 1 })).toBeVisible();
});
