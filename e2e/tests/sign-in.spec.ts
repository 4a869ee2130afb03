import { expect, test, type Page } from '@playwright/test';
import { startStack, type Stack } from '../../scripts/stack/index';
import { ServicePage } from '../pages/service-page';

// A stack of its own: the shared one runs anonymous, and these tests need AUTH_STRATEGY=token.
let stack: Stack;
let tokens: Readonly<Record<string, string>>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  stack = await startStack({
    app: true,
    scrapeIntervalSeconds: 2,
    appEnv: { AUTH_STRATEGY: 'token' },
    log: () => {},
  });
  tokens = Object.fromEntries(stack.users.map((u) => [u.name, u.token]));
});

test.afterAll(async () => {
  await stack.stop();
});

function url(path: string): string {
  if (!stack.appUrl) throw new Error('the stack started no app');
  return new URL(path, stack.appUrl).toString();
}

async function signIn(page: Page, user: string, next: string): Promise<void> {
  await page.goto(url(next));
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  const token = tokens[user];
  if (!token) throw new Error(`the demo has no user ${user}`);
  await page.getByLabel('Kubernetes bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(user);
  await expect(page).toHaveURL(url(next));
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const res = await page.request.get(url('/api/namespaces'));
  expect(res.status()).toBe(401);
}

test('a viewer sees the split but no write controls, and is told why', async ({ page }) => {
  await signIn(page, 'viewer', '/services/bookinfo/reviews');
  const reviews = new ServicePage(page);
  await expect(page.getByRole('img', { name: 'v1 configured 80%' }).first()).toBeVisible();
  await expect(reviews.slider('v1')).toHaveCount(0);
  await expect(reviews.button('Preview')).toHaveCount(0);
  await expect(page.getByTestId('write-denied')).toContainText(
    'do not let you update VirtualService reviews in bookinfo',
  );
  await page.screenshot({ path: 'test-results/e2e/viewer-reviews.png', fullPage: true });
  await page.goto(url('/istio/bookinfo/virtualservices/reviews'));
  await expect(page.getByTestId('write-denied')).toContainText(
    'signed in as viewer) do not let you update VirtualService reviews in bookinfo',
  );
  await expect(page.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Delete/ })).toHaveCount(0);
  await signOut(page);
});

test('bookinfo-editor shifts reviews 80/10/10 to 50/40/10 and sees it applied', async ({
  page,
}) => {
  await signIn(page, 'bookinfo-editor', '/services/bookinfo/reviews');
  const reviews = new ServicePage(page);
  await expect(reviews.slider('v1')).toHaveValue('80');
  await expect(reviews.slider('v2')).toHaveValue('10');
  await expect(reviews.slider('v3')).toHaveValue('10');
  // v3 stays at 10 while v2 takes its 30 points from v1 alone.
  await reviews.lock('v3').click();
  await reviews.slider('v2').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  await expect(reviews.slider('v2')).toHaveValue('40');
  await expect(reviews.slider('v1')).toHaveValue('50');
  await expect(reviews.slider('v3')).toHaveValue('10');
  await reviews.button('Preview').click();
  await expect(reviews.diff()).toBeVisible();
  await reviews.button('Apply').click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'v2 configured 40%' }).first()).toBeVisible();
  await signOut(page);
});
