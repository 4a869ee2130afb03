import { expect, test } from '../fixtures';
import { GraphPage } from '../pages/graph-page';
import { IstioPage } from '../pages/istio-page';
import { ServicePage } from '../pages/service-page';
import { WorkloadsPage } from '../pages/workloads-page';

const WEB = 'wl:travel:web';

test('the travel namespace draws ambient workloads once, the waypoint only when asked', async ({
  page,
}) => {
  const graph = new GraphPage(page);
  await graph.open('?namespaces=travel&type=workload');
  await expect
    .poll(() => graph.nodeIds(), { timeout: 60_000 })
    .toEqual(
      expect.arrayContaining([
        WEB,
        'wl:travel:flights-v1',
        'wl:travel:flights-v2',
        'wl:travel:hotels',
        'wl:travel:hotels-db',
      ]),
    );
  expect(await graph.nodeIds()).not.toContain('wl:travel:waypoint');

  const edge = await graph.edgeId(WEB, 'wl:travel:flights-v1');
  await graph.clickEdge(edge);
  await expect(graph.panel.getByRole('heading', { level: 2 })).toHaveText(/web → flights-v1/);
  await expect(graph.panel.getByTestId('edge-waypoint')).toContainText('travel/waypoint');
  await expect(graph.panel.getByText('Requests/s', { exact: true })).toBeVisible();

  await graph.setTheme('light');
  await page.screenshot({ path: 'docs/ambient-graph-light.png' });
  await graph.setTheme('dark');
  await page.screenshot({ path: 'docs/ambient-graph-dark.png' });
  await graph.setTheme('light');

  await page.getByLabel('Ambient traffic').selectOption('waypoint');
  await expect(page).toHaveURL(/ambient=waypoint/);
  await expect.poll(() => graph.nodeIds()).toContain('wl:travel:waypoint');
});

test('the HTTPRoute canary moves from 90/10 to 50/50 with the slider and the split follows', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const flights = new ServicePage(page);
  await flights.open('travel', 'flights');
  await expect(page.getByTestId('traffic-split')).toHaveAttribute('data-routing-kind', 'HTTPRoute');
  await expect(flights.slider('flights-v1')).toHaveValue('90');
  await expect(flights.slider('flights-v2')).toHaveValue('10');

  await flights.drag('flights-v2', 50);
  await expect(flights.slider('flights-v2')).toHaveValue('50');
  await expect(flights.slider('flights-v1')).toHaveValue('50');
  await flights.button('Preview').click();
  const diff = flights.diff();
  await expect(diff).toBeVisible();
  await expect(diff.locator('[data-kind="remove"]')).toHaveText([/weight: 90/, /weight: 10/]);
  await expect(diff.locator('[data-kind="add"]')).toHaveText([/weight: 50/, /weight: 50/]);
  await flights.button('Apply').click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied' })).toBeVisible();

  await expect
    .poll(() => flights.observedShare('flights-v2'), { timeout: 120_000, intervals: [2_000] })
    .toBeGreaterThan(0.4);
  expect(await flights.observedShare('flights-v1')).toBeGreaterThan(0.4);

  await flights.setTheme('light');
  await page.screenshot({ path: 'docs/httproute-split-light.png', fullPage: true });
  await flights.setTheme('dark');
  await page.screenshot({ path: 'docs/httproute-split-dark.png', fullPage: true });
  await flights.setTheme('light');
});

test('the YAML editor opens an HTTPRoute and flags a backend that does not exist', async ({
  page,
}) => {
  const istio = new IstioPage(page);
  await istio.openList('?namespaces=travel');
  const route = istio.row('HTTPRoute', 'travel', 'flights');
  await expect(route).toHaveAttribute('data-status', 'valid');
  await expect(istio.row('K8sGateway', 'travel', 'waypoint')).toContainText('Gateway API');

  await istio.openInEditor('HTTPRoute', 'travel', 'flights');
  await expect(page).toHaveURL(/\/istio\/travel\/httproutes\/flights$/);
  await expect(istio.editor()).toContainText('backendRefs');
  // The API server may have filled in defaults around the name: keep the rest of the line as it is.
  const line = await istio
    .editor()
    .locator('.cm-line', { hasText: 'name: flights-v2' })
    .first()
    .textContent();
  await istio.replaceLine(
    'name: flights-v2',
    (line ?? '').trim().replace('flights-v2', 'flights-v9'),
  );
  await expect(istio.validationList()).toContainText('flights-v9');
  await expect(istio.linesWithError()).toHaveText(/flights-v9/);

  await istio.setTheme('dark');
  await page.screenshot({ path: 'docs/httproute-editor-dark.png', fullPage: true });
  await istio.setTheme('light');
  await page.screenshot({ path: 'docs/httproute-editor-light.png', fullPage: true });
});

test('the workloads list and the overview name each data plane and the waypoint serving travel', async ({
  page,
}) => {
  const workloads = new WorkloadsPage(page);
  await workloads.open('?namespaces=travel');
  await expect(workloads.row('travel', 'web')).toContainText('Ambient + waypoint');
  await expect(workloads.row('travel', 'web')).toContainText('L7 via waypoint');
  await expect(workloads.row('travel', 'waypoint')).toContainText('Waypoint');
  const theme = new IstioPage(page);
  await theme.setTheme('dark');
  await page.screenshot({ path: 'docs/ambient-workloads-dark.png', fullPage: true });
  await theme.setTheme('light');
  await page.screenshot({ path: 'docs/ambient-workloads-light.png', fullPage: true });

  await page.goto('/');
  const travel = page.getByRole('region', { name: 'Data plane in travel' });
  await expect(travel.getByTestId('data-plane-badge')).toContainText(/ambient/i);
  await expect(travel).toContainText('waypoint');
});
