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

test("a workload's detail page splits its golden metrics as asked, over 6h and back to live", async ({
  page,
}) => {
  const workloads = new WorkloadsPage(page);
  await workloads.open('?namespaces=bookinfo');
  await workloads
    .row('bookinfo', 'reviews-v2')
    .getByRole('link', { name: 'reviews-v2', exact: true })
    .click();
  await expect(page).toHaveURL(/\/workloads\/bookinfo\/reviews-v2$/);
  await expect(page.getByRole('heading', { name: 'reviews-v2', level: 1 })).toBeVisible();
  const inbound = page.getByTestId('golden-inbound');
  await expect(inbound.locator('figcaption').first()).toHaveText('Requests/s');
  await expect(inbound.locator('.recharts-legend-item-text').first()).toHaveText('v2');
  // reviews-v2 speaks HTTP only: a sentence, not four empty TCP charts.
  await expect(inbound.getByText('No TCP traffic in this window.')).toBeVisible();
  await inbound.getByLabel('Latency').selectOption('avgMs');
  await expect(inbound.getByText('Latency average')).toBeVisible();

  await inbound.getByLabel('Split by').selectOption('remote');
  await expect(inbound.locator('.recharts-legend-item-text').first()).toHaveText(
    'bookinfo/productpage-v1',
  );
  const outbound = page.getByTestId('golden-outbound');
  await expect(outbound.locator('.recharts-legend-item-text').first()).toHaveText(
    'bookinfo/ratings',
  );

  await page.getByLabel('Window').selectOption('6h');
  await expect(page).toHaveURL(/window=6h/);
  const end = new Date(Date.now() - 5 * 60_000);
  const local = new Date(end.getTime() - end.getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 16);
  await page.getByLabel('Ending').fill(local);
  await expect(page.getByTestId('time-state')).toContainText('as of');
  await expect(inbound.locator('figcaption').nth(2)).toHaveText('Latency average');
  for (const theme of ['light', 'dark'] as const) {
    await new OverviewPage(page).setTheme(theme);
    await page.screenshot({ path: `docs/workload-detail-${theme}.png`, fullPage: true });
  }
  await new OverviewPage(page).setTheme('light');
  await page.getByRole('button', { name: 'Now' }).click();
  await expect(page.getByTestId('time-state')).toHaveText('now (live)');
  await expect(page).not.toHaveURL(/end=/);
});

test('the workload page lists the Istio config that applies, each linked to its editor', async ({
  page,
}) => {
  await page.goto('/workloads/bookinfo/reviews-v2');
  const config = page.getByRole('region', { name: 'Istio config that applies' });
  await expect(config.getByRole('link', { name: 'bookinfo/reviews' }).first()).toBeVisible();
  await expect(config.locator('tr[data-kind="VirtualService"]')).toContainText('names its host');
  await expect(config.locator('tr[data-kind="DestinationRule"]')).toContainText('Valid');
  await expect(config.locator('tr[data-kind="PeerAuthentication"]').first()).toBeVisible();

  await config
    .locator('tr[data-kind="VirtualService"]')
    .getByRole('link', { name: 'bookinfo/reviews' })
    .click();
  await expect(page).toHaveURL(/\/istio\/bookinfo\/virtualservices\/reviews$/);
});

test("a TCP caller's detail page charts bytes and connections per remote service", async ({
  page,
}) => {
  await page.goto('/workloads/shop/checkout-v1');
  const outbound = page.getByTestId('golden-outbound');
  await expect(outbound.getByText('TCP connections opened/s')).toBeVisible();
  await expect(
    outbound.locator('.recharts-legend-item-text', { hasText: 'shop/postgres' }).first(),
  ).toBeVisible();
});

test("the app page compares an app's versions; the service page charts its inbound traffic", async ({
  page,
}) => {
  await page.goto('/workloads/bookinfo/reviews-v2');
  await page.getByRole('link', { name: 'reviews', exact: true }).click();
  await expect(page).toHaveURL(/\/apps\/bookinfo\/reviews$/);
  await expect(
    page.getByRole('list', { name: 'Workloads of the app' }).getByRole('listitem'),
  ).toHaveCount(3);
  const inbound = page.getByTestId('golden-inbound');
  const legend = inbound
    .getByTestId('breakdown-chart')
    .first()
    .locator('.recharts-legend-item-text');
  await expect(legend).toHaveCount(3);
  // Groups come busiest first; the three versions are all there.
  expect((await legend.allInnerTexts()).sort()).toEqual(['v1', 'v2', 'v3']);
  const appConfig = page.getByRole('region', { name: 'Istio config that applies' });
  await expect(appConfig.locator('tr[data-kind="VirtualService"]').first()).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await new OverviewPage(page).setTheme(theme);
    await page.screenshot({ path: `docs/app-detail-${theme}.png`, fullPage: true });
  }
  await new OverviewPage(page).setTheme('light');

  await page.goto('/services/bookinfo/reviews?window=30m');
  await expect(page.getByLabel('Window')).toHaveValue('30m');
  await expect(page.getByTestId('golden-inbound').locator('figcaption').first()).toHaveText(
    'Requests/s',
  );
  await expect(page.getByTestId('golden-outbound')).toHaveCount(0);
  const serviceConfig = page.getByRole('region', { name: 'Istio config that applies' });
  await expect(serviceConfig.locator('tr[data-kind="DestinationRule"]')).toContainText(
    'bookinfo/reviews',
  );
  for (const theme of ['light', 'dark'] as const) {
    await new OverviewPage(page).setTheme(theme);
    await page.screenshot({ path: `docs/service-detail-${theme}.png`, fullPage: true });
  }
  await new OverviewPage(page).setTheme('light');
});
