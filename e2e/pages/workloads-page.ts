import type { Locator, Page } from '@playwright/test';

/** The workloads table with its namespace filter. */
export class WorkloadsPage {
  constructor(private readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/workloads${query}`);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Workloads', level: 1 });
  }

  rows(): Locator {
    return this.page.getByTestId('workload-row');
  }

  row(namespace: string, name: string): Locator {
    return this.page.locator(`[data-testid="workload-row"][data-workload="${namespace}/${name}"]`);
  }

  summary(): Locator {
    return this.page.getByTestId('workload-summary');
  }

  async filterNamespace(namespace: string): Promise<void> {
    await this.page.getByLabel('Namespace').selectOption(namespace);
  }

  sortButton(column: string): Locator {
    return this.page.getByRole('columnheader', { name: column }).getByRole('button');
  }
}
