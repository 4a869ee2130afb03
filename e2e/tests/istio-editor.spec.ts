import { expect, test } from '../fixtures';
import { IstioPage } from '../pages/istio-page';

test('the broken VirtualService is flagged in the list and its error shows inline in the editor', async ({
  page,
}) => {
  const istio = new IstioPage(page);
  await istio.openList('?namespaces=shop,bookinfo');
  const checkout = istio.row('VirtualService', 'shop', 'checkout');
  await expect(checkout).toHaveAttribute('data-status', 'error');
  await expect(checkout).toContainText('1 error');
  await expect(checkout).toContainText("Subset 'v2' of checkout.shop is not defined");
  await expect(istio.row('VirtualService', 'bookinfo', 'reviews')).toHaveAttribute(
    'data-status',
    'valid',
  );

  await istio.setTheme('light');
  await page.screenshot({ path: 'docs/istio-light.png', fullPage: true });
  await istio.setTheme('dark');
  await page.screenshot({ path: 'docs/istio-dark.png', fullPage: true });
  await istio.setTheme('light');

  await istio.openInEditor('VirtualService', 'shop', 'checkout');
  await expect(page).toHaveURL(/\/istio\/shop\/virtualservices\/checkout$/);
  await expect(istio.editor()).toContainText('subset: v2');
  // CodeMirror marks the offending line itself: the subset that no DestinationRule defines.
  await expect(istio.linesWithError()).toHaveCount(1);
  await expect(istio.linesWithError()).toHaveText(/subset: v2/);
  await expect(istio.editor().locator('.cm-lint-marker-error')).toHaveCount(1);
  await expect(istio.validationList()).toContainText('IST0101');
  await expect(istio.validationList()).toContainText(/line \d+/);
  await page.screenshot({ path: 'docs/istio-editor.png', fullPage: true });
});

test('the list filters by status and kind through the URL', async ({ page }) => {
  const istio = new IstioPage(page);
  await istio.openList();
  await page.getByLabel('Status').selectOption('error');
  await expect(page).toHaveURL(/status=error/);
  await expect(istio.row('VirtualService', 'shop', 'checkout')).toBeVisible();
  await expect(page.locator('[data-testid="istio-row"][data-status="valid"]')).toHaveCount(0);
  await page.getByLabel('Kind').selectOption('Gateway');
  await expect(page).toHaveURL(/kind=Gateway/);
  await expect(istio.row('VirtualService', 'shop', 'checkout')).toHaveCount(0);
});

test('the routing forms create a DestinationRule and VirtualService for a service that has none', async ({
  page,
}) => {
  await page.goto('/istio/wizard/shop/cart');
  await expect(page.getByRole('heading', { name: /Routing for cart/ })).toBeVisible();
  await expect(page.getByLabel('Subset 1 name')).toHaveValue('v1');
  await page.getByRole('button', { name: 'Add header rule' }).click();
  await page.getByLabel('Rule 1 header').fill('end-user');
  await page.getByLabel('Rule 1 value').fill('jason');
  await page.getByLabel('Request timeout').fill('3s');
  await page.getByLabel('Retry attempts').fill('2');
  const vsPreview = page.getByRole('region', { name: 'VirtualService YAML', exact: true });
  await expect(vsPreview).toContainText('exact: jason');
  await expect(vsPreview).toContainText('timeout: 3s');
  await expect(vsPreview).toContainText('No problems found');
  await page.getByRole('button', { name: 'Dry run, then apply both' }).click();
  await expect(page.getByText('Applied the DestinationRule and the VirtualService')).toBeVisible();
  await page.screenshot({ path: 'docs/istio-routing-forms.png', fullPage: true });

  const istio = new IstioPage(page);
  await istio.openList('?namespaces=shop');
  await expect(istio.row('VirtualService', 'shop', 'cart')).toHaveAttribute('data-status', 'valid');
  await expect(istio.row('DestinationRule', 'shop', 'cart')).toBeVisible();
});

test('the routing forms start from the live objects and will not drop a weighted split unasked', async ({
  page,
}) => {
  await page.goto('/istio/wizard/bookinfo/reviews');
  await expect(page.getByLabel('Subset 3 name')).toHaveValue('v3');
  const drPreview = page.getByRole('region', { name: 'DestinationRule YAML', exact: true });
  await expect(drPreview.getByText('No changes.')).toBeVisible();
  await expect(page.getByText('rule 1 splits traffic across 3 destinations')).toBeVisible();
  const apply = page.getByRole('button', { name: 'Dry run, then apply both' });
  await expect(apply).toBeDisabled();
  await page.getByLabel('Load balancer').selectOption('LEAST_REQUEST');
  await expect(drPreview.getByTestId('yaml-diff')).toContainText('+        simple: LEAST_REQUEST');
  await page.getByLabel("Replace those rules with the form's").check();
  await expect(apply).toBeEnabled();
});

test('an analyzer error blocks Apply until the person ticks "apply anyway"', async ({ page }) => {
  const istio = new IstioPage(page);
  await page.goto('/istio/shop/virtualservices/checkout');
  await expect(istio.editor()).toContainText('subset: v2');
  await expect(
    page.getByText('Weights are relative: each destination gets weight ÷ sum.'),
  ).toBeVisible();
  await istio.replaceLine('weight: 90', 'weight: 85');
  await istio.replaceLine('weight: 10', 'weight: 15');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();

  const panel = istio.applyAnyway();
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('IST0101');
  await expect(panel).toContainText("Subset 'v2' of checkout.shop is not defined");
  const confirm = panel.getByLabel('Apply anyway, despite this error');
  await expect(confirm).not.toBeChecked();
  for (const theme of ['light', 'dark'] as const) {
    await istio.setTheme(theme);
    await page.screenshot({ path: `docs/istio-apply-anyway-${theme}.png`, fullPage: true });
  }
  await istio.setTheme('light');

  await confirm.check();
  await page.getByRole('button', { name: 'Apply anyway' }).click();
  // The editor reloads the stored object: the edit is now the live text, and the override is gone.
  await expect(istio.applyAnyway()).toHaveCount(0);
  await expect(page.getByText('No changes.')).toBeVisible();
  await expect(istio.editor()).toContainText('weight: 85');
});

test('a negative weight is refused in the editor, with no way to apply it anyway', async ({
  page,
}) => {
  const istio = new IstioPage(page);
  await page.goto('/istio/bookinfo/virtualservices/reviews');
  // canary-weights may have moved the split already; the first weight is -5 either way.
  await expect(istio.editor()).toContainText('weight:');
  await istio.replaceLine('weight:', 'weight: -5');
  await expect(istio.validationList()).toContainText('weight -5 < 0');
  await expect(istio.validationList()).toContainText('IST0106');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was written' })).toContainText(
    'weight -5 < 0',
  );
  await expect(istio.applyAnyway()).toHaveCount(0);
});
