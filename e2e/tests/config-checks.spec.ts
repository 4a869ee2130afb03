import { expect, test } from '../fixtures';
import { IstioPage } from '../pages/istio-page';

test('the config list shows the new Istio kinds as valid and a kind Meshlens does not read as not checked', async ({
  page,
}) => {
  const istio = new IstioPage(page);
  await istio.openList();
  for (const [kind, namespace, name] of [
    ['Sidecar', 'shop', 'default'],
    ['Telemetry', 'istio-system', 'mesh-default'],
    ['RequestAuthentication', 'bookinfo', 'productpage-jwt'],
    ['ProxyConfig', 'bookinfo', 'reviews-proxy'],
  ] as const)
    await expect(istio.row(kind, namespace, name)).toHaveAttribute('data-status', 'valid');
  const tcpRoute = istio.row('TCPRoute', 'travel', 'hotels-db');
  await expect(tcpRoute).toHaveAttribute('data-status', 'unchecked');
  await expect(tcpRoute).toContainText('Meshlens does not read TCPRoute; nothing checked it.');
  await expect(page.getByText(/\d+ not checked\./)).toBeVisible();

  await istio.setTheme('light');
  await page.screenshot({ path: 'docs/config-checks-light.png', fullPage: true });
  await istio.setTheme('dark');
  await page.screenshot({ path: 'docs/config-checks-dark.png', fullPage: true });
  await istio.setTheme('light');

  await page.getByLabel('Status').selectOption('unchecked');
  await expect(page).toHaveURL(/status=unchecked/);
  await expect(page.locator('[data-testid="istio-row"]')).toHaveCount(1);
});
