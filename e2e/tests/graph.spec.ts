import { expect, test } from '../fixtures';
import { GraphPage } from '../pages/graph-page';

const PRODUCTPAGE = 'wl:bookinfo:productpage-v1';

test('the graph shows Bookinfo and shop, and an edge opens its panel with charts', async ({
  page,
}) => {
  const graph = new GraphPage(page);
  await graph.open();
  const ids = await graph.nodeIds();
  expect(ids).toContain(PRODUCTPAGE);
  expect(ids).toContain('wl:bookinfo:details-v1');
  expect(ids).toContain('ns:shop');

  const edge = await graph.edgeId(PRODUCTPAGE, 'wl:bookinfo:reviews-');
  await graph.clickEdge(edge);
  await expect(graph.panel.getByRole('heading', { level: 2 })).toHaveText(
    /productpage-v1 → reviews-v\d/,
  );
  expect(await graph.selectedIds()).toEqual([edge]);
  await expect(graph.panel.getByText('Requests/s', { exact: true })).toBeVisible();
  await expect(graph.panel.getByRole('link', { name: /Traces between/ })).toHaveAttribute(
    'href',
    /\/traces\?namespace=bookinfo&source=productpage-v1&target=reviews/,
  );
  const charts = graph.panel.getByTestId('metrics-chart');
  await expect(charts).toHaveCount(3);
  await expect(charts.first().locator('path.recharts-area-area').first()).toBeVisible();
  await expect(charts.last().locator('path.recharts-line-curve').first()).toBeVisible();

  await graph.setEdgeLabels('p95 latency');
  await expect.poll(() => graph.edgeLabel(edge)).toMatch(/^\d+(\.\d+)? (ms|s)$/);
  await expect(page).toHaveURL(/labels=p95/);
  await expect(page).toHaveURL(new RegExp(`selected=${encodeURIComponent(edge)}`));

  await graph.setTheme('light');
  await page.screenshot({ path: 'docs/graph-light.png' });
  await graph.setTheme('dark');
  await page.screenshot({ path: 'docs/graph-dark.png' });
  await graph.setTheme('light');

  // A copied link reproduces the view.
  await page.reload();
  await expect(graph.canvas).toHaveAttribute('data-ready', '1');
  await expect(graph.panel.getByRole('heading', { level: 2 })).toHaveText(
    /productpage-v1 → reviews/,
  );
  await expect.poll(() => graph.edgeLabel(edge)).not.toBe('');
});

test('nodes are selectable without a mouse', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('?namespaces=bookinfo');

  await graph.canvas.focus();
  await page.keyboard.press('ArrowRight');
  await expect(graph.panel).toBeVisible();
  expect(await graph.selectedIds()).toHaveLength(1);
  await page.keyboard.press('Escape');
  await expect(graph.panel).toBeHidden();

  const item = graph.elementList.getByRole('button', { name: /^productpage-v1 \(/ });
  await item.focus();
  await expect(graph.elementList).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(graph.panel.getByRole('heading', { level: 2 })).toHaveText('productpage-v1');
  expect(await graph.selectedIds()).toEqual([PRODUCTPAGE]);
  await expect(item).toHaveAttribute('aria-pressed', 'true');
  await expect(graph.panel.getByTestId('metrics-chart')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/graph-node-panel.png' });
});

test('a failed refresh keeps the last graph, dimmed, and says since when', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('?namespaces=bookinfo');
  await page.route('**/api/graph?**', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Prometheus unavailable',
        status: 503,
        detail: 'Prometheus did not answer within 10 s',
      }),
    }),
  );
  await page.getByLabel('Window').selectOption('15m');
  await expect(page.getByTestId('graph-problem')).toHaveText(
    /^Stale since \d\d:\d\d:\d\d — Prometheus did not answer within 10 s$/,
  );
  expect(await graph.nodeIds()).toContain(PRODUCTPAGE);
});

test('find rings matches, hide takes nodes away, and the legend explains the marks', async ({
  page,
}) => {
  const graph = new GraphPage(page);
  await graph.open('?namespaces=bookinfo');
  await page.getByLabel('Find', { exact: true }).fill('reviews');
  await expect
    .poll(() => graph.idsWithClass('found'))
    .toEqual(expect.arrayContaining(['wl:bookinfo:reviews-v1', 'wl:bookinfo:reviews-v2']));
  expect(await graph.idsWithClass('faded')).toContain(PRODUCTPAGE);

  await page.getByLabel('Hide', { exact: true }).fill('ns:bookinfo');
  await expect.poll(() => graph.idsWithClass('hidden')).toContain(PRODUCTPAGE);
  await expect(page).toHaveURL(/find=reviews&hide=ns%3Abookinfo/);
  await page.getByLabel('Hide', { exact: true }).fill('kind:pod');
  await expect(page.getByText('"kind:pod": kind is one of')).toBeVisible();
  await page.getByLabel('Hide', { exact: true }).fill('');

  await page.getByRole('button', { name: 'Legend' }).click();
  const legend = page.getByRole('region', { name: 'Legend' });
  await expect(legend).toBeVisible();
  await expect(legend.getByText('Faded, dashed: outside the selected namespaces')).toBeVisible();
  await page.screenshot({ path: 'test-results/graph-legend.png' });
  await legend.getByRole('button', { name: 'Close legend' }).click();
  await expect(legend).toBeHidden();
});

