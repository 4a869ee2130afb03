import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProblem } from '@/lib/client/api-fetch';
import type { GraphQueryState } from '@/lib/client/use-graph';
import { GraphProblem } from './graph-status';
import { testGraph } from './graph-fixture';

const state = (patch: Partial<GraphQueryState>): GraphQueryState => ({
  graph: testGraph(),
  updatedAt: new Date(2026, 0, 1, 9, 5, 7).getTime(),
  error: null,
  isPending: false,
  isFetching: false,
  ...patch,
});
const down = new ApiProblem(503, 'Prometheus unavailable', 'Prometheus did not answer');

describe('GraphProblem', () => {
  afterEach(cleanup);

  it('says nothing when the graph is whole and fresh', () => {
    const { container } = render(<GraphProblem state={state({})} />);
    expect(container.childElementCount).toBe(0);
  });

  it('keeps the last graph and says since when it is stale', () => {
    render(<GraphProblem state={state({ error: down })} />);
    expect(screen.getByRole('alert').textContent).toContain(
      'Stale since 09:05:07 — Prometheus did not answer',
    );
  });

  it('names the missing parts of a partial graph', () => {
    const graph = { ...testGraph(), warnings: ['latencies are missing: timeout'] };
    render(<GraphProblem state={state({ graph })} />);
    expect(screen.getByRole('alert').textContent).toContain(
      'Partial graph — latencies are missing',
    );
  });

  it('says the graph could not be loaded when there was never one', () => {
    render(<GraphProblem state={state({ graph: undefined, error: down })} />);
    expect(screen.getByRole('alert').textContent).toContain('Could not load the graph');
  });
});
