import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../scripts/stack/chromium';

/**
 * The demo stack (simulator, Prometheus, `next start`) is started once by global-setup on free ports;
 * tests read its URLs from the environment it exports.
 */
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: '../test-results/e2e',
  globalSetup: './global-setup.ts',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
  ],
});