test('the versioned app graph boxes the versions of an app', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('?type=versionedApp');
  const children = await page.evaluate(() =>
    window.__cy
      ?.getElementById('app:bookinfo:reviews')
      .children()
      .map((n) => n.id()),
  );
  expect(children).toEqual(
    expect.arrayContaining(['ver:bookinfo:reviews:v1', 'ver:bookinfo:reviews:v2']),
  );
  await graph.setEdgeLabels('mTLS');
  await page.screenshot({ path: 'test-results/graph-versioned.png' });
});

test('a routed service node shows its configured vs observed split and its traces', async ({
  page,
}) => {
  const graph = new GraphPage(page);
  await graph.open('?namespaces=bookinfo&type=service&selected=svc:bookinfo:reviews');
  const split = graph.panel.getByTestId('traffic-split');
  await expect(split.getByTestId('split-row')).toHaveCount(3);
  for (const subset of ['v1', 'v2', 'v3']) {
    const row = split.locator(`[data-testid="split-row"][data-subset="${subset}"]`);
    await expect(
      row.getByRole('img', { name: `${subset} configured`, exact: false }),
    ).toBeVisible();
  }
  // v1 carries traffic under every split the other specs set (80/10/10, 50/0/50).
  await expect(
    split.locator('[data-testid="split-row"][data-subset="v1"] [data-testid="observed"]'),
  ).toHaveAttribute('data-share', /^(0\.\d+|1)$/);
  await expect(split.getByRole('slider')).toHaveCount(0);
  await expect(graph.panel.getByRole('link', { name: 'Change the split →' })).toHaveAttribute(
    'href',
    '/services/bookinfo/reviews',
  );
  await expect(graph.panel.getByRole('link', { name: /^Traces into reviews/ })).toHaveAttribute(
    'href',
    '/traces?namespace=bookinfo&target=reviews&window=5m',
  );
  await page.screenshot({ path: 'test-results/graph-service-split.png' });

  // The versionedApp box of reviews stands for the same service; a workload is one side of it only.
  await graph.open('?namespaces=bookinfo&type=versionedApp&selected=app:bookinfo:reviews');
  await expect(graph.panel.getByTestId('traffic-split').getByTestId('split-row')).toHaveCount(3);
  await graph.open(`?namespaces=bookinfo&selected=${encodeURIComponent(PRODUCTPAGE)}`);
  await expect(
    graph.panel.getByRole('link', { name: /^Traces into productpage-v1/ }),
  ).toHaveAttribute('href', '/traces?namespace=bookinfo&target=productpage-v1&window=5m');
  await expect(graph.panel.getByTestId('traffic-split')).toHaveCount(0);
});

test('a live refresh rewrites numbers in place without moving any node', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('?namespaces=bookinfo&refresh=10s&labels=rate&animate=true');
  const before = await graph.positions();
  const edge = await graph.edgeId(PRODUCTPAGE, 'wl:bookinfo:details-');
  // Scribble on the drawn label: only the next refresh's data can put a rate back.
  // (Returns nothing: serialising a cytoscape element back to the test blocks the page for seconds.)
  await page.evaluate((id) => {
    window.__cy?.getElementById(id).data('rateLabel', 'old');
  }, edge);
  expect(await graph.edgeLabel(edge)).toBe('old');
  await expect.poll(() => graph.edgeLabel(edge), { timeout: 25_000 }).toMatch(/ rps$/);
  expect(await graph.positions()).toEqual(before);

  // Traffic animation moves the dashes along the edges.
  const offset = (): Promise<string> =>
    page.evaluate((id) => String(window.__cy?.getElementById(id).style('line-dash-offset')), edge);
  const first = await offset();
  await expect.poll(offset).not.toBe(first);
});

test('the graph reads any window and a past moment, stops refreshing there, and Now returns to live', async ({
  page,
}) => {
  const graph = new GraphPage(page);
  await graph.open('?namespaces=bookinfo&window=6h');
  await expect(page.getByLabel('Window')).toHaveValue('6h');
  await expect(page.getByTestId('time-state')).toHaveText('now (live)');

  const end = new Date(Date.now() - 10 * 60_000);
  end.setSeconds(0, 0);
  const local = new Date(end.getTime() - end.getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 16);
  await page.getByLabel('Ending').fill(local);
  await expect(page).toHaveURL(/end=\d{4}-\d{2}-\d{2}T/);
  await expect(page.getByTestId('time-state')).toContainText('as of');
  await expect(graph.canvas).toHaveAttribute('data-ready', '1');
  // A past moment is not refreshed: no graph request for ten seconds.
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/graph')) requests.push(r.url());
  });
  await page.waitForTimeout(11_000);
  expect(requests).toEqual([]);
  for (const theme of ['light', 'dark'] as const) {
    await graph.setTheme(theme);
    await page.screenshot({ path: `docs/graph-past-${theme}.png` });
  }
  await graph.setTheme('light');

  await page.getByRole('button', { name: 'Now' }).click();
  await expect(page.getByTestId('time-state')).toHaveText('now (live)');
  await expect(page).not.toHaveURL(/end=/);
});
