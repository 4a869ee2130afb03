import { expect, test } from '../fixtures';
import { GraphPage } from '../pages/graph-page';
import { IstioPage } from '../pages/istio-page';

// The demo's shop: payments-from-checkout lets only checkout's principal call payments, and
// frontend's calls to payments are refused with 403s; catalog-read-only decides on methods and paths.
test('the graph overlay marks the edge the payments policy denies and explains its 403s', async ({
  page,
}) => {
  const graph = new GraphPage(page);
  await graph.open('?namespaces=shop&type=workload&authz=true');
  const status = page.getByTestId('authz-status');
  await expect(status).toContainText(/Authorization: 1 edge denied, \d+ edges? depends?/);
  await expect(
    graph.elementList.getByRole('button', { name: /frontend.* → payments.*denied by policy/ }),
  ).toHaveCount(1);

  await graph.clickEdge(await graph.edgeId('wl:shop:frontend-v1', 'wl:shop:payments'));
  const verdict = graph.panel.getByTestId('edge-verdict');
  await expect(verdict).toContainText('No rule of the ALLOW policies on shop/payments-v1 matches');
  await expect(verdict).toContainText('inferred');
  for (const theme of ['light', 'dark'] as const) {
    await new IstioPage(page).setTheme(theme);
    await page.screenshot({ path: `docs/authz-overlay-${theme}.png` });
  }
  await new IstioPage(page).setTheme('light');
});

test('editing an AuthorizationPolicy previews the observed edges it would deny and allow', async ({
  page,
}) => {
  const istio = new IstioPage(page);
  await istio.openList('?namespaces=shop');
  await istio.openInEditor('AuthorizationPolicy', 'shop', 'payments-from-checkout');
  const preview = page.getByRole('region', { name: 'Traffic this change affects' });
  await expect(preview).toContainText('Edit the policy to see');

  await istio.replaceLine(
    'cluster.local/ns/shop/sa/checkout',
    '- cluster.local/ns/shop/sa/frontend',
  );
  const denying = preview.getByRole('region', { name: 'Would start denying' });
  const allowing = preview.getByRole('region', { name: 'Would start allowing' });
  await expect(denying).toContainText('checkout-v1.shop → payments-v1.shop');
  await expect(allowing).toContainText('frontend-v1.shop → payments-v1.shop');
  await preview.screenshot({ path: 'docs/authz-preview-light.png' });
  await istio.setTheme('dark');
  await preview.screenshot({ path: 'docs/authz-preview-dark.png' });
  await istio.setTheme('light');
});
