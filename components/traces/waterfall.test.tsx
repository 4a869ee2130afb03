import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { span, trace } from '@/lib/mesh/traces/testing';
import type { Span } from '@/lib/mesh/traces/types';
import { serviceColors } from './service-colors';
import { Waterfall } from './waterfall';
import { buildWaterfallModel } from './waterfall-model';

function modelOf(spans: Span[]): ReturnType<typeof buildWaterfallModel> {
  return buildWaterfallModel(
    { trace: trace(spans), criticalPath: [], skewAdjustments: [], serviceSelfTimes: [] },
    undefined,
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Waterfall', () => {
  beforeEach(() => {
    // jsdom lays nothing out; give the scroll box the height a browser would.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  });

  it('renders a 5,000-span trace as a tree of only the rows in view', () => {
    const spans = [span('root', { startUs: 0, durationUs: 100_000 })];
    for (let i = 0; i < 4_999; i++)
      spans.push(
        span(`s${i}`, {
          parentId: 'root',
          startUs: i * 10,
          durationUs: 10,
          service: `svc-${i % 7}`,
        }),
      );
    const model = modelOf(spans);
    render(
      <Waterfall
        model={model}
        colors={serviceColors(model.services)}
        showCriticalPath
        selected={undefined}
        onSelect={() => {}}
      />,
    );
    const tree = screen.getByRole('tree', { name: 'Spans of the trace' });
    const rows = tree.querySelectorAll('[role="treeitem"]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]?.getAttribute('aria-expanded')).toBe('true');
  });

  it('collapses with ArrowLeft, moves with arrows and selects with Enter', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const model = modelOf([
      span('a', { startUs: 0, durationUs: 100, error: true }),
      span('b', { parentId: 'a', startUs: 10, durationUs: 20 }),
    ]);
    render(
      <Waterfall
        model={model}
        colors={serviceColors(model.services)}
        showCriticalPath={false}
        selected={undefined}
        onSelect={onSelect}
      />,
    );
    const [first] = screen.getAllByRole('treeitem');
    expect(first?.getAttribute('aria-label')).toContain('error');
    first?.focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledWith(1);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getAllByRole('treeitem')).toHaveLength(1);
    expect(screen.getByRole('treeitem').getAttribute('aria-expanded')).toBe('false');
  });
});
