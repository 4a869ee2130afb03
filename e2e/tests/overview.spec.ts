import { expect, test } from '../fixtures';
import { OverviewPage } from '../pages/overview-page';

test('the overview shows both demo namespaces with counts and live rates', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.open();
  await expect(overview.card('bookinfo')).toBeVisible();
  await expect(overview.card('shop')).toBeVisible();
  await expect(overview.stat('bookinfo', 'Services')).toHaveText('4');
  await expect(overview.stat('bookinfo', 'Workloads')).toHaveText('6');
  await expect(overview.stat('bookinfo', 'Requests/s')).not.toHaveText(/^(0|—)$/);
  await expect(overview.stat('shop', 'Requests/s')).not.toHaveText(/^(0|—)$/);
  await expect(page.getByTestId('source-prometheus')).toHaveAttribute('data-state', 'up');
  await expect(page.getByTestId('source-kubernetes')).toHaveAttribute('data-state', 'up');

  await overview.setTheme('light');
  await page.screenshot({ path: 'docs/overview-light.png' });
  await overview.setTheme('dark');
  await page.screenshot({ path: 'docs/overview-dark.png' });
  await overview.setTheme('light');
});

test('the navigation is keyboard reachable', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Workloads' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/workloads$/);
  await expect(page.getByRole('heading', { name: 'Workloads', level: 1 })).toBeVisible();
});
