import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readRoutes } from '@/lib/mesh/traffic/route-weights';
import { RouteFacts } from './route-facts';

afterEach(cleanup);

const [catchAll, jason] = readRoutes({
  hosts: ['reviews'],
  http: [
    { route: [{ destination: { host: 'reviews', subset: 'v1' } }], timeout: '2s' },
    {
      match: [{ headers: { 'end-user': { exact: 'jason' } } }],
      fault: { abort: { percentage: { value: 100 }, httpStatus: 503 } },
      route: [{ destination: { host: 'reviews', subset: 'v1' } }],
    },
  ],
});

describe('RouteFacts', () => {
  it('lists the fault in words, tagged so it does not rest on colour, and the shadowing route', () => {
    if (!jason) throw new Error('no route');
    render(<RouteFacts route={jason} label="route #1" />);
    const list = screen.getByRole('list', { name: 'What route #1 does' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]?.textContent).toMatch(
      /^⚠ Unreachable: Never matches: route #0 matches every request/,
    );
    expect(items[0]?.getAttribute('data-shadowed-by')).toBe('0');
    expect(items[1]?.textContent).toBe(
      '⚠ Fault: Aborts 100% of matching requests with HTTP 503: none of them reaches v1 (100%).',
    );
  });

  it('shows timeout and retries as notes, without the warning sign', () => {
    if (!catchAll) throw new Error('no route');
    render(<RouteFacts route={catchAll} label="route #0" />);
    const items = screen.getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['Timeout: 2s, then Envoy answers 504.']);
  });

  it('renders nothing for a route with nothing to say', () => {
    const [plain] = readRoutes({
      hosts: ['r'],
      http: [{ route: [{ destination: { host: 'r' } }] }],
    });
    if (!plain) throw new Error('no route');
    const { container } = render(<RouteFacts route={plain} label="route #0" />);
    expect(container.textContent).toBe('');
  });
});
