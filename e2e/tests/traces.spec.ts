import { expect, test } from '../fixtures';
import { GraphPage } from '../pages/graph-page';
import { TracesPage } from '../pages/traces-page';

test('from the productpage → reviews edge to its slowest trace, reviews spans highlighted', async ({
  page,
}) => {
  const graph = new GraphPage(page);
  await graph.open('?namespaces=bookinfo');
  const edge = await graph.edgeId('wl:bookinfo:productpage-v1', 'wl:bookinfo:reviews-');
  await graph.clickEdge(edge);
  await graph.panel.getByRole('link', { name: /Traces between/ }).click();

  const traces = new TracesPage(page);
  await expect(page).toHaveURL(/\/traces\?namespace=bookinfo&source=productpage-v1&target=reviews/);
  await expect(traces.heading).toHaveText(
    /^Traces from productpage-v1 to reviews(-v\d)? in bookinfo$/,
  );
  await traces.waitForList();
  await expect(traces.scatter.locator('.recharts-scatter-symbol').first()).toBeVisible();

  await traces.sortBy('Slowest first');
  await expect(page).toHaveURL(/sort=slowest/);
  await expect
    .poll(async () => {
      const d = await traces.listedDurationsMs();
      return d.length > 1 && d.every((v, i) => i === 0 || d[i - 1]! >= v);
    })
    .toBe(true);

  await traces.traceLinks.first().click();
  await expect(page).toHaveURL(/trace=[0-9a-f]+/);
  await expect(traces.tree).toBeVisible();
  await expect(traces.panel.getByTestId('edge-summary')).toHaveText(
    /\d+ calls? productpage-v1 → reviews.* highlighted/,
  );
  await expect(traces.highlightedRows('reviews.bookinfo').first()).toBeVisible();
  await expect(traces.highlightedRows('productpage.bookinfo').first()).toBeVisible();
  await expect(traces.tree.locator('[data-critical="1"]').first()).toBeVisible();
  await expect(page.getByTestId('time-ruler')).toContainText(/ms|µs/);

  // Keyboard: the tree is reachable and a span opens its details.
  await traces.tree.locator('[role="treeitem"][tabindex="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('span-detail')).toBeVisible();
  await expect(page.getByTestId('span-detail')).toContainText('node_id');

  await traces.setTheme('light');
  await page.screenshot({ path: 'docs/traces-light.png' });
  await traces.setTheme('dark');
  await page.screenshot({ path: 'docs/traces-dark.png' });
  await traces.setTheme('light');

  // The link reproduces the view, trace included.
  await page.reload();
  await expect(traces.tree).toBeVisible();
});

test('a bad trace id and an unknown edge say so in place', async ({ page }) => {
  const traces = new TracesPage(page);
  await traces.open('namespace=bookinfo&source=productpage&target=reviews&trace=0123456789abcdef');
  await expect(page.getByRole('alert').filter({ hasText: 'Trace not found' })).toBeVisible();
  await traces.waitForList();
  await traces.open('namespace=bookinfo&source=ratings&target=productpage');
  await expect(page.getByTestId('no-traces')).toBeVisible();
});
