import { chromium, type Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { TracesPage } from '../pages/traces-page';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Every page of the app (`find app -name page.tsx`), with what shows that it has rendered. */
const PAGES: readonly { path: string; ready: string }[] = [
  { path: '/', ready: '[data-testid="namespace-card"]' },
  { path: '/graph?namespaces=bookinfo', ready: '[data-testid="graph"][data-ready="1"]' },
  { path: '/services', ready: 'main table' },
  { path: '/services/bookinfo/reviews', ready: 'role=slider' },
  { path: '/apps', ready: 'main table' },
  { path: '/workloads', ready: 'main table' },
  { path: '/istio', ready: 'main table' },
  { path: '/istio/shop/virtualservices/checkout', ready: '.cm-editor .cm-lint-marker-error' },
  { path: '/istio/new', ready: '.cm-editor' },
  { path: '/istio/wizard', ready: 'main h1' },
  { path: '/istio/wizard/bookinfo/reviews', ready: 'text=/Routing for reviews/' },
  { path: '/istio/authorization/shop/payments', ready: 'text=/Least-privilege ALLOW policy/' },
  { path: '/sign-in', ready: 'main h1' },
  {
    path: '/traces?namespace=bookinfo&source=productpage-v1&target=reviews',
    ready: '[data-testid="traces-scatter"] .recharts-scatter-symbol',
  },
];

/** Records CSP violations from the first script on, before any of the page's own can run. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations?.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
}

test('every page renders under the CSP with no violation and no console error', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.location().url}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
  await watchViolations(page);

  for (const { path, ready } of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers['x-frame-options'], path).toBe('DENY');
    await expect(page.locator(ready).first(), path).toBeVisible();
    await page.waitForLoadState('networkidle');
    const violations = await page.evaluate(() => window.__cspViolations ?? []);
    expect(violations, path).toEqual([]);
  }
  // The traces page is the last one: open a trace too, the span tree is its own bundle.
  const traces = new TracesPage(page);
  await traces.traceLinks.first().click();
  await expect(traces.tree).toBeVisible();
  expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
  expect(errors).toEqual([]);
});

test('the graph page under the CSP, light and dark', async ({ page }) => {
  await watchViolations(page);
  await page.goto('/graph?namespaces=bookinfo');
  await expect(page.locator('[data-testid="graph"][data-ready="1"]')).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    const isDark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
    if (isDark !== (theme === 'dark')) await page.getByRole('button', { name: /theme/ }).click();
    await page.screenshot({ path: `test-results/csp/graph-${theme}.png` });
  }
  expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
});

test('a page reached under a foreign name (DNS rebinding) is refused', async ({ baseURL }) => {
  const app = new URL(baseURL ?? '');
  // The browser resolves the attacker's name to Meshlens' address, as after a rebinding.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      `--host-resolver-rules=MAP rebind.evil.example ${app.hostname}`,
    ],
  });
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        colorScheme,
        viewport: { width: 900, height: 500 },
      });
      const page = await context.newPage();
      const response = await page.goto(`http://rebind.evil.example:${app.port}/graph`);
      expect(response?.status()).toBe(403);
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await expect(page.getByRole('heading', { name: 'Host not allowed' })).toBeVisible();
      await expect(page.getByText('ALLOWED_HOSTS')).toBeVisible();
      const api = await page.evaluate(
        async () => (await fetch('/api/graph?namespaces=bookinfo')).status,
      );
      expect(api).toBe(403);
      await page.screenshot({ path: `test-results/csp/refused-${colorScheme}.png` });
      await context.close();
    }
  } finally {
    await browser.close();
  }
});
