import { expect, test } from '../fixtures';
import { OverviewPage } from '../pages/overview-page';

// GET /api/security on the demo mesh: it has a PERMISSIVE mesh-wide policy, STRICT
// bookinfo and PERMISSIVE shop, where legacy-batch calls without a sidecar.
test('the header lock explains the mesh-wide mTLS status from the keyboard', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.open();
  const lock = page.getByTestId('mesh-mtls');
  await expect(lock).toHaveText(/mTLS partially enabled/);
  await lock.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: /^Mesh-wide: / });
  await expect(panel).toBeVisible();
  await expect(
    panel.getByRole('link', { name: 'PeerAuthentication istio-system/default' }),
  ).toBeVisible();
  await page.screenshot({ path: 'docs/mtls-header-light.png' });
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(lock).toBeFocused();
});

test("shop's card lists the plaintext caller STRICT would break; bookinfo is STRICT", async ({
  page,
}) => {
  const overview = new OverviewPage(page);
  await overview.open();
  await expect(overview.card('bookinfo').getByTestId('mtls-badge')).toHaveText(/STRICT/);
  const readiness = overview.card('shop').getByTestId('strict-readiness');
  await expect(readiness).toContainText('Not ready for STRICT');
  await expect(readiness).toContainText('legacy-batch');
  for (const theme of ['light', 'dark'] as const) {
    await overview.setTheme(theme);
    await overview.card('shop').screenshot({ path: `docs/mtls-namespace-${theme}.png` });
  }
  await overview.setTheme('light');
});
