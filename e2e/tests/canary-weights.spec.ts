import { expect, test } from '../fixtures';
import { ServicePage } from '../pages/service-page';

test('drag the reviews canary to 50/0/50, preview the diff, apply and watch the traffic follow', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const reviews = new ServicePage(page);
  await reviews.open('bookinfo', 'reviews');
  await expect(reviews.slider('v1')).toHaveValue('80');
  await expect(reviews.slider('v2')).toHaveValue('10');
  await expect(reviews.slider('v3')).toHaveValue('10');

  // Mouse: v2 to 0; v1 and v3 absorb its 10 points in proportion (80:10).
  await reviews.drag('v2', 0);
  await expect(reviews.slider('v2')).toHaveValue('0');
  await expect(reviews.slider('v1')).toHaveValue('89');
  await expect(reviews.slider('v3')).toHaveValue('11');

  // Keyboard: with v2 locked at 0, v3 goes up by pages of 10 and steps of 1, taking from v1 only.
  await reviews.lock('v2').click();
  await expect(reviews.lock('v2')).toHaveAttribute('aria-pressed', 'true');
  await reviews.slider('v3').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  await expect(reviews.slider('v3')).toHaveValue('41');
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  await expect(reviews.slider('v3')).toHaveValue('50');
  await expect(reviews.slider('v1')).toHaveValue('50');
  await expect(reviews.slider('v2')).toHaveValue('0');

  await reviews.button('Preview').click();
  const diff = reviews.diff();
  await expect(diff).toBeVisible();
  await expect(diff.locator('[data-kind="remove"]')).toHaveText([
    /weight: 80/,
    /weight: 10/,
    /weight: 10/,
  ]);
  await expect(diff.locator('[data-kind="add"]')).toHaveText([
    /weight: 50/,
    /weight: 0/,
    /weight: 50/,
  ]);

  const compare = page.getByTestId('canary-compare');
  await expect(compare.getByTestId('compare-chart')).toHaveCount(3);
  const markersBefore = await compare.locator('.recharts-reference-line').count();

  await reviews.button('Apply').click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied' })).toBeVisible();
  // The write is a change marker on each of the compare charts at once, named with who made it.
  await expect(compare.getByTestId('routing-change').last()).toContainText(
    /VirtualService bookinfo\/reviews changed by .+ in Meshlens — route 0: v1 80→50, v2 10→0, v3 10→50/,
  );
  await expect(compare.locator('.recharts-reference-line')).toHaveCount(markersBefore + 3);
  await compare.getByRole('button', { name: 'Side by side' }).click();
  await expect(compare.getByTestId('compare-chart')).toHaveCount(9);
  await compare.getByRole('button', { name: 'Overlaid' }).click();
  // The configured bars show the new weights once the refetch lands.
  await expect(page.getByRole('img', { name: 'v3 configured 50%' }).first()).toBeVisible();
  // While the window still averages the old split in, the panel says so instead of crying divergence.
  await expect(page.locator('[data-testid="traffic-warning"][data-code="settling"]')).toContainText(
    'The routes changed',
  );
  await expect(page.locator('[data-testid="traffic-warning"][data-code="divergence"]')).toHaveCount(
    0,
  );

  // Prometheus scrapes every 2 s and the shares average over 1 min: they converge within about that.
  await expect
    .poll(() => reviews.observedShare('v3'), { timeout: 120_000, intervals: [2_000] })
    .toBeGreaterThan(0.4);
  await expect
    .poll(() => reviews.observedShare('v2'), { timeout: 60_000, intervals: [2_000] })
    .toBeLessThan(0.03);
  expect(await reviews.observedShare('v1')).toBeGreaterThan(0.4);

  await reviews.setTheme('light');
  await page.screenshot({ path: 'docs/traffic-light.png', fullPage: true });
  await reviews.setTheme('dark');
  await page.screenshot({ path: 'docs/traffic-dark.png', fullPage: true });
  await reviews.setTheme('light');
});
