import { startStack, type Stack } from '../../scripts/stack/index';
import { expect, test } from '../fixtures';
import { OverviewPage } from '../pages/overview-page';

// A stack of its own: stopping Prometheus must not disturb the other tests.
let stack: Stack;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  stack = await startStack({
    app: true,
    scrapeIntervalSeconds: 1,
    historyMinutes: 5,
    log: () => {},
  });
});

test.afterAll(async () => {
  await stack?.stop();
});

test('Prometheus going down shows in the header and the cards, and recovery needs no reload', async ({
  page,
}) => {
  const overview = new OverviewPage(page);
  await page.goto(`${stack.appUrl}/`);
  await page.getByLabel('Refresh').selectOption('5000');
  await expect(overview.stat('bookinfo', 'Requests/s')).not.toHaveText(/^(0|—)$/);

  await stack.stopPrometheus();
  await expect(page.getByTestId('source-prometheus')).toHaveAttribute('data-state', 'down', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('source-prometheus')).toHaveAttribute(
    'title',
    /Prometheus: down — .+/,
  );
  await expect(overview.card('bookinfo').getByTestId('metrics-unavailable')).toBeVisible();
  await expect(overview.stat('bookinfo', 'Requests/s')).toHaveText('—');
  await expect(overview.stat('bookinfo', 'Services')).toHaveText('4');

  await stack.startPrometheus();
  await expect(page.getByTestId('source-prometheus')).toHaveAttribute('data-state', 'up', {
    timeout: 30_000,
  });
  await expect(overview.stat('bookinfo', 'Requests/s')).not.toHaveText(/^(0|—)$/, {
    timeout: 60_000,
  });
});
