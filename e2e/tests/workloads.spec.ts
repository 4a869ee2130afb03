import { expect, test } from '../fixtures';
import { OverviewPage } from '../pages/overview-page';
import { WorkloadsPage } from '../pages/workloads-page';

test('workloads show their sidecar state, filter by namespace and link to graph and traces', async ({
  page,
}) => {
  const workloads = new WorkloadsPage(page);
  await workloads.open();
  await expect(workloads.heading()).toBeVisible();

  const legacy = workloads.row('shop', 'legacy-batch');
  await expect(legacy).toContainText('No sidecar');
  await expect(workloads.row('shop', 'catalog-v1')).toContainText('Injected');
  // istiod never has a sidecar: not a gap, and not counted as one.
  await expect(workloads.row('istio-system', 'istiod')).toContainText('Not in the mesh');
  await expect(workloads.summary()).toContainText(/\d+ workloads, 1 without sidecar/);
  // Live rates arrive once Prometheus has scraped twice.
  await expect(workloads.row('bookinfo', 'productpage-v1').getByRole('cell').nth(5)).not.toHaveText(
    /^(—|0)$/,
  );

  await workloads.filterNamespace('bookinfo');
  await expect(page).toHaveURL(/namespaces=bookinfo/);
  await expect(workloads.rows()).toHaveCount(6);
  await expect(workloads.summary()).toHaveText(/^6 workloads/);
  await expect(workloads.row('bookinfo', 'reviews-v2')).toContainText('1/1');

  await expect(workloads.sortButton('Health')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Health' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );

  const overview = new OverviewPage(page);
  await overview.setTheme('light');
  await page.screenshot({ path: 'docs/workloads-light.png' });
  await overview.setTheme('dark');
  await page.screenshot({ path: 'docs/workloads-dark.png' });
  await overview.setTheme('light');

  const reviews = workloads.row('bookinfo', 'reviews-v2');
  await expect(reviews.getByRole('link', { name: 'Traces of reviews-v2' })).toHaveAttribute(
    'href',
    '/traces?namespace=bookinfo&target=reviews-v2',
  );
  await reviews.getByRole('link', { name: 'Graph of reviews-v2' }).click();
  await expect(page).toHaveURL(/\/graph\?namespaces=bookinfo&selected=wl%3Abookinfo%3Areviews-v2/);
});

test('sorting by name is kept in the URL', async ({ page }) => {
  const workloads = new WorkloadsPage(page);
  await workloads.open('?namespaces=bookinfo');
  await workloads.sortButton('Workload').click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(workloads.rows().first()).toHaveAttribute('data-workload', 'bookinfo/details-v1');
  await workloads.sortButton('Workload').click();
  await expect(workloads.rows().first()).toHaveAttribute('data-workload', 'bookinfo/reviews-v3');
});
