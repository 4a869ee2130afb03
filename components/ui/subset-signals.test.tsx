import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SubsetSignals } from './subset-signals';

afterEach(cleanup);

describe('SubsetSignals', () => {
  it('names its first column for what the split is by', () => {
    const { rerender } = render(
      <SubsetSignals subsets={[]} metricsAvailable splitBy="backendService" />,
    );
    expect(screen.getByRole('columnheader', { name: 'Backend Service' })).toBeTruthy();
    rerender(<SubsetSignals subsets={[]} metricsAvailable splitBy="subset" />);
    expect(screen.getByRole('columnheader', { name: 'Subset' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'Backend Service' })).toBeNull();
  });
});
