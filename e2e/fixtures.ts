import { test as base, expect } from '@playwright/test';

/** Points every test at the stack global-setup started. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.MESHLENS_URL;
    if (!url)
      throw new Error('MESHLENS_URL is not set: the global setup did not start the demo stack');
    await use(url);
  },
});

export { expect };
